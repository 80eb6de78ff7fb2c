import { randomUUID } from 'node:crypto';
import { parseAdminCommand } from './admin/commands';
import { cleanIncoming } from './clean-input';
import { answerPending, handleAdminCommand, type AdminContext } from './admin/handle';
import { isAdminButton, restore } from './admin/pending';
import { isAllowed, refusalKey } from './admin/permissions';
import { answerRequest, isRequestButton, recordRequest, tellMentors } from './admin/requests';
import { parseCommand } from './commands';
import { signInLinkReply } from './dashboard/sign-in-link';
import { isLogDraft, isPendingAdmin, isReflecting, isReporting } from './conversation-state';
import { t } from './i18n';
import { parseLocale, type Locale } from './locale';
import { continueDraft, startDraft, type DialogContext, type Understand } from './logging/dialog';
import { entryLine } from './logging/format';
import { continueReflection, questionsIn, repeatQuestion, startReflection, type ReflectionOutcome } from './logging/reflection';
import { isDraftButton } from './logging/summary';
import { answerReportQuestion, type ReportInterpreter } from './reports/chat';
import type { SummariseNotes } from './understanding/notes-summary';
import { answerExportRequest } from './reports/export-chat';
import { answerGoalsQuestion } from './reports/goals-chat';
import { parseScheduleCommand } from './schedules/commands';
import { handleScheduleCommand } from './schedules/handle';
import type { Incoming, Reply } from './messages';
import type { DraftRecord, Identity, MemberInfo, Notifier, OrganisationInfo, Role, Stores, TurnEffects, TurnScope } from './ports';
import type { RateLimit } from './rate-limit';
import { todayIn } from './time';
import { looksLikeQuestion } from './understanding/report-question';

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
  /** Reads report questions the rules do not understand (an optional LLM). */
  interpretReportQuestion?: ReportInterpreter;
  /** Writes the paragraph on a report period's notes (an optional LLM); extractive without it. */
  summariseNotes?: SummariseNotes;
  /** Proactive messages, e.g. telling mentors that a stranger wrote. */
  notifier?: Notifier;
  /** Messages per user and minute; none means no limit. */
  rateLimit?: RateLimit | null;
  /** The service's public address, for links such as the dashboard's sign-in link; relative links without it. */
  publicBaseUrl?: string;
  now?: () => Date;
}

/** The one channel-free entry point: every adapter calls handle() and renders what comes back. */
export interface Core {
  handle(incoming: Incoming): Promise<Reply[]>;
  /** Waits for proactive messages still being sent (call before closing the database). */
  drain?(): Promise<void>;
}

const LOCAL_CHANNELS = new Set<Incoming['channel']>(['local', 'terminal']);
const RECENT_ENTRIES = 10;
/** Characters of a workspace's name kept for the organisation it signs up. */
const MAX_ORGANISATION_NAME = 100;
/** A turn that keeps meeting concurrent changes is given up after this many tries. */
const TURN_ATTEMPTS = 3;

type Decision = Omit<TurnEffects, 'readDraft'>;

export function createCore(deps: CoreDependencies): Core {
  const { directory, entries, conversations, admin, reports, schedules } = deps.stores;
  const now = deps.now ?? (() => new Date());
  const background = new Set<Promise<void>>();

  /** Work that must not delay the reply, such as telling mentors about a stranger; it never rejects. */
  function inBackground(work: Promise<void>): void {
    const tracked = work.finally(() => background.delete(tracked));
    background.add(tracked);
  }

  /**
   * The member behind `identity` (as the turn's start read it), bound, added or signed up if need be; or a reply
   * for a stranger. `mayCreate` is false after a sign-up found the workspace taken, so it is tried once.
   */
  async function identify(
    incoming: Incoming,
    identity: Identity | null,
    mayCreate = true,
  ): Promise<{ identity: Identity; member: MemberInfo; welcome?: Reply } | Reply> {
    const channelLocale = parseLocale(incoming.locale);
    if (!identity && mayCreate && deps.openSignup && !LOCAL_CHANNELS.has(incoming.channel)) return signUp(incoming);
    if (!identity) return reply(channelLocale ?? 'en', t(channelLocale ?? 'en', 'unknownOrganisation'));
    if (identity.member) return { identity, member: identity.member };
    const { member: bound, email } = await bindByEmail(incoming, identity.organisation);
    if (bound) return { identity: { ...identity, member: bound }, member: bound };
    const locale = channelLocale ?? identity.organisation.defaultLocale;
    if (!LOCAL_CHANNELS.has(incoming.channel)) {
      const stranger = { channel: incoming.channel, tenant: incoming.tenant, userId: incoming.user.id, name: incoming.user.name ?? null, email };
      const asking = { requests: admin.requests, notifier: deps.notifier, logger: deps.logger };
      const request = await recordRequest(asking, identity.organisation, stranger, now());
      if (request) inBackground(tellMentors(asking, identity.organisation, request, stranger));
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

  /** A colleague a mentor added by email is bound on their first message, when the channel tells that email. */
  async function bindByEmail(incoming: Incoming, organisation: OrganisationInfo): Promise<{ member: MemberInfo | null; email: string | null }> {
    let email = incoming.user.email ?? null;
    if (!email && incoming.user.lookupEmail) {
      email = await incoming.user.lookupEmail().catch((error: unknown) => {
        deps.logger.warn({ err: error, channel: incoming.channel }, 'could not ask the channel for an email address');
        return null;
      });
    }
    if (!email) return { member: null, email };
    const channelUser = { channel: incoming.channel, tenant: incoming.tenant, userId: incoming.user.id };
    return { member: await admin.members.bindByEmail(organisation.id, email, channelUser, incoming.user.name ?? null), email };
  }

  /**
   * The first user of an unknown workspace creates its organisation and becomes its mentor. When another first
   * message of the workspace got there a moment earlier, this user is someone the new organisation does not know.
   */
  async function signUp(incoming: Incoming): Promise<{ identity: Identity; member: MemberInfo; welcome?: Reply } | Reply> {
    const locale = parseLocale(incoming.locale) ?? 'en';
    const organisation = await directory.createOrganisation({
      // A workspace's display name can be as long as the channel lets it be; an organisation's name is short.
      name: [...(incoming.tenantName?.trim() ?? '')].slice(0, MAX_ORGANISATION_NAME).join('') || `${incoming.channel === 'teams' ? 'Teams' : 'Slack'} ${incoming.tenant.slice(0, 8)}`,
      timeZone: deps.defaultTimeZone ?? 'Europe/Helsinki',
      defaultLocale: locale,
      channel: incoming.channel,
      tenant: incoming.tenant,
    });
    if (!organisation) {
      const existing = await directory.identify(incoming.channel, incoming.tenant, incoming.user.id, incoming.user.otherIds);
      return identify(incoming, existing, false);
    }
    const member = await directory.addMember(
      organisation.id,
      { displayName: incoming.user.name ?? null, email: incoming.user.email ?? null, role: 'mentor', locale },
      { channel: incoming.channel, tenant: incoming.tenant, userId: incoming.user.id },
    );
    const welcome = reply(locale, t(locale, 'welcomeNewOrganisation', { organisation: organisation.name }));
    return { identity: { organisation, member }, member, welcome };
  }

  async function decide(
    incoming: Incoming,
    organisation: OrganisationInfo,
    member: MemberInfo,
    draft: DraftRecord | null,
    ctx: DialogContext,
  ): Promise<Decision> {
    const { locale } = ctx;
    const adminCtx: AdminContext = {
      admin,
      organisation,
      actor: member,
      locale,
      channel: incoming.channel,
      tenant: incoming.tenant,
      now: now(),
    };
    if (draft && isPendingAdmin(draft.state)) {
      const answered = await answerPending(draft.state, incoming, adminCtx);
      if (answered) return answered;
      // Anything else leaves the change undone and goes on with what the conversation waited for before.
      const restored = restore(draft.state);
      const next = await decide(incoming, organisation, member, 'save' in restored ? { id: draft.id, state: restored.save } : null, ctx);
      const [first, ...rest] = next.replies;
      const replies = first ? [{ ...first, text: `${t(locale, 'adminNotConfirmed')}\n${first.text}` }, ...rest] : rest;
      return { ...next, draft: next.draft ?? restored, replies };
    }
    if (isRequestButton(incoming.actionData)) {
      // The card's buttons add a member, so they need the addMember right.
      if (!isAllowed(member.role, 'addMember')) return { replies: [reply(locale, t(locale, refusalKey('addMember')))] };
      return answerRequest(incoming.actionData, adminCtx);
    }
    const button = isDraftButton(incoming.actionData) ? incoming.actionData : null;
    if (!button && isAdminButton(incoming.actionData)) return { replies: [reply(locale, t(locale, 'staleConfirmation'))] };
    const text = incoming.text.trim();
    const command = button ? null : parseCommand(text);
    const adminCommand = button || command ? null : parseAdminCommand(text, incoming.mentions ?? []);
    const scheduleCommand = button || command || adminCommand ? null : parseScheduleCommand(text);
    const kind = command?.kind ?? adminCommand?.kind ?? scheduleCommand?.kind ?? 'log';
    // The role is checked for every command before anything is read or changed.
    if (!isAllowed(member.role, kind)) return { replies: [reply(locale, t(locale, refusalKey(kind)))] };
    const reflecting = draft && isReflecting(draft.state) ? draft.state : null;
    switch (command?.kind) {
      case 'help':
        return { replies: [reply(locale, helpFor(member.role, locale))] };
      case 'language':
        return { memberLocale: command.locale, replies: [reply(command.locale, t(command.locale, 'languageSet'))] };
      case 'undo': {
        const [last] = await entries.recentByAuthor(member.organisationId, member.id, 1);
        if (!last) return { replies: [reply(locale, t(locale, 'nothingToUndo'))] };
        const stopAsking = reflecting?.entryId === last.id ? { draft: { remove: true as const } } : {};
        return { ...stopAsking, undoEntryId: last.id, replies: [reply(locale, t(locale, 'undone', { entry: entryLine(last, locale) }))] };
      }
      case 'myEntries': {
        const recent = await entries.recentByAuthor(member.organisationId, member.id, RECENT_ENTRIES);
        const text = recent.length
          ? [t(locale, 'myEntries'), ...recent.map((entry) => `• ${entryLine(entry, locale)}`)].join('\n')
          : t(locale, 'noEntries');
        return { replies: [reply(locale, text)] };
      }
    }
    if (adminCommand) return handleAdminCommand(adminCommand, adminCtx, draft?.state ?? null);
    if (scheduleCommand) return handleScheduleCommand(scheduleCommand, { schedules, organisation, member, locale, now: now() });
    const questions = questionsIn(organisation.reflectionQuestions, locale, organisation.defaultLocale);
    if (reflecting) {
      if (button) return { replies: [repeatQuestion(reflecting, locale)] };
      const origin = incoming.messageId ?? randomUUID();
      return toDecision(await continueReflection(reflecting, text, ctx, origin), incoming, origin, questions, reflecting.revision, locale);
    }
    if (draft && isLogDraft(draft.state)) {
      const outcome = await continueDraft(draft.state, { text, button }, ctx);
      return toDecision(outcome, incoming, draft.state.originMessageId, questions, draft.state.revision, locale);
    }
    if (button) return { replies: [reply(locale, t(locale, 'noDraft'))] };
    const reportCtx = {
      reports,
      organisationId: organisation.id,
      member,
      locale,
      today: ctx.extract.today,
      catalogue: ctx.extract.catalogue,
      state: draft && isReporting(draft.state) ? draft.state : null,
      interpret: deps.interpretReportQuestion,
      looksLikeQuestion,
      summarise: deps.summariseNotes,
    };
    // Exports and goals before report questions: "export March" is no follow-up that changes the period.
    const exported = text ? await answerExportRequest(text, reportCtx) : null;
    if (exported) return { replies: exported };
    const goals = text ? await answerGoalsQuestion(text, reportCtx) : null;
    if (goals) return { replies: goals };
    const report = text ? await answerReportQuestion(text, reportCtx) : null;
    if (report) return { ...(report.state ? { draft: { save: report.state } } : {}), replies: report.replies };
    const origin = incoming.messageId ?? randomUUID();
    const started = text ? await startDraft(text, origin, ctx) : null;
    return started ? toDecision(started, incoming, origin, questions, 0, locale) : { replies: [reply(locale, helpFor(member.role, locale))] };
  }

  return {
    async drain() {
      await Promise.allSettled([...background]);
    },
    async handle(received) {
      const incoming = cleanIncoming(received);
      const channelLocale = parseLocale(incoming.locale);
      let locale: Locale = channelLocale ?? 'en';
      try {
        if (deps.rateLimit && incoming.kind !== 'installed') {
          const decision = await deps.rateLimit.take(`${incoming.channel}:${incoming.tenant}:${incoming.user.id}`);
          if (!decision.allowed) return [reply(locale, t(locale, 'rateLimited', { seconds: decision.retryAfterSeconds }))];
        }
        const scope = {
          channel: incoming.channel,
          conversationKey: conversationKey(incoming),
          messageId: incoming.messageId ?? null,
        };
        const start = await conversations.startTurn(
          { channel: incoming.channel, tenant: incoming.tenant, userId: incoming.user.id, otherUserIds: incoming.user.otherIds ?? [] },
          scope,
        );
        const who = await identify(incoming, start.identity);
        if ('text' in who) return [who];
        const { organisation } = who.identity;
        locale = who.member.locale ?? channelLocale ?? organisation.defaultLocale;
        // The address is kept with the turn's commit; a turn that commits nothing keeps it on its own.
        const address = incoming.address ? { conversationId: incoming.conversation.id, reference: incoming.address } : undefined;
        const saveAddress = async () => {
          if (address) await conversations.saveAddress(organisation.id, incoming.channel, address.conversationId, who.member.id, address.reference);
        };
        if (who.welcome) {
          await saveAddress();
          return [who.welcome, reply(locale, helpFor(who.member.role, locale))];
        }
        if (incoming.kind === 'installed') {
          await saveAddress();
          return [reply(locale, helpFor(who.member.role, locale))];
        }
        // A dashboard link is made afresh for every request and never kept as a reply: only its hash is stored.
        if (!incoming.actionData && parseCommand(incoming.text.trim())?.kind === 'dashboard') {
          await saveAddress();
          if (!isAllowed(who.member.role, 'dashboard')) return [reply(locale, t(locale, refusalKey('dashboard')))];
          const { dashboard } = deps.stores;
          return [await signInLinkReply({ dashboard, member: who.member, locale, publicBaseUrl: deps.publicBaseUrl, conversationKind: incoming.conversation.kind, now: now() })];
        }
        const turnScope: TurnScope = { ...scope, organisationId: organisation.id, memberId: who.member.id };
        // A member bound or added just now was not known when the turn started, so nothing of theirs was read yet.
        const known = start.identity?.member?.id === who.member.id;
        const earlier = known
          ? start.earlierReplies
          : scope.messageId && (await conversations.processedReplies(organisation.id, scope.channel, scope.messageId));
        if (earlier) {
          await saveAddress();
          return earlier;
        }
        const catalogue = await directory.catalogue(organisation.id, organisation.catalogueVersion);
        const ctx: DialogContext = {
          locale,
          extract: { today: todayIn(organisation.timeZone, now()), catalogue },
          requiredFields: organisation.requiredFields,
          understand: deps.understand,
        };
        const loadDraft = () => conversations.loadDraft(turnScope.organisationId, turnScope.memberId, turnScope.conversationKey);
        let draft = known ? start.draft : await loadDraft();
        for (let attempt = 1; attempt <= TURN_ATTEMPTS; attempt++) {
          if (attempt > 1) draft = await loadDraft();
          const decision = await decide(incoming, organisation, who.member, draft, ctx);
          const result = await conversations.commit(turnScope, { ...decision, address, readDraft: draft });
          if (result.status === 'committed') return decision.replies;
          if (result.status === 'duplicate') return result.replies;
          deps.logger.warn({ attempt, organisationId: turnScope.organisationId }, 'turn met a concurrent change, retrying');
        }
        // The database answered every time: the user's own messages kept overtaking each other.
        return [reply(locale, t(locale, 'tooManyAtOnce'))];
      } catch (error) {
        deps.logger.error({ err: error, channel: incoming.channel }, 'core failed to handle a message');
        return [reply(locale, t(locale, 'unavailable'))];
      }
    },
  };
}

/** A dialog's outcome as the turn's effects; after a save, the reflection questions (if any) follow. */
function toDecision(outcome: ReflectionOutcome, incoming: Incoming, origin: string, questions: string[], revision: number, locale: Locale): Decision {
  if (!outcome.save) return { draft: outcome.draft, reflection: outcome.reflection, replies: outcome.replies };
  const entryId = randomUUID();
  const asking = startReflection(entryId, questions, revision + 1, locale);
  return {
    draft: asking ? { save: asking.state } : outcome.draft,
    entry: { id: entryId, fields: outcome.save, sourceMessageId: `${incoming.channel}:${origin}`, reflections: null },
    replies: asking ? [...outcome.replies, asking.reply] : outcome.replies,
  };
}

/** Help for everyone; managers' and mentors' help adds the digest, a mentor's the mentor commands. */
function helpFor(role: Role, locale: Locale): string {
  const parts = [t(locale, 'help'), t(locale, 'helpReminders')];
  if (role !== 'worker') parts.push(t(locale, 'helpDigest'));
  if (role === 'mentor') parts.push('', t(locale, 'helpMentor'));
  return parts.join('\n');
}

/** Drafts belong to one conversation (and thread), so a dialog stays where it started. */
function conversationKey(incoming: Incoming): string {
  const { id, thread } = incoming.conversation;
  return thread ? `${incoming.channel}:${id}:${thread}` : `${incoming.channel}:${id}`;
}

function reply(locale: Locale, text: string): Reply {
  return { text, locale };
}
