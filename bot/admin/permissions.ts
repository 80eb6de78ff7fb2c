import type { Command } from '../commands';
import type { PhraseKey } from '../i18n';
import type { Role } from '../ports';
import type { AdminCommandKind } from './commands';
import type { ScheduleCommandKind } from '../schedules/commands';

/** Everything a member can ask of the bot: the general commands, logging, reports and the mentor commands. */
export type CommandKind = Command['kind'] | 'log' | 'report' | 'export' | AdminCommandKind | ScheduleCommandKind | DashboardKind;

/**
 * What the dashboard page asks besides reports and exports: editing one's own entries, anyone's, and the
 * organisation's structure. (Opening the dashboard is the chat command `dashboard`.)
 */
export type DashboardKind = 'editEntry' | 'editAnyEntry' | 'structure';

const EVERYONE: readonly Role[] = ['worker', 'manager', 'mentor'];
const REPORTERS: readonly Role[] = ['manager', 'mentor'];
const MENTORS: readonly Role[] = ['mentor'];

/** The one table of who may do what; the core checks it for every command before doing anything. */
export const PERMISSIONS: Record<CommandKind, readonly Role[]> = {
  help: EVERYONE,
  language: EVERYONE,
  log: EVERYONE,
  undo: EVERYONE,
  myEntries: EVERYONE,
  report: REPORTERS,
  export: REPORTERS,
  digest: REPORTERS,
  reminders: EVERYONE,
  addMember: MENTORS,
  setRole: MENTORS,
  setUnits: MENTORS,
  removeMember: MENTORS,
  listMembers: MENTORS,
  addUnit: MENTORS,
  addActivity: MENTORS,
  addTheme: MENTORS,
  rename: MENTORS,
  archive: MENTORS,
  addAliases: MENTORS,
  listCatalogue: MENTORS,
  setRequiredFields: MENTORS,
  setReflectionQuestions: MENTORS,
  setTimeZone: MENTORS,
  setDefaultLocale: MENTORS,
  setNoteRetention: MENTORS,
  showSettings: MENTORS,
  audit: MENTORS,
  setGoal: MENTORS,
  removeGoal: MENTORS,
  listGoals: REPORTERS,
  dashboard: EVERYONE,
  editEntry: EVERYONE,
  editAnyEntry: MENTORS,
  structure: MENTORS,
};

export function isAllowed(role: Role, kind: CommandKind): boolean {
  return PERMISSIONS[kind].includes(role);
}

/** The refusal for a command the role may not use, naming who may. */
export function refusalKey(kind: CommandKind): PhraseKey {
  return PERMISSIONS[kind] === REPORTERS ? 'refusedReports' : 'refusedMentorsOnly';
}
