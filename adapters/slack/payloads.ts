import { idFits, type Incoming } from '../../bot/messages';
import { parseButtonValue } from './blocks';

/** Where a job's replies go: chat.postMessage into a channel (and thread), or a response_url. */
export type ReplyTarget =
  | { kind: 'post'; channel: string; threadTs: string | null }
  | { kind: 'response_url'; url: string };

/** One piece of work taken from a Slack request after the ack; plain JSON, so a durable queue can hold it. */
export interface SlackJob {
  /** Redeliveries of the same Slack event give the same key. */
  key: string;
  /** The conversation (and thread); jobs of one conversation are handled in order. */
  conversationKey: string;
  incoming: Incoming;
  target: ReplyTarget;
}

type Json = Record<string, unknown>;

const str = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);
/** An identifier (team, user, channel, ts, message id), or null when it is missing or longer than any Slack id. */
const id = (value: unknown): string | null => {
  const text = str(value);
  return text && idFits(text) ? text : null;
};
const obj = (value: unknown): Json => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});

/** An http(s) address (Slack's response_url), or null for anything a reply could not be posted to. */
function webUrl(value: unknown): string | null {
  const text = str(value);
  if (!text || !URL.canParse(text)) return null;
  const { protocol } = new URL(text);
  return protocol === 'https:' || protocol === 'http:' ? text : null;
}

/** Slack's message markup as plain text: the bot's mention removed, links shown by their label. */
export function plainText(text: string, botUserId: string | null): string {
  let result = text;
  if (botUserId) result = result.split(new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`, 'g')).join(' ');
  else result = result.replace(/^\s*<@[A-Z0-9]+(?:\|[^>]*)?>/, ' ');
  return result
    .replace(/<([^<>|]*)\|([^<>]*)>/g, '$2')
    .replace(/<([^<>]*)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A user's @mention; Slack user ids are a few characters, so a longer token is left as text. */
const USER_MENTION = /<@([UW][A-Z0-9]{1,40})(?:\|([^>]*))?>/g;

/**
 * The people a message @mentions, and its text without their mention tokens. The bot is not one of them:
 * it is `botUserId`, or with `leadingIsBot`, a mention that starts the text (what plainText assumes without an id).
 */
export function splitMentions(
  text: string,
  botUserId: string | null,
  leadingIsBot = !botUserId,
): { text: string; mentions: { userId: string; name: string | null }[] } {
  const mentions: { userId: string; name: string | null }[] = [];
  const start = text.search(/\S/);
  const rest = text.replace(USER_MENTION, (token, userId: string, name: string | undefined, offset: number) => {
    if (userId === botUserId || (leadingIsBot && offset === start)) return token;
    if (!mentions.some((m) => m.userId === userId)) mentions.push({ userId, name: name?.trim() || null });
    return ' ';
  });
  return { text: rest, mentions };
}

function job(key: string, incoming: Incoming, target: ReplyTarget): SlackJob {
  const { id, thread } = incoming.conversation;
  return { key, conversationKey: `${incoming.tenant}:${id}:${thread ?? ''}`, incoming, target };
}

/**
 * An Events API `event_callback` as a job: direct messages (message.im) and mentions (app_mention).
 * Null for everything the bot does not answer: its own messages, other bots, edits, joins and other subtypes.
 */
export function eventToJob(body: Json): SlackJob | null {
  const event = obj(body.event);
  const team = id(body.team_id);
  const type = str(event.type);
  const user = id(event.user);
  const channel = id(event.channel);
  const ts = id(event.ts);
  if (!team || !user || !channel || !ts) return null;
  if (type !== 'app_mention' && !(type === 'message' && event.channel_type === 'im')) return null;
  if (event.subtype !== undefined || event.bot_id !== undefined || event.bot_profile !== undefined) return null;
  const authorizations = Array.isArray(body.authorizations) ? body.authorizations.map(obj) : [];
  const botUserId = id(authorizations.find((a) => a.is_bot === true)?.user_id) ?? id(authorizations[0]?.user_id);
  if (botUserId && user === botUserId) return null;
  const threadTs = id(event.thread_ts);
  const messageId = id(event.client_msg_id) ?? id(body.event_id) ?? `${channel}:${ts}`;
  const { text, mentions } = splitMentions(str(event.text) ?? '', botUserId);
  const incoming: Incoming = {
    channel: 'slack',
    tenant: team,
    user: { id: user },
    conversation: { id: channel, kind: type === 'app_mention' ? 'channel' : 'personal', thread: threadTs },
    text: plainText(text, botUserId),
    mentions,
    locale: null,
    messageId,
    kind: 'message',
    address: { channel, thread_ts: threadTs, team },
  };
  // A mention in a DM and the DM itself carry the same client_msg_id: one key for both.
  return job(`message:${team}:${messageId}`, incoming, { kind: 'post', channel, threadTs });
}

/** A slash command (`/logbook <text>`) as a job answered through its response_url. */
export function commandToJob(form: URLSearchParams): SlackJob | null {
  const team = id(form.get('team_id'));
  const user = id(form.get('user_id'));
  const channel = id(form.get('channel_id'));
  const responseUrl = webUrl(form.get('response_url'));
  const triggerId = id(form.get('trigger_id'));
  if (!team || !user || !channel || !responseUrl || !triggerId) return null;
  // A slash command does not mention the bot: every mention is a colleague.
  const { text, mentions } = splitMentions(form.get('text') ?? '', null, false);
  const incoming: Incoming = {
    channel: 'slack',
    tenant: team,
    tenantName: form.get('team_domain'),
    user: { id: user, name: form.get('user_name') },
    conversation: { id: channel, kind: form.get('channel_name') === 'directmessage' ? 'personal' : 'channel', thread: null },
    text: plainText(text, null),
    mentions,
    locale: null,
    messageId: triggerId,
    kind: 'message',
    address: { channel, thread_ts: null, team },
  };
  return job(`command:${team}:${triggerId}`, incoming, { kind: 'response_url', url: responseUrl });
}

/**
 * A `block_actions` interaction on one of the bot's buttons as a job carrying the button's data.
 * Replies go into the card's conversation and thread, or to the response_url for an ephemeral card.
 */
export function interactionToJob(payload: Json): SlackJob | null {
  if (payload.type !== 'block_actions') return null;
  const user = obj(payload.user);
  const userId = id(user.id);
  const team = id(obj(payload.team).id) ?? id(user.team_id);
  const container = obj(payload.container);
  const message = obj(payload.message);
  const channel = id(obj(payload.channel).id) ?? id(container.channel_id);
  const action = (Array.isArray(payload.actions) ? payload.actions.map(obj) : []).find((a) => parseButtonValue(a.action_id, a.value));
  if (!userId || !team || !channel || !action) return null;
  const actionData = parseButtonValue(action.action_id, action.value);
  const threadTs = id(message.thread_ts) ?? id(container.thread_ts);
  const responseUrl = webUrl(payload.response_url);
  const messageId = id(payload.trigger_id) ?? `${channel}:${id(action.action_ts) ?? ''}`;
  const incoming: Incoming = {
    channel: 'slack',
    tenant: team,
    user: { id: userId, name: str(user.name) },
    conversation: { id: channel, kind: channel.startsWith('D') ? 'personal' : 'channel', thread: threadTs },
    text: '',
    locale: null,
    actionData,
    messageId,
    kind: 'message',
    address: { channel, thread_ts: threadTs, team },
  };
  const target: ReplyTarget =
    container.is_ephemeral === true && responseUrl ? { kind: 'response_url', url: responseUrl } : { kind: 'post', channel, threadTs };
  return job(`action:${team}:${messageId}`, incoming, target);
}
