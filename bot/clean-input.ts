/**
 * Input as the bot keeps it: PostgreSQL stores no NUL character and no lone UTF-16 surrogate (in text or in
 * JSON), and control characters only garble replies and exports. Everything a channel hands to the core is
 * cleaned once, on the way in, so no later step fails on what a user typed.
 */
import type { Incoming } from './messages';

/** Deeper JSON than this is cut off (card values and conversation addresses are a few levels deep). */
export const MAX_INPUT_DEPTH = 32;

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Control characters (but tab and line breaks) become spaces; lone surrogates become U+FFFD. */
export function cleanText(text: string): string {
  return text.replace(CONTROL, ' ').replace(LONE_SURROGATE, '\ufffd');
}

/** A JSON value with every string and key cleaned, and anything nested deeper than `depth` levels dropped. */
export function cleanJson(value: unknown, depth = MAX_INPUT_DEPTH): unknown {
  if (typeof value === 'string') return cleanText(value);
  if (!value || typeof value !== 'object') return value;
  if (depth <= 0) return null;
  if (Array.isArray(value)) return value.map((item) => cleanJson(item, depth - 1));
  // fromEntries defines own properties, so a "__proto__" key stays a plain key.
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [cleanText(key), cleanJson(item, depth - 1)]));
}

const cleanOptional = <T extends string | null | undefined>(text: T): T => (typeof text === 'string' ? (cleanText(text) as T) : text);

const cleanRecord = (record: Record<string, unknown> | null | undefined) =>
  record ? (cleanJson(record) as Record<string, unknown>) : record;

export function cleanIncoming(incoming: Incoming): Incoming {
  const { user, conversation } = incoming;
  const { lookupEmail } = user;
  return {
    ...incoming,
    tenant: cleanText(incoming.tenant),
    tenantName: cleanOptional(incoming.tenantName),
    user: {
      ...user,
      id: cleanText(user.id),
      name: cleanOptional(user.name),
      email: cleanOptional(user.email),
      otherIds: user.otherIds?.map(cleanText),
      ...(lookupEmail ? { lookupEmail: async () => cleanOptional(await lookupEmail()) } : {}),
    },
    conversation: { ...conversation, id: cleanText(conversation.id), thread: cleanOptional(conversation.thread) },
    text: cleanText(incoming.text),
    locale: cleanOptional(incoming.locale),
    actionData: cleanRecord(incoming.actionData),
    messageId: cleanOptional(incoming.messageId),
    mentions: incoming.mentions?.map((mention) => ({ userId: cleanText(mention.userId), name: cleanOptional(mention.name) })),
    address: cleanRecord(incoming.address),
  };
}
