/**
 * The dashboard page's entry point into the core, beside core.handle for chat: the HTTP adapter authenticates
 * and translates, and every use case here checks the role (bot/admin/permissions.ts) before reading anything.
 */
import type { Locale } from '../locale';
import type { Stores } from '../ports';
import { editEntry } from './edit-entry';
import { listEntries, type EntriesView, type EntryView } from './entries';
import { exportEntries, type ExportView } from './export';
import { me, type MeView } from './me';
import { overview, overviewChart, type OverviewView } from './overview';
import type { QueryInput } from './params';
import type { DashboardAsker, DashboardResult } from './result';
import { authenticate, signInWithLink, signInWithTeams, type SessionAnswer, type TeamsUser } from './sessions';
import { structure, type StructureView } from './structure';

export interface Dashboard {
  signInWithLink(token: unknown, lang: Locale | null): Promise<SessionAnswer | null>;
  signInWithTeams(user: TeamsUser, lang: Locale | null): Promise<SessionAnswer | null>;
  /** The asker behind a session token, or null when there is no such session (any more). */
  authenticate(session: unknown, lang: Locale | null): Promise<DashboardAsker | null>;
  me(asker: DashboardAsker): Promise<DashboardResult<MeView>>;
  overview(asker: DashboardAsker, query: QueryInput): Promise<DashboardResult<OverviewView>>;
  chart(asker: DashboardAsker, query: QueryInput): Promise<DashboardResult<Uint8Array>>;
  entries(asker: DashboardAsker, query: QueryInput): Promise<DashboardResult<EntriesView>>;
  editEntry(asker: DashboardAsker, entryId: string, body: unknown): Promise<DashboardResult<EntryView>>;
  structure(asker: DashboardAsker): Promise<DashboardResult<StructureView>>;
  export(asker: DashboardAsker, query: QueryInput): Promise<DashboardResult<ExportView>>;
}

export interface DashboardDependencies {
  stores: Stores;
  now?: () => Date;
}

export function createDashboard(deps: DashboardDependencies): Dashboard {
  const { dashboard, directory, reports, admin } = deps.stores;
  const sessions = { dashboard, directory, now: deps.now ?? (() => new Date()) };
  const entries = { dashboard, reports };
  return {
    signInWithLink: (token, lang) => signInWithLink(sessions, token, lang),
    signInWithTeams: (user, lang) => signInWithTeams(sessions, user, lang),
    authenticate: (session, lang) => authenticate(sessions, session, lang),
    me: (asker) => me(reports, asker),
    overview: (asker, query) => overview(reports, asker, query),
    chart: (asker, query) => overviewChart(reports, asker, query),
    entries: (asker, query) => listEntries(entries, asker, query),
    editEntry: (asker, entryId, body) => editEntry(entries, asker, entryId, body),
    structure: (asker) => structure({ dashboard, admin }, asker),
    export: (asker, query) => exportEntries(reports, asker, query),
  };
}
