import { randomUUID } from 'node:crypto';

export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const BOT_ID = '28:c9e8c047-2a74-40a2-b28a-b162d5f5327c';

export interface TeamsUser {
  id: string;
  aadObjectId: string;
  name: string;
}

export function teamsUser(name = 'Megan Bowen'): TeamsUser {
  return { id: `29:${randomUUID()}`, aadObjectId: randomUUID(), name };
}

/** A personal-chat message in the shape of Microsoft's inbound Teams schema example. */
export function personalMessage(serviceUrl: string, user: TeamsUser, text: string, extra: Record<string, unknown> = {}) {
  return {
    text,
    textFormat: 'plain',
    type: 'message',
    timestamp: new Date().toISOString(),
    localTimestamp: new Date().toISOString(),
    id: `${Date.now()}${Math.floor(Math.random() * 1e6)}`,
    channelId: 'msteams',
    serviceUrl,
    from: user,
    conversation: { conversationType: 'personal', tenantId: TENANT, id: `a:personal-${user.aadObjectId}` },
    recipient: { id: BOT_ID, name: 'Logbook' },
    entities: [{ locale: 'en-GB', country: 'GB', platform: 'Web', timezone: 'Europe/Helsinki', type: 'clientInfo' }],
    channelData: { tenant: { id: TENANT } },
    locale: 'en-GB',
    ...extra,
  };
}

/** A channel message that @mentions the bot. */
export function channelMention(serviceUrl: string, user: TeamsUser, text: string) {
  const mention = '<at>Logbook</at>';
  return {
    ...personalMessage(serviceUrl, user, `${mention} ${text}`),
    conversation: { conversationType: 'channel', tenantId: TENANT, id: '19:channel@thread.skype;messageid=1', isGroup: true },
    entities: [{ type: 'mention', text: mention, mentioned: { id: BOT_ID, name: 'Logbook' } }],
    channelData: { tenant: { id: TENANT }, team: { id: '19:team@thread.skype', name: 'Youth services' }, channel: { id: '19:channel@thread.skype' } },
  };
}

/** Action.Execute on an Adaptive Card arrives as an adaptiveCard/action invoke. */
export function cardActionInvoke(serviceUrl: string, user: TeamsUser, data: Record<string, unknown>) {
  return {
    ...personalMessage(serviceUrl, user, ''),
    type: 'invoke',
    name: 'adaptiveCard/action',
    text: undefined,
    value: { action: { type: 'Action.Execute', verb: String(data.action), data }, trigger: 'manual' },
  };
}

export function installUpdate(serviceUrl: string, user: TeamsUser, tenant = TENANT) {
  return {
    type: 'conversationUpdate',
    id: `f:${randomUUID()}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: user,
    conversation: { conversationType: 'personal', tenantId: tenant, id: `a:personal-${user.aadObjectId}` },
    recipient: { id: BOT_ID, name: 'Logbook' },
    membersAdded: [{ id: BOT_ID }],
    channelData: { tenant: { id: tenant }, eventType: 'teamMemberAdded' },
    locale: 'fi-FI',
  };
}
