import {
  ActivityTypes,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  TeamsInfo,
  TurnContext,
  type ConversationReference,
} from 'botbuilder';
import type restify from 'restify';
import type { Logger } from '../../app/logger';
import type { ProactiveSender } from '../../app/notifier';
import type { Core } from '../../bot/core';
import { t } from '../../bot/i18n';
import { parseLocale } from '../../bot/locale';
import type { Reply } from '../../bot/messages';
import type { DownloadPublisher } from '../http/downloads';
import { toIncoming } from './activity';
import { activityProblem } from './activity-schema';
import { renderTeamsFiles } from './attachments';
import { toActivity } from './cards';

export interface TeamsOptions {
  appId?: string;
  appPassword?: string;
  appType: string;
  appTenantId?: string;
  /** A turn slower than this answers "working on it" and sends the result proactively. */
  slowReplyMs: number;
  /** Stores reply files behind signed links; without it images go inline and files are not offered. */
  downloads?: DownloadPublisher;
}

export interface TeamsChannel {
  register(server: restify.Server): void;
  /** Waits for results still being delivered proactively. */
  drain(): Promise<void>;
  /** Proactive messages to a saved conversation reference. */
  sender: ProactiveSender;
}

/** Teams through botbuilder's CloudAdapter: POST /api/messages, Bot Framework auth when an app id is set. */
export function createTeamsChannel(options: TeamsOptions, core: Core, logger: Logger): TeamsChannel {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: options.appId,
    MicrosoftAppPassword: options.appPassword,
    MicrosoftAppType: options.appType,
    MicrosoftAppTenantId: options.appTenantId,
  });
  const adapter = new CloudAdapter(auth);
  const appId = options.appId ?? '';
  const inFlight = new Set<Promise<void>>();

  adapter.onTurnError = async (context, error) => {
    logger.error({ err: error, activityId: context.activity.id }, 'Teams turn failed');
    const locale = parseLocale(context.activity.locale) ?? 'en';
    await context.sendActivity(t(locale, 'unavailable')).catch(() => undefined);
  };

  /** Sends the replies with their files; `tenant` is the Teams tenant whose organisation keeps the files. */
  async function send(context: TurnContext, replies: Reply[], tenant: string | null): Promise<void> {
    if (!replies.length) return;
    const activities = await Promise.all(
      replies.map(async (reply) => toActivity(reply, await renderTeamsFiles(reply, tenant, options.downloads, logger))),
    );
    await context.sendActivities(activities);
  }

  /** Card actions arrive as invokes, which need an invoke response. */
  async function answerInvoke(context: TurnContext, text: string): Promise<void> {
    if (context.activity.type !== ActivityTypes.Invoke) return;
    await context.sendActivity({
      type: ActivityTypes.InvokeResponse,
      value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text } },
    });
  }

  function deliverLater(reference: Partial<ConversationReference>, tenant: string, pending: Promise<Reply[]>): void {
    const delivery = pending
      .then((replies) => adapter.continueConversationAsync(appId, reference, (context) => send(context, replies, tenant)))
      .catch((error: unknown) => logger.error({ err: error, conversation: reference.conversation?.id }, 'proactive Teams reply failed'))
      .finally(() => inFlight.delete(delivery));
    inFlight.add(delivery);
  }

  async function turn(context: TurnContext): Promise<void> {
    const incoming = toIncoming(context.activity);
    if (!incoming) return answerInvoke(context, '');
    // The roster tells a user's email or UPN; the core asks only for someone it does not know yet.
    const lookupEmail = async () => {
      const member = await TeamsInfo.getMember(context, context.activity.from.id);
      return member.email ?? member.userPrincipalName ?? null;
    };
    // Members are known by their AAD object id; a mention without it is looked up in the roster.
    const mentions = await Promise.all(
      (incoming.mentions ?? []).map(async (mention) => {
        if (!mention.userId.startsWith('29:')) return mention;
        const member = await TeamsInfo.getMember(context, mention.userId).catch(() => null);
        return { ...mention, userId: member?.aadObjectId ?? mention.userId };
      }),
    );
    const pending = core.handle({ ...incoming, user: { ...incoming.user, lookupEmail }, mentions });
    let timer: NodeJS.Timeout | undefined;
    const slow = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), options.slowReplyMs)));
    const replies = await Promise.race([pending, slow]);
    clearTimeout(timer);
    if (replies) {
      await send(context, replies, incoming.tenant);
      return answerInvoke(context, replies[0]?.text ?? '');
    }
    const locale = parseLocale(incoming.locale) ?? 'en';
    const working = t(locale, 'workingOnIt');
    await context.sendActivity(toActivity({ text: working, locale }));
    await answerInvoke(context, working);
    deliverLater(TurnContext.getConversationReference(context.activity), incoming.tenant, pending);
  }

  return {
    register(server) {
      server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
        const problem = activityProblem(req.body);
        if (problem) {
          res.send(400, { error: `Invalid activity: ${problem}` });
          return;
        }
        await adapter.process(req, res, turn);
      });
    },
    async drain() {
      await Promise.allSettled([...inFlight]);
    },
    sender: {
      isPrivate: (address) => (address as Partial<ConversationReference>).conversation?.conversationType === 'personal',
      async send(address, replies) {
        const reference = address as Partial<ConversationReference>;
        // Teams puts the tenant on the conversation of every saved reference.
        const tenant = reference.conversation?.tenantId ?? null;
        // A failure inside the turn would go to onTurnError and be swallowed; keep it to throw here.
        let failure: unknown = null;
        await adapter.continueConversationAsync(appId, reference, async (context) => {
          await send(context, replies, tenant).catch((error: unknown) => (failure = error ?? new Error('Teams send failed')));
        });
        if (failure) throw failure;
      },
    },
  };
}
