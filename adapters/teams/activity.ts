import { ActivityTypes, TurnContext, type Activity } from 'botbuilder';
import type { Incoming } from '../../bot/messages';

const CONVERSATION_KINDS: Record<string, Incoming['conversation']['kind']> = {
  personal: 'personal',
  groupChat: 'group',
  channel: 'channel',
};

/** Values of a submitted card: Action.Submit arrives as message.value, Action.Execute as an invoke. */
function cardValues(activity: Activity): Record<string, unknown> | null {
  const value = activity.value as Record<string, unknown> | undefined;
  if (!value || typeof value !== 'object') return null;
  if (activity.type === ActivityTypes.Invoke) {
    const action = value.action as { data?: Record<string, unknown> } | undefined;
    return action?.data && typeof action.data === 'object' ? action.data : null;
  }
  return value;
}

/** People @mentioned in a message, the bot itself and other bots left out. */
function userMentions(activity: Activity): { userId: string; name: string | null; text: string }[] {
  return TurnContext.getMentions(activity)
    .filter((mention) => mention.mentioned?.id && mention.mentioned.id !== activity.recipient?.id && !mention.mentioned.id.startsWith('28:'))
    .map((mention) => ({
      userId: mention.mentioned.aadObjectId ?? mention.mentioned.id,
      name: mention.mentioned.name?.trim() || null,
      text: mention.text ?? '',
    }));
}

/** A Teams activity as the core's Incoming, or null for activities the bot does not answer. */
export function toIncoming(activity: Activity): Incoming | null {
  const channelData = (activity.channelData ?? {}) as { tenant?: { id?: string }; team?: { name?: string } };
  const tenant = channelData.tenant?.id ?? activity.conversation?.tenantId;
  const user = activity.from;
  if (!tenant || !user?.id || !activity.conversation?.id) return null;

  const installed =
    activity.type === ActivityTypes.ConversationUpdate &&
    (activity.membersAdded ?? []).some((member) => member.id === activity.recipient?.id);
  const isMessage = activity.type === ActivityTypes.Message;
  const isCardAction = activity.type === ActivityTypes.Invoke && activity.name === 'adaptiveCard/action';
  if (!installed && !isMessage && !isCardAction) return null;

  // In channels and group chats the text starts with the bot's @mention; colleagues' mentions go to `mentions`.
  const mentions = isMessage ? userMentions(activity) : [];
  let text = isMessage && typeof activity.text === 'string' ? (TurnContext.removeRecipientMention(activity) ?? activity.text) : '';
  for (const mention of mentions) if (mention.text) text = text.split(mention.text).join(' ');
  return {
    channel: 'teams',
    tenant,
    tenantName: channelData.team?.name ?? null,
    user: { id: user.aadObjectId ?? user.id, name: user.name ?? null, otherIds: user.aadObjectId ? [user.id] : [] },
    conversation: {
      id: activity.conversation.id,
      kind: CONVERSATION_KINDS[activity.conversation.conversationType ?? 'personal'] ?? 'personal',
    },
    text: text.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').trim(),
    mentions: mentions.map(({ userId, name }) => ({ userId, name })),
    locale: activity.locale ?? null,
    actionData: cardValues(activity),
    messageId: activity.id ?? null,
    kind: installed ? 'installed' : 'message',
    address: TurnContext.getConversationReference(activity) as Record<string, unknown>,
  };
}
