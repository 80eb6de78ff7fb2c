import type { EntryFields } from './entry';
import type { Locale } from './locale';
import type { DraftState } from './logging/draft';
import type { Reply } from './messages';
import type { Catalogue } from './nlu/catalogue';

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
}

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
  /** The organisation of a channel tenant and the member behind a channel user, if known. */
  identify(channel: string, tenant: string, userId: string): Promise<Identity | null>;
  /** Binds a channel user to a new member of the organisation. */
  addMember(
    organisationId: string,
    member: { displayName: string | null; email: string | null; role: Role; locale: Locale | null },
    identity: { channel: string; tenant: string; userId: string },
  ): Promise<MemberInfo>;
  catalogue(organisationId: string): Promise<Catalogue>;
  /** Creates an organisation for a channel workspace, with the default structure. */
  createOrganisation(spec: {
    name: string;
    timeZone: string;
    defaultLocale: Locale;
    channel: string;
    tenant: string;
  }): Promise<OrganisationInfo>;
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
  state: DraftState;
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
  draft?: { save: DraftState } | { remove: true };
  /** The draft that was read, for the revision check; null when there was none. */
  readDraft: DraftRecord | null;
  entry?: { fields: EntryFields; sourceMessageId: string; reflections: Record<string, string> | null };
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

export interface ConversationStore {
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
}
