/** Bot Framework activities as Teams posts them to a bot in a personal chat, asking for the replies in the HTTP answer. */
import { randomUUID } from 'node:crypto';

export const BOT_ID = '28:c9e8c047-2a74-40a2-b28a-b162d5f5327c';
/** The connector the activities name; with expectReplies nothing is sent there (port 9 refuses connections). */
export const UNUSED_SERVICE_URL = 'http://127.0.0.1:9/';

export interface TeamsAccount {
  id: string;
  aadObjectId: string;
  name: string;
  tenant: string;
  /** Teams client locale, e.g. "fi-FI". */
  locale: string;
}

export function teamsAccount(name: string, locale: string): TeamsAccount {
  const aadObjectId = randomUUID();
  return { id: `29:1${aadObjectId.replace(/-/g, '')}`, aadObjectId, name, tenant: randomUUID(), locale };
}

export interface ReplyActivity {
  type: string;
  text?: string;
  attachments?: { contentType: string; content: AdaptiveCardContent }[];
}

export interface AdaptiveCardContent {
  body: { type: string; facts?: { title: string; value: string }[] }[];
  actions: { type: string; title: string; data: Record<string, unknown> }[];
}

/** A personal-chat message (or, with `value` and no text, an Action.Submit) with deliveryMode expectReplies. */
export function personalMessage(account: TeamsAccount, id: string, content: { text: string } | { value: Record<string, unknown> }) {
  const now = new Date().toISOString();
  return {
    type: 'message',
    id,
    timestamp: now,
    localTimestamp: now,
    channelId: 'msteams',
    serviceUrl: UNUSED_SERVICE_URL,
    deliveryMode: 'expectReplies',
    from: { id: account.id, aadObjectId: account.aadObjectId, name: account.name },
    conversation: { conversationType: 'personal', tenantId: account.tenant, id: `a:personal-${account.aadObjectId}` },
    recipient: { id: BOT_ID, name: 'Logbook' },
    entities: [{ locale: account.locale, platform: 'Web', timezone: 'Europe/Helsinki', type: 'clientInfo' }],
    channelData: { tenant: { id: account.tenant } },
    locale: account.locale,
    ...('text' in content ? { text: content.text, textFormat: 'plain' } : { value: content.value }),
  };
}

/** The activities of an expectReplies answer. */
export function repliesOf(answer: unknown): ReplyActivity[] {
  const activities = (answer as { activities?: unknown } | null)?.activities;
  if (!Array.isArray(activities)) throw new Error(`no activities in the answer: ${JSON.stringify(answer).slice(0, 200)}`);
  return activities as ReplyActivity[];
}
