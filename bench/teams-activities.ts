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

export function teamsAccount(name: string, locale: string, tenant: string = randomUUID()): TeamsAccount {
  const aadObjectId = randomUUID();
  return { id: `29:1${aadObjectId.replace(/-/g, '')}`, aadObjectId, name, tenant, locale };
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

/** How Teams writes an @mention of `account` into a message's text. */
export const mentionText = (account: TeamsAccount) => `<at>${account.name}</at>`;

/**
 * A personal-chat message (or, with `value` and no text, an Action.Submit) with deliveryMode expectReplies.
 * `mentioned` colleagues get mention entities carrying their AAD object id, as Teams sends them; proactive
 * messages (a slow turn's result) go to `serviceUrl`.
 */
export function personalMessage(
  account: TeamsAccount,
  id: string,
  content: { text: string } | { value: Record<string, unknown> },
  { mentioned = [], serviceUrl = UNUSED_SERVICE_URL }: { mentioned?: TeamsAccount[]; serviceUrl?: string } = {},
) {
  const now = new Date().toISOString();
  const mentions = mentioned.map((colleague) => ({
    type: 'mention',
    text: mentionText(colleague),
    mentioned: { id: colleague.id, aadObjectId: colleague.aadObjectId, name: colleague.name },
  }));
  return {
    type: 'message',
    id,
    timestamp: now,
    localTimestamp: now,
    channelId: 'msteams',
    serviceUrl,
    deliveryMode: 'expectReplies',
    from: { id: account.id, aadObjectId: account.aadObjectId, name: account.name },
    conversation: { conversationType: 'personal', tenantId: account.tenant, id: `a:personal-${account.aadObjectId}` },
    recipient: { id: BOT_ID, name: 'Logbook' },
    entities: [{ locale: account.locale, platform: 'Web', timezone: 'Europe/Helsinki', type: 'clientInfo' }, ...mentions],
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
