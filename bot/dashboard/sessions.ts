/**
 * Signing in to the dashboard page: with a one-time link from chat, or with a Teams SSO token the adapter has
 * validated; either opens an 8-hour session whose random token only the page knows (its hash is stored).
 */
import type { Locale } from '../locale';
import type { DashboardStore, DashboardViewer, DirectoryStore, Role } from '../ports';
import { todayIn } from '../time';
import type { DashboardAsker } from './result';
import { hashToken, isToken, newToken } from './tokens';

export const SESSION_MS = 8 * 60 * 60 * 1000;

export interface SessionDependencies {
  dashboard: DashboardStore;
  directory: DirectoryStore;
  now: () => Date;
}

/** What the page gets when it signs in. */
export interface SessionAnswer {
  session: string;
  expiresAt: string;
  member: { id: string; name: string | null; role: Role; locale: Locale };
  organisation: { id: string; name: string };
}

/** A Teams user as a validated SSO token names them: tenant id (tid) and AAD object id (oid). */
export interface TeamsUser {
  tenantId: string;
  aadObjectId: string;
}

/** Uses a sign-in link's token; null when it is unknown, used, expired, or its member was removed. */
export async function signInWithLink(deps: SessionDependencies, token: unknown, lang: Locale | null): Promise<SessionAnswer | null> {
  if (!isToken(token)) return null;
  const signIn = await deps.dashboard.consumeSignIn(hashToken(token), deps.now());
  if (!signIn) return null;
  return openSession(deps, signIn.organisationId, signIn.memberId, lang ?? signIn.locale, lang);
}

/** Signs in the member bound to this Teams user (as the Teams channel identifies them); null when there is none. */
export async function signInWithTeams(deps: SessionDependencies, user: TeamsUser, lang: Locale | null): Promise<SessionAnswer | null> {
  const identity = await deps.directory.identify('teams', user.tenantId, user.aadObjectId);
  if (!identity?.member) return null;
  return openSession(deps, identity.organisation.id, identity.member.id, lang, lang);
}

/** The viewer of a session token with this request's language and day; null when the session is unknown or over. */
export async function authenticate(deps: SessionDependencies, session: unknown, lang: Locale | null): Promise<DashboardAsker | null> {
  if (!isToken(session)) return null;
  const now = deps.now();
  const viewer = await deps.dashboard.findSession(hashToken(session), now);
  if (!viewer) return null;
  return { viewer, locale: viewerLocale(viewer, lang), today: todayIn(viewer.organisation.timeZone, now) };
}

/** The asked language, else the member's own, else the one the dashboard was opened in, else the organisation's. */
export function viewerLocale(viewer: DashboardViewer, lang: Locale | null): Locale {
  return lang ?? viewer.member.locale ?? viewer.locale ?? viewer.organisation.defaultLocale;
}

async function openSession(
  deps: SessionDependencies,
  organisationId: string,
  memberId: string,
  sessionLocale: Locale | null,
  lang: Locale | null,
): Promise<SessionAnswer | null> {
  const { token, hash } = newToken();
  const now = deps.now();
  await deps.dashboard.createSession(organisationId, memberId, hash, new Date(now.getTime() + SESSION_MS), sessionLocale);
  const viewer = await deps.dashboard.findSession(hash, now);
  if (!viewer) return null;
  const { member, organisation } = viewer;
  return {
    session: token,
    expiresAt: viewer.expiresAt.toISOString(),
    member: { id: member.id, name: member.displayName, role: member.role, locale: viewerLocale(viewer, lang) },
    organisation: { id: organisation.id, name: organisation.name },
  };
}
