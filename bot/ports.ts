import type { EntryFields, WorkForm } from './entry';
import type { Locale } from './locale';
import type { ConversationState } from './conversation-state';
import type { Reply } from './messages';
import type { Catalogue } from './nlu/catalogue';
import type { ReportCatalogue } from './reports/question';
import type { Metric, Period, ReportQuery } from '../reports/query';
import type { ReportResult } from '../reports/run';
import type { NoteRow } from '../reports/summary';
import type { Goal, GoalSelector, GoalSpec } from '../reports/goal';
import type { GoalProgress } from '../reports/goals';

/** The core's view of storage: implemented in storage/, so no SQL lives in bot/. */

export type Role = 'worker' | 'mentor' | 'manager';

export const DEFAULT_REQUIRED_FIELDS = ['date', 'workForm', 'participants.total'] as const;

export interface OrganisationInfo {
  id: string;
  name: string;
  timeZone: string;
  defaultLocale: Locale;
  /** Entry fields a log must have before it can be saved. */
  requiredFields: string[];
  /** Asked after a log is saved; each question in one or more languages. */
  reflectionQuestions: ReflectionQuestion[];
  /** Bumped by every change of units, activities or themes, so cached catalogues are reloaded. */
  catalogueVersion: number;
}

export type ReflectionQuestion = Partial<Record<Locale, string>>;

export interface MemberInfo {
  id: string;
  organisationId: string;
  displayName: string | null;
  role: Role;
  locale: Locale | null;
}

export interface Identity {
  organisation: OrganisationInfo;
  member: MemberInfo | null;
}

export interface DirectoryStore {
  /** The organisation of a channel tenant and the member behind a channel user (by any of its ids), if known. */
  identify(channel: string, tenant: string, userId: string, otherUserIds?: string[]): Promise<Identity | null>;
  /** Binds a channel user to a new member of the organisation. */
  addMember(
    organisationId: string,
    member: { displayName: string | null; email: string | null; role: Role; locale: Locale | null },
    identity: { channel: string; tenant: string; userId: string },
  ): Promise<MemberInfo>;
  /** The units, activities and themes; a cached copy older than `version` is reloaded. */
  catalogue(organisationId: string, version?: number): Promise<Catalogue>;
  /** Creates an organisation for a channel workspace, with the default structure; null when the workspace has one already. */
  createOrganisation(spec: {
    name: string;
    timeZone: string;
    defaultLocale: Locale;
    channel: string;
    tenant: string;
  }): Promise<OrganisationInfo | null>;
}

export interface EntrySummary {
  id: string;
  date: string;
  unit: string | null;
  workForm: string | null;
  total: number | null;
  durationMinutes: number | null;
  createdAt: Date;
}

export interface EntryStore {
  /** The author's latest entries that are not deleted, newest first. */
  recentByAuthor(organisationId: string, authorId: string, limit: number): Promise<EntrySummary[]>;
}

export interface DraftRecord {
  id: string;
  state: ConversationState;
}

/** Where a turn happens: one member in one conversation of one channel. */
export interface TurnScope {
  organisationId: string;
  memberId: string;
  channel: string;
  conversationKey: string;
  /** The inbound message id; a turn with an id already committed is a duplicate. */
  messageId: string | null;
}

/** Everything a turn writes, committed together or not at all. */
export interface TurnEffects {
  /** Save (insert or update) the draft, or remove it. Checked against the revision that was read. */
  draft?: { save: ConversationState } | { remove: true };
  /** The draft that was read, for the revision check; null when there was none. */
  readDraft: DraftRecord | null;
  /** A new entry; `id` when the turn must know it in advance (reflection questions follow). */
  entry?: { id?: string; fields: EntryFields; sourceMessageId: string; reflections: Record<string, string> | null };
  /** The conversation's latest reply address, for proactive messages; kept with the turn's other writes. */
  address?: { conversationId: string; reference: Record<string, unknown> };
  /** One answer to a reflection question, added to the member's own entry. */
  reflection?: { entryId: string; question: string; answer: string };
  /** Soft-delete this entry of the member's and audit it. */
  undoEntryId?: string;
  memberLocale?: Locale;
  replies: Reply[];
}

export type CommitResult =
  | { status: 'committed'; entryId: string | null }
  /** Another delivery of the same message id committed first; these are its replies. */
  | { status: 'duplicate'; replies: Reply[] }
  /** Someone changed the draft or entry since it was read; run the turn again. */
  | { status: 'conflict' };

/** What a turn reads before it decides, in one round trip to the database. */
export interface TurnStart {
  /** As DirectoryStore.identify tells it. */
  identity: Identity | null;
  /** For a known member: the replies already sent for the message id, or null when it is new. */
  earlierReplies: Reply[] | null;
  /** For a known member: the conversation's draft, if any. */
  draft: DraftRecord | null;
}

export interface ConversationStore {
  /** Who wrote (by any of their ids) and, for a member, an earlier delivery's replies and the conversation's draft. */
  startTurn(
    channelUser: { channel: string; tenant: string; userId: string; otherUserIds: string[] },
    turn: { conversationKey: string; messageId: string | null },
  ): Promise<TurnStart>;
  /** Keeps the latest reply address of a conversation, for proactive messages. */
  saveAddress(organisationId: string, channel: string, conversationId: string, memberId: string | null, address: Record<string, unknown>): Promise<void>;
  loadDraft(organisationId: string, memberId: string, conversationKey: string): Promise<DraftRecord | null>;
  /** Replies already sent for this message id, or null if it is new. */
  processedReplies(organisationId: string, channel: string, messageId: string): Promise<Reply[] | null>;
  commit(scope: TurnScope, effects: TurnEffects): Promise<CommitResult>;
}

export interface Stores {
  directory: DirectoryStore;
  entries: EntryStore;
  conversations: ConversationStore;
  admin: AdminStore;
  reports: ReportStore;
  schedules: ScheduleStore;
  dashboard: DashboardStore;
}

/** The units a report may read: null means all of the organisation's. */
export interface ReportUnitScope {
  unitIds: string[] | null;
}

/** Report questions asked in chat: implemented over reports/ (SQL stays out of bot/). */
export interface ReportStore {
  /** Units and activities with their ids (archived ones too), and themes. */
  catalogue(organisationId: string): Promise<ReportCatalogue>;
  /** The units a member belongs to (empty when none are set). */
  memberUnits(organisationId: string, memberId: string): Promise<string[]>;
  run(organisationId: string, scope: ReportUnitScope, query: ReportQuery, options: { asOf: string; locale: Locale }): Promise<ReportResult>;
  /** Notes and themes of the query's period, for the summary paragraph. */
  notes(organisationId: string, scope: ReportUnitScope, query: ReportQuery, asOf: string): Promise<NoteRow[]>;
  /** How far each goal is met over the period (cut at asOf), within the scope; `only.metrics` keeps those metrics' goals. */
  goals(organisationId: string, scope: ReportUnitScope, period: Period, asOf: string, only?: { metrics?: Metric[] }): Promise<GoalProgress[]>;
  /**
   * The period's entries within the scope (and the named units, when any), as a file with the CLI export's
   * columns; soft-deleted entries left out. Throws ExportTooLargeError above the store's row limit.
   */
  exportEntries(organisationId: string, scope: ReportUnitScope, filters: ExportFilters, format: ExportFileFormat): Promise<ExportedFile>;
}

export type ExportFileFormat = 'csv' | 'xlsx';

export interface ExportFilters {
  period: Period;
  /** Only these units; empty for every unit of the scope. */
  unitIds: string[];
}

export interface ExportedFile {
  data: Uint8Array;
  /** Entries in the file. */
  count: number;
}

/** An export with more entries than a chat reply may carry: the command line export is the way then. */
export class ExportTooLargeError extends Error {
  constructor(
    readonly count: number,
    readonly limit: number,
  ) {
    super(`export of ${count} entries exceeds the limit of ${limit}`);
    this.name = 'ExportTooLargeError';
  }
}

/*
 * Administration by mentors. Every method takes the organisation id first; every change takes the acting
 * member's id and writes an audit event in the same transaction as the change.
 */

/** A channel user: (channel, Teams tenant or Slack team, user id). */
export interface ChannelUser {
  channel: string;
  tenant: string;
  userId: string;
}

export interface MemberListing {
  id: string;
  displayName: string | null;
  email: string | null;
  role: Role;
  unitNames: string[];
  /** Channels the member is bound on, e.g. ['teams']. */
  channels: string[];
}

/** How a mentor names a colleague: an @mention, an email address, or (part of) a name. */
export type MemberQuery = { mention: ChannelUser } | { email: string } | { name: string };

/** What a change did; `unchanged` when the value was that already. */
export type ChangeStatus = 'done' | 'restored' | 'exists' | 'notFound' | 'unchanged' | 'lastMentor' | 'unknownUnit';

export type CatalogueKind = 'unit' | 'activity' | 'theme';

export interface CatalogueItem {
  /** Units and activities: the name; themes: the key. */
  name: string;
  aliases: string[];
  /** Themes: the label in each language. */
  labels?: Partial<Record<Locale, string>>;
  /** Activities: the unit's name. */
  unit?: string | null;
  /** Activities: the work form. */
  workForm?: string | null;
}

export interface OrganisationSettingsView {
  name: string;
  timeZone: string;
  defaultLocale: Locale;
  requiredFields: string[];
  reflectionQuestions: ReflectionQuestion[];
  noteRetentionDays: number | null;
}

export type SettingChange =
  | { setting: 'requiredFields'; value: string[] }
  | { setting: 'reflectionQuestions'; value: ReflectionQuestion[] }
  | { setting: 'timeZone'; value: string }
  | { setting: 'defaultLocale'; value: Locale }
  | { setting: 'noteRetentionDays'; value: number | null };

export interface AuditLine {
  at: Date;
  /** Null for changes the system made itself. */
  actorId: string | null;
  actorName: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  before: unknown;
  after: unknown;
}

export interface AdminStore {
  members: {
    /** Adds a member, bound to a channel user when given; a removed member with that email comes back. */
    add(
      organisationId: string,
      actorId: string,
      member: { displayName: string | null; email: string | null; role: Role; identity: ChannelUser | null },
    ): Promise<{ status: 'done' | 'restored' | 'exists'; member: MemberListing }>;
    find(organisationId: string, query: MemberQuery): Promise<MemberListing[]>;
    list(organisationId: string): Promise<MemberListing[]>;
    updateRole(organisationId: string, actorId: string, memberId: string, role: Role): Promise<ChangeStatus>;
    /** Sets the member's units by name or alias; `unknown` lists names that are no active unit. */
    updateUnits(organisationId: string, actorId: string, memberId: string, unitNames: string[]): Promise<{ status: ChangeStatus; unknown: string[] }>;
    /** Marks the member removed and unbinds their channel identities; their entries stay theirs. */
    remove(organisationId: string, actorId: string, memberId: string): Promise<ChangeStatus>;
    /** Binds a channel user to the active member with this email who has no identity on that channel yet. */
    bindByEmail(organisationId: string, email: string, identity: ChannelUser, displayName: string | null): Promise<MemberInfo | null>;
  };
  catalogue: {
    list(organisationId: string, kind: CatalogueKind): Promise<CatalogueItem[]>;
    /** Adds an item; an archived one of that name is restored. Themes take `keywords` per language. */
    add(
      organisationId: string,
      actorId: string,
      kind: CatalogueKind,
      item: { name: string; aliases: string[]; unit?: string | null; workForm?: string | null; keywords?: Partial<Record<Locale, string[]>>; locale?: Locale },
    ): Promise<ChangeStatus>;
    /** Renames an item (themes: the label in `locale`); the old name stays as an alias of units and activities. */
    rename(organisationId: string, actorId: string, kind: CatalogueKind, name: string, newName: string, locale: Locale): Promise<ChangeStatus>;
    archive(organisationId: string, actorId: string, kind: CatalogueKind, name: string): Promise<ChangeStatus>;
    /** Adds aliases (units, activities) or keywords per language (themes). */
    addAliases(organisationId: string, actorId: string, kind: CatalogueKind, name: string, aliases: Partial<Record<Locale, string[]>>): Promise<ChangeStatus>;
    /** The item's canonical name, if an active item is called so (by name, alias, key or label). */
    resolve(organisationId: string, kind: CatalogueKind, name: string): Promise<string | null>;
  };
  settings: {
    get(organisationId: string): Promise<OrganisationSettingsView>;
    set(organisationId: string, actorId: string, change: SettingChange): Promise<ChangeStatus>;
  };
  /** The latest audit events, newest first. */
  recentAudit(organisationId: string, limit: number): Promise<AuditLine[]>;
  requests: MembershipRequests;
  goals: GoalAdmin;
}

/** What setting a goal did; `previous` is the goal it replaced. */
export type GoalChange = { status: 'added' | 'updated' | 'unchanged'; goal: Goal; previous: Goal | null } | { status: 'unknownUnit' };

/** The organisation's goals (audit events 'goal.add', 'goal.update', 'goal.remove'). */
export interface GoalAdmin {
  list(organisationId: string): Promise<Goal[]>;
  /** Adds the goal, or changes the one of the same unit, metric and per; the unit by its exact name. */
  set(organisationId: string, actorId: string, goal: GoalSpec): Promise<GoalChange>;
  /** Removes the goals the selector names: every per of the metric when per is null. */
  remove(organisationId: string, actorId: string, selector: GoalSelector): Promise<{ status: 'done' | 'notFound' | 'unknownUnit'; removed: Goal[] }>;
}

/** Strangers who wrote in a known organisation, so its mentors can add them (audit events 'member.requested'). */
export interface MembershipRequests {
  /** Records the channel user's request; null when one of theirs was recorded after `since` already. */
  record(organisationId: string, user: ChannelUser, since: Date): Promise<string | null>;
  /** The channel user of a recorded request. */
  find(organisationId: string, requestId: string): Promise<ChannelUser | null>;
  /** The organisation's active mentors. */
  mentors(organisationId: string): Promise<MemberInfo[]>;
}

/** Proactive messages: sends replies to a member's saved conversation; false when there is none to write to. */
export interface Notifier {
  notify(organisationId: string, memberId: string, replies: Reply[]): Promise<boolean>;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** From start to end ("HH:MM", in the organisation's time zone); start after end spans midnight. */
export interface QuietHours {
  start: string;
  end: string;
}

/** A manager's or mentor's weekly digest, at a weekday and time ("HH:MM") in the organisation's time zone. */
export interface DigestSchedule {
  weekday: Weekday;
  time: string;
  enabled: boolean;
  /** When it was last set: a slot that passed before then is not sent. */
  setAt: Date | null;
}

/** A worker's opt-in reminder to log, `afterHours` after their usual sessions. */
export interface ReminderSchedule {
  /** Session start times ("HH:MM", organisation's time zone). */
  times: string[];
  /** The sessions' weekdays; empty means every day. */
  weekdays: Weekday[];
  afterHours: number;
  setAt: Date | null;
  snoozedUntil: Date | null;
  stopped: boolean;
}

export interface MemberSchedules {
  digest: DigestSchedule | null;
  /** Null until the member asks for reminders. */
  reminder: ReminderSchedule | null;
  quietHours: QuietHours | null;
}

/** A member's own digest and reminder settings; `at` is the time of the change (the core's clock). */
export interface ScheduleStore {
  get(organisationId: string, memberId: string): Promise<MemberSchedules>;
  /** Sets the digest's day and time and turns it on; null turns it off. */
  setDigest(organisationId: string, memberId: string, digest: { weekday: Weekday; time: string } | null, at: Date): Promise<void>;
  /** Opts in (again): clears a stop and a snooze. */
  setReminder(organisationId: string, memberId: string, reminder: { times: string[]; weekdays: Weekday[]; afterHours: number }, at: Date): Promise<void>;
  setQuietHours(organisationId: string, memberId: string, quietHours: QuietHours | null, at: Date): Promise<void>;
  snoozeReminders(organisationId: string, memberId: string, until: Date, at: Date): Promise<void>;
  stopReminders(organisationId: string, memberId: string, at: Date): Promise<void>;
}

/*
 * The dashboard page (adapters/tab). Sign-ins and sessions are found by the SHA-256 hash of their random
 * token, which names the organisation (as a channel tenant does for identify); only hashes are stored.
 * Expiry is checked against `now`, the core's clock.
 */

/** Who a dashboard session belongs to: the active member and their organisation, read afresh each time. */
export interface DashboardViewer {
  organisation: OrganisationInfo;
  member: MemberInfo;
  /** The language in effect when the dashboard was opened (used when the member chose none). */
  locale: Locale | null;
  expiresAt: Date;
}

/** A one-time sign-in that was used just now. */
export interface DashboardSignIn {
  organisationId: string;
  memberId: string;
  locale: Locale | null;
}

/** Which entries a dashboard viewer may list: one author's, or those of some units (null: all) plus their own. */
export type EntryVisibility = { authorId: string } | { unitIds: string[] | null; alsoAuthorId: string };

export interface DashboardEntryFilter {
  visible: EntryVisibility;
  /** Inclusive dates, YYYY-MM-DD; null leaves that end open. */
  from: string | null;
  to: string | null;
  unitId: string | null;
  workForm: WorkForm | null;
  limit: number;
  offset: number;
}

export interface DashboardEntry {
  id: string;
  date: string;
  unitId: string | null;
  unit: string | null;
  activity: string | null;
  workForm: WorkForm | null;
  durationMinutes: number | null;
  participants: { total: number | null; girls: number | null; boys: number | null; nonBinary: number | null; new: number | null };
  youthLed: boolean | null;
  themes: string[];
  notes: string | null;
  authorId: string | null;
  /** The author's name; null when unknown or erased. */
  author: string | null;
}

/** The fields of an entry the dashboard changes; absent fields stay as they are. */
export interface EntryChange {
  date?: string;
  unitId?: string | null;
  workForm?: WorkForm | null;
  durationMinutes?: number | null;
  participants?: DashboardEntry['participants'];
  youthLed?: boolean | null;
  themes?: string[];
  notes?: string | null;
}

/** The organisation's structure with ids and archived ones, for the mentors' view. */
export interface StructureListing {
  units: { id: string; name: string; aliases: string[]; archived: boolean }[];
  activities: { id: string; name: string; unit: string | null; workForm: WorkForm | null; archived: boolean }[];
  themes: { key: string; labels: Partial<Record<Locale, string>>; archived: boolean }[];
}

export interface DashboardStore {
  /** Keeps a one-time sign-in (by its token's hash) for the member until `expiresAt`. */
  createSignIn(organisationId: string, memberId: string, tokenHash: string, expiresAt: Date, locale: Locale | null): Promise<void>;
  /** Marks the sign-in used, atomically: null when it is unknown, used, expired at `now`, or its member was removed. */
  consumeSignIn(tokenHash: string, now: Date): Promise<DashboardSignIn | null>;
  createSession(organisationId: string, memberId: string, tokenHash: string, expiresAt: Date, locale: Locale | null): Promise<void>;
  /** The session's viewer; null when it is unknown, expired at `now`, or its member was removed. */
  findSession(tokenHash: string, now: Date): Promise<DashboardViewer | null>;
  /** One page of entries, newest first, not deleted, and how many match in all. */
  listEntries(organisationId: string, filter: DashboardEntryFilter): Promise<{ total: number; entries: DashboardEntry[] }>;
  /** An entry that is not deleted. */
  findEntry(organisationId: string, entryId: string): Promise<DashboardEntry | null>;
  /**
   * Changes an entry and writes the audit event 'entry.update' (the rows before and after) in one transaction.
   * `onlyAuthorId` limits it to that author's entry. Null when there is no such entry (or it was deleted).
   */
  updateEntry(organisationId: string, actorId: string, entryId: string, change: EntryChange, onlyAuthorId: string | null): Promise<DashboardEntry | null>;
  structure(organisationId: string): Promise<StructureListing>;
}
