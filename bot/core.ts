import { randomUUID } from 'node:crypto';
import { parseCommand } from './commands';
import { t } from './i18n';
import { parseLocale, type Locale } from './locale';
import { continueDraft, startDraft, type DialogContext, type DialogOutcome, type Understand } from './logging/dialog';
import { entryLine } from './logging/format';
import { isDraftButton } from './logging/summary';
import type { Incoming, Reply } from './messages';
import type { DraftRecord, Identity, MemberInfo, Stores, TurnEffects, TurnScope } from './ports';
import { todayIn } from './time';

export interface CoreLogger {
  error(details: object, message: string): void;
  warn(details: object, message: string): void;
}

export interface CoreDependencies {
  stores: Stores;
  /** Reads a log message into entry fields: rules, optionally with a model. */
  understand: Understand;
  logger: CoreLogger;
  /** Let the first user of an unknown Teams tenant or Slack team create its organisation. */
  openSignup?: boolean;
  /** Time zone of organisations created by sign-up. */
  defaultTimeZone?: string;
  now?: () => Date;
}

/** The one channel-free entry point: every adapter calls handle() and renders what comes back. */
export interface Core {
  handle(incoming: Incoming): Promise<Reply[]>;
}

const LOCAL_CHANNELS = new Set<Incoming['channel']>(['local', 'terminal']);
const RECENT_ENTRIES = 10;
/** A turn that keeps meeting concurrent changes is given up after this many tries. */
const TURN_ATTEMPTS = 3;

type Decision = Omit<TurnEffects, 'readDraft'>;

export function createCore(deps: CoreDependencies): Core {
  const { directory, entries, conversations } = deps.stores;
  const now = deps.now ?? (() => new Date());

  async function identify(incoming: Incoming): Promise<{ identity: Identity; member: MemberInfo; welcome?: Reply } | Reply> {
    const channelLocale = parseLocale(incoming.locale);
    const identity = await directory.identify(incoming.channel, incoming.tenant, incoming.user.id);
    if (!identity && deps.openSignup && !LOCAL_CHANNELS.has(incoming.channel)) return signUp(incoming);
    if (!identity) return reply(channelLocale ?? 'en', t(channelLocale ?? 'en', 'unknownOrganisation'));
    if (identity.member) return { identity, member: identity.member };
    const locale = channelLocale ?? identity.organisation.defaultLocale;
    if (!LOCAL_CHANNELS.has(incoming.channel)) {
      return reply(locale, t(locale, 'unknownMember', { organisation: identity.organisation.name }));
    }
    // Local mode: whoever reaches the local chat is a mentor of the local organisation.
    const member = await directory.addMember(
      identity.organisation.id,
      { displayName: incoming.user.name ?? null, email: incoming.user.email ?? null, role: 'mentor', locale: null },
      { channel: incoming.channel, tenant: incoming.tenant, userId: incoming.user.id },
    );
    return { identity, member };
  }

  /** The first user of an unknown workspace creates its organisation and becomes its mentor. */
  async function signUp(incoming: Incoming): Promise<{ identity: Identity; member: MemberInfo; welcome: Reply }> {
    const locale = parseLocale(incoming.locale) ?? 'en';
    const organisation = await directory.createOrganisation({
      name: incoming.tenantName?.trim() || `${incoming.channel === 'teams' ? 'Teams' : 'Slack'} ${incoming.tenant.slice(0, 8)}`,
      timeZone: deps.defaultTimeZone ?? 'Europe/Helsinki',
      defaultLocale: locale,
      channel: incoming.channel,
      tenant: incoming.tenant,
    });
    const member = await directory.addMember(
      organisation.id,
      { displayName: incoming.user.name ?? null, email: incoming.user.email ?? null, role: 'mentor', locale },
      { channel: incoming.channel, tenant: incoming.tenant, userId: incoming.user.id },
    );
    const welcome = reply(locale, t(locale, 'welcomeNewOrganisation', { organisation: organisation.name }));
    return { identity: { organisation, member }, member, welcome };
  }

  async function decide(incoming: Incoming, member: MemberInfo, draft: DraftRecord | null, ctx: DialogContext): Promise<Decision> {
    const { locale } = ctx;
    const button = isDraftButton(incoming.actionData) ? incoming.actionData : null;
    const text = incoming.text.trim();
    const command = button ? null : parseCommand(text);
    switch (command?.kind) {
      case 'help':
        return { replies: [reply(locale, t(locale, 'help'))] };
      case 'language':
        return { memberLocale: command.locale, replies: [reply(command.locale, t(command.locale, 'languageSet'))] };
      case 'undo': {
        const [last] = await entries.recentByAuthor(member.organisationId, member.id, 1);
        if (!last) return { replies: [reply(locale, t(locale, 'nothingToUndo'))] };
        return { undoEntryId: last.id, replies: [reply(locale, t(locale, 'undone', { entry: entryLine(last, locale) }))] };
      }
      case 'myEntries': {
        const recent = await entries.recentByAuthor(member.organisationId, member.id, RECENT_ENTRIES);
        const text = recent.length
          ? [t(locale, 'myEntries'), ...recent.map((entry) => `• ${entryLine(entry, locale)}`)].join('\n')
          : t(locale, 'noEntries');
        return { replies: [reply(locale, text)] };
      }
    }
    if (draft) {
      const outcome = await continueDraft(draft.state, { text, button }, ctx);
      return toDecision(outcome, incoming, draft.state.originMessageId);
    }
    if (button) return { replies: [reply(locale, t(locale, 'noDraft'))] };
    const origin = incoming.messageId ?? randomUUID();
    const started = text ? await startDraft(text, origin, ctx) : null;
    return started ? toDecision(started, incoming, origin) : { replies: [reply(locale, t(locale, 'help'))] };
  }

  return {
    async handle(incoming) {
      const channelLocale = parseLocale(incoming.locale);
      let locale: Locale = channelLocale ?? 'en';
      try {
        const who = await identify(incoming);
        if ('text' in who) return [who];
        const { organisation } = who.identity;
        locale = who.member.locale ?? channelLocale ?? organisation.defaultLocale;
        if (incoming.address) {
          await conversations.saveAddress(organisation.id, incoming.channel, incoming.conversation.id, who.member.id, incoming.address);
        }
        if (who.welcome) return [who.welcome, reply(locale, t(locale, 'help'))];
        if (incoming.kind === 'installed') return [reply(locale, t(locale, 'help'))];
        const scope: TurnScope = {
          organisationId: organisation.id,
          memberId: who.member.id,
          channel: incoming.channel,
          conversationKey: conversationKey(incoming),
          messageId: incoming.messageId ?? null,
        };
        if (scope.messageId) {
          const earlier = await conversations.processedReplies(scope.organisationId, scope.channel, scope.messageId);
          if (earlier) return earlier;
        }
        const catalogue = await directory.catalogue(organisation.id);
        const ctx: DialogContext = {
          locale,
          extract: { today: todayIn(organisation.timeZone, now()), catalogue },
          requiredFields: organisation.requiredFields,
          understand: deps.understand,
        };
        for (let attempt = 1; attempt <= TURN_ATTEMPTS; attempt++) {
          const draft = await conversations.loadDraft(scope.organisationId, scope.memberId, scope.conversationKey);
          const decision = await decide(incoming, who.member, draft, ctx);
          const result = await conversations.commit(scope, { ...decision, readDraft: draft });
          if (result.status === 'committed') return decision.replies;
          if (result.status === 'duplicate') return result.replies;
          deps.logger.warn({ attempt, organisationId: scope.organisationId }, 'turn met a concurrent change, retrying');
        }
        return [reply(locale, t(locale, 'unavailable'))];
      } catch (error) {
        deps.logger.error({ err: error, channel: incoming.channel }, 'core failed to handle a message');
        return [reply(locale, t(locale, 'unavailable'))];
      }
    },
  };
}

function toDecision(outcome: DialogOutcome, incoming: Incoming, origin: string): Decision {
  return {
    draft: outcome.draft,
    entry: outcome.save ? { fields: outcome.save, sourceMessageId: `${incoming.channel}:${origin}`, reflections: null } : undefined,
    replies: outcome.replies,
  };
}

/** Drafts belong to one conversation (and thread), so a dialog stays where it started. */
function conversationKey(incoming: Incoming): string {
  const { id, thread } = incoming.conversation;
  return thread ? `${incoming.channel}:${id}:${thread}` : `${incoming.channel}:${id}`;
}

function reply(locale: Locale, text: string): Reply {
  return { text, locale };
}
