/**
 * Garbage chat messages in well-formed requests: the local web chat's JSON and Teams activities (messages,
 * card submits, Action.Execute invokes, channel mentions, installs) with expectReplies, from a fixed set of users.
 */
import type { FuzzRequest } from './fuzz-http';
import { Random } from './fuzz-random';
import { garbageJson, garbageKey, garbageText, garbageWord } from './fuzz-text';
import { BOT_ID, personalMessage, type TeamsAccount } from './teams-activities';

/** The local chat takes at most this much text (adapters/local/web-chat.ts); a little more must be a 400. */
export const LOCAL_TEXT_LIMIT = 10_000;
/** Teams has no limit of its own below the body limit; this keeps long texts long but the run short. */
const TEAMS_TEXT_LIMIT = 30_000;

export type ChatUser = { kind: 'local'; id: string; locale: string } | { kind: 'teams'; account: TeamsAccount };

const LOCALES = ['fi', 'sv', 'en', 'fi-FI', 'sv-FI', 'sv-SE', 'en-GB', 'en-US'] as const;

function uuid(rng: Random): string {
  const hex = Array.from({ length: 32 }, () => rng.int(0, 15).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/**
 * `count` users, half in the local chat (mentors of its organisation) and half in Teams. Teams users have a
 * tenant of their own (they sign it up), except every third, who shares the tenant of the one before and is a
 * stranger there. The same seed gives the same users.
 */
export function chatUsers(seed: number, count: number): ChatUser[] {
  const rng = new Random(seed ^ 0x5eed);
  const users: ChatUser[] = [];
  const tenants: string[] = [];
  for (let index = 0; index < count; index++) {
    const locale = LOCALES[index % LOCALES.length];
    if (index % 2 === 0) {
      users.push({ kind: 'local', id: `fuzz-local-${index}`, locale });
      continue;
    }
    const teamsIndex = tenants.length;
    const tenant = teamsIndex % 3 === 2 ? tenants[teamsIndex - 1] : uuid(rng);
    tenants.push(tenant);
    const aadObjectId = uuid(rng);
    users.push({
      kind: 'teams',
      account: { id: `29:1${aadObjectId.replace(/-/g, '')}`, aadObjectId, name: `Fuzz ${index}`, tenant, locale },
    });
  }
  return users;
}

function messageId(rng: Random): string | undefined {
  return rng.weighted<() => string | undefined>([
    [95, () => `fuzz-${rng.int(0, 2 ** 31)}`],
    // Redeliveries: the same id with other content must get the first answer back.
    [3, () => `dup-${rng.int(0, 9)}`],
    [1, () => garbageWord(rng)],
    [1, () => undefined],
  ])();
}

function locale(rng: Random, usual: string): string | null {
  if (rng.chance(0.85)) return usual;
  return rng.weighted<() => string | null>([
    [3, () => rng.pick(LOCALES)],
    [2, () => rng.pick(['de-DE', 'xx', '', 'FI', 'sv_SE', 'fi-SV', 'en-', '-', 'zh-Hant-TW', 'i-klingon'])],
    [1, () => null],
    [2, () => garbageWord(rng).slice(0, 20)],
  ])();
}

/** What a card button might submit: the bot's own actions with garbage around them, or garbage. */
export function cardValue(rng: Random): Record<string, unknown> {
  if (rng.chance(0.1)) {
    const value = garbageJson(rng, 3);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
  }
  const action = rng.weighted<() => unknown>([
    [6, () => rng.pick(['save', 'edit', 'cancel', 'mask', 'keep'])],
    [2, () => rng.pick(['adminConfirm', 'adminCancel'])],
    [2, () => rng.pick(['memberRequestAdd', 'memberRequestIgnore'])],
    [1, () => garbageJson(rng, 1)],
  ])();
  const value: Record<string, unknown> = { action };
  if (rng.chance(0.8)) value.origin = rng.chance(0.5) ? `fuzz-${rng.int(0, 2 ** 31)}` : garbageJson(rng, 1);
  if (rng.chance(0.8)) value.revision = rng.chance(0.6) ? rng.int(-2, 6) : garbageJson(rng, 1);
  if (rng.chance(0.4)) value.request = rng.chance(0.5) ? uuid(rng) : garbageJson(rng, 1);
  for (let extra = rng.int(0, 3); extra > 0; extra--) value[garbageKey(rng)] = garbageJson(rng, 2);
  return value;
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');

function localMessage(rng: Random, user: { id: string; locale: string }): FuzzRequest {
  const body: Record<string, unknown> = {
    user: rng.chance(0.01) ? garbageWord(rng).slice(0, 200) : user.id,
    locale: locale(rng, user.locale),
  };
  if (rng.chance(0.15)) {
    body.text = rng.chance(0.7) ? '' : garbageText(rng, 200);
    body.actionData = cardValue(rng);
  } else {
    body.text = rng.chance(0.002) ? 'x'.repeat(LOCAL_TEXT_LIMIT + 1) : garbageText(rng, LOCAL_TEXT_LIMIT);
  }
  const id = messageId(rng);
  if (id !== undefined) body.messageId = id;
  if (rng.chance(0.02)) body.conversation = garbageWord(rng) || 'fuzz-conversation';
  return { category: 'chat: local', method: 'POST', path: '/api/local/messages', headers: { 'Content-Type': 'application/json' }, body: json(body) };
}

function teamsMessage(rng: Random, account: TeamsAccount, serviceUrl: string): FuzzRequest {
  const id = messageId(rng) ?? '';
  const kind = rng.weighted([
    [70, 'message'],
    [10, 'submit'],
    [8, 'invoke'],
    [7, 'channel'],
    [2, 'install'],
    [3, 'other'],
  ] as const);
  const who = { ...account, locale: locale(rng, account.locale) ?? '' };
  const text = garbageText(rng, TEAMS_TEXT_LIMIT);
  let activity: Record<string, unknown> = { ...personalMessage(who, id, kind === 'submit' ? { value: cardValue(rng) } : { text }), serviceUrl };
  if (who.locale === '') delete activity.locale;
  if (rng.chance(0.05)) activity.from = { ...(activity.from as object), name: garbageWord(rng) };
  if (kind === 'invoke') {
    const data = cardValue(rng);
    activity = { ...activity, type: 'invoke', name: rng.chance(0.9) ? 'adaptiveCard/action' : garbageWord(rng), text: undefined };
    activity.value = { action: { type: 'Action.Execute', verb: typeof data.action === 'string' ? data.action : 'fuzz', data }, trigger: 'manual' };
  } else if (kind === 'channel') {
    const mention = '<at>Logbook</at>';
    const colleague = `<at>${garbageWord(rng)}</at>`;
    activity.text = `${mention} ${text}${rng.chance(0.5) ? ` ${colleague}` : ''}`;
    activity.conversation = { conversationType: rng.pick(['channel', 'groupChat']), tenantId: account.tenant, id: `19:fuzz-${rng.int(0, 20)}@thread.tacv2` };
    activity.entities = [
      { type: 'mention', text: mention, mentioned: { id: BOT_ID, name: 'Logbook' } },
      ...(rng.chance(0.5) ? [{ type: 'mention', text: colleague, mentioned: { id: rng.chance(0.5) ? `29:${rng.int(0, 1e9)}` : uuid(rng), name: garbageWord(rng) } }] : []),
    ];
    activity.channelData = { tenant: { id: account.tenant }, team: { id: '19:fuzz@thread.tacv2', name: garbageWord(rng) } };
  } else if (kind === 'install') {
    activity = { ...activity, type: 'conversationUpdate', text: undefined, membersAdded: [{ id: BOT_ID }, ...(rng.chance(0.3) ? [{ id: garbageWord(rng) }] : [])] };
  } else if (kind === 'other') {
    activity.type = rng.pick(['messageReaction', 'typing', 'event', 'messageUpdate', 'messageDelete', 'installationUpdate', 'endOfConversation', 'trace', garbageWord(rng)]);
  }
  return { category: `chat: teams ${kind}`, method: 'POST', path: '/api/messages', headers: { 'Content-Type': 'application/json' }, body: json(activity) };
}

/**
 * Chat message number `index` of a run: from user `index % users.length`, so each user's messages keep their order.
 * Teams activities name `serviceUrl`, a loopback Teams connector.
 */
export function chatMessage(seed: number, index: number, users: readonly ChatUser[], serviceUrl: string): FuzzRequest {
  const rng = Random.for(seed, index);
  const user = users[index % users.length];
  return user.kind === 'local' ? localMessage(rng, user) : teamsMessage(rng, user.account, serviceUrl);
}

/** The first message of every user, in order: local users join, Teams users sign their tenant up or ask to join. */
export function greeting(user: ChatUser, index: number, serviceUrl: string): FuzzRequest {
  if (user.kind === 'local') {
    const body = { user: user.id, locale: user.locale, text: 'hei', messageId: `hello-${index}` };
    return { category: 'greeting', method: 'POST', path: '/api/local/messages', headers: { 'Content-Type': 'application/json' }, body: json(body) };
  }
  const activity = { ...personalMessage(user.account, `hello-${index}`, { text: 'hello' }), serviceUrl };
  return { category: 'greeting', method: 'POST', path: '/api/messages', headers: { 'Content-Type': 'application/json' }, body: json(activity) };
}
