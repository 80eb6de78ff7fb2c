import type { Locale } from './locale';

/**
 * The longest channel identifier (tenant, user, conversation, message id) an adapter accepts, in UTF-8 bytes:
 * they are keys of unique indexes, whose rows PostgreSQL keeps under 2.7 kB. Real ids are a few dozen ASCII characters.
 */
export const MAX_ID_BYTES = 512;

/** Whether a channel identifier fits MAX_ID_BYTES. */
export const idFits = (id: string): boolean => Buffer.byteLength(id, 'utf8') <= MAX_ID_BYTES;

/** What a channel adapter hands to the core: channel-neutral, already verified. */
export interface Incoming {
  channel: 'local' | 'terminal' | 'teams' | 'slack';
  /** Teams tenant id, Slack team id, or the local organisation's name. */
  tenant: string;
  user: {
    id: string;
    name?: string | null;
    email?: string | null;
    /** Other ids the channel knows this user by (Teams: the 29: id beside the AAD object id). */
    otherIds?: string[];
    /** Asks the channel for the user's email or UPN; called only for a user the organisation does not know yet. */
    lookupEmail?: () => Promise<string | null>;
  };
  conversation: { id: string; kind?: 'personal' | 'group' | 'channel'; thread?: string | null };
  text: string;
  /** Channel locale such as "fi-FI"; null when the channel does not say. */
  locale: string | null;
  /** Values of a submitted card button. */
  actionData?: Record<string, unknown> | null;
  /** The channel's id for this message; a redelivery carries the same one. */
  messageId?: string | null;
  /** 'installed' when the bot was added to a conversation; a message otherwise. */
  kind?: 'message' | 'installed';
  /** The workspace's display name, when the channel tells it (used to name a new organisation). */
  tenantName?: string | null;
  /** People @mentioned in the message (the bot excluded); their mention text is removed from `text`. */
  mentions?: { userId: string; name: string | null }[];
  /** What the channel needs to write to this conversation later; stored by the core, opaque to it. */
  address?: Record<string, unknown> | null;
}

/** A channel-neutral card; adapters render it as Adaptive Card, Block Kit or HTML. */
export interface Card {
  title: string;
  facts: { label: string; value: string }[];
  buttons: { label: string; data: Record<string, unknown>; style?: 'primary' | 'danger' }[];
  imageUrl?: string;
}

/** A file a reply carries, such as a chart image or an export; each adapter delivers it as its channel can. */
export interface Attachment {
  kind: 'image' | 'file';
  filename: string;
  contentType: string;
  data: Uint8Array;
  /** What the file shows, in the reply's language: an image's alt text, or a file's link text. */
  description: string;
}

export interface Reply {
  text: string;
  card?: Card;
  attachments?: Attachment[];
  locale: Locale;
}
