import { WebClient, LogLevel, type Logger as SlackLogger } from '@slack/web-api';
import type restify from 'restify';
import type { Logger } from '../../app/logger';
import type { ProactiveSender } from '../../app/notifier';
import type { Core } from '../../bot/core';
import type { Reply } from '../../bot/messages';
import { deliveryText } from '../phrases';
import { replyAttachments } from '../reply-attachments';
import { toSlackMessage } from './blocks';
import { commandToJob, eventToJob, interactionToJob, type ReplyTarget, type SlackJob } from './payloads';
import { createInMemoryQueue, type SlackJobHandler, type SlackWorkQueue } from './queue';
import { rawBodyReader, type RawBodyRequest } from './raw-body';
import { verifySlackSignature } from './signature';

export interface SlackOptions {
  signingSecret: string;
  botToken: string;
  /** Web API base, e.g. https://slack.com/api/ (the default); tests point it at a loopback fake. */
  apiUrl?: string;
  /** Milliseconds since the epoch; the signature check's clock. */
  now?: () => number;
  /** Largest request body read from Slack. */
  maxBodyBytes?: number;
  /** Retries of a failed or rate-limited Web API call. */
  retries?: number;
  /** Where acknowledged work waits; in this process by default. */
  createQueue?: (handle: SlackJobHandler) => SlackWorkQueue;
}

export interface SlackChannel {
  register(server: restify.Server): void;
  /** Starts the work queue (a durable queue creates its tables); call before listening. */
  start(): Promise<void>;
  /** Waits for acknowledged work still being handled. */
  drain(): Promise<void>;
  /** Stops the work queue; call after the HTTP server has stopped accepting. */
  stop(): Promise<void>;
  /** Proactive messages to a saved conversation ({ channel, thread_ts, team }). */
  sender: ProactiveSender;
}

export const SLACK_ROUTES = { events: '/slack/events', commands: '/slack/commands', interactions: '/slack/interactions' } as const;

const LOCALE_CACHE_MS = 60 * 60 * 1000;
const RESPONSE_URL_TIMEOUT_MS = 10_000;

/** Slack through its Events API, slash commands and interactivity, answered through the Web API. */
export function createSlackChannel(options: SlackOptions, core: Core, logger: Logger): SlackChannel {
  const now = options.now ?? Date.now;
  const log = logger.child({ channel: 'slack' });
  const web = new WebClient(options.botToken, {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl.endsWith('/') ? options.apiUrl : `${options.apiUrl}/` } : {}),
    rejectRateLimitedCalls: false,
    retryConfig: { retries: options.retries ?? 3, factor: 2, minTimeout: 200, maxTimeout: 5000 },
    timeout: 10_000,
    logger: slackLogger(log),
  });
  const users = new Map<string, { expires: number; locale: string | null; name: string | null; email: string | null }>();

  /** The user's Slack locale, name and email (with users:read.email) from users.info, cached; null when Slack does not tell. */
  async function userInfo(team: string, user: string): Promise<{ locale: string | null; name: string | null; email: string | null }> {
    const key = `${team}:${user}`;
    const cached = users.get(key);
    if (cached && cached.expires > Date.now()) return cached;
    try {
      const result = await web.users.info({ user, include_locale: true });
      const info = {
        locale: result.user?.locale ?? null,
        name: result.user?.real_name ?? result.user?.name ?? null,
        email: result.user?.profile?.email ?? null,
      };
      users.set(key, { ...info, expires: Date.now() + LOCALE_CACHE_MS });
      return info;
    } catch (error) {
      log.warn({ err: error, user }, 'Slack users.info failed; going on without the locale');
      return { locale: null, name: null, email: null };
    }
  }

  /**
   * Uploads the reply's files into the conversation (and thread) with files.uploadV2; returns a note for
   * each that failed. `uploadTo` null: the reply is ephemeral in a shared channel, where a file cannot be.
   */
  async function uploadFiles(reply: Reply, uploadTo: { channel: string; threadTs: string | null } | null): Promise<string[]> {
    const notes: string[] = [];
    for (const file of replyAttachments(reply)) {
      if (!uploadTo) {
        log.info({ filename: file.filename }, 'a file cannot go with an ephemeral reply in a shared channel');
        notes.push(deliveryText(reply.locale, 'attachmentOnlyInDirectMessage', { filename: file.filename }));
        continue;
      }
      try {
        const upload = {
          filename: file.filename,
          title: file.description,
          ...(file.kind === 'image' ? { alt_text: file.description } : {}),
          file: Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength),
        };
        await web.filesUploadV2(
          uploadTo.threadTs
            ? { ...upload, channel_id: uploadTo.channel, thread_ts: uploadTo.threadTs }
            : { ...upload, channel_id: uploadTo.channel },
        );
      } catch (error) {
        log.error({ err: error, filename: file.filename, channel: uploadTo.channel }, 'Slack file upload failed; the text goes without it');
        notes.push(deliveryText(reply.locale, 'attachmentFailed', { filename: file.filename }));
      }
    }
    return notes;
  }

  /** The files first, so a failed upload can be told in the text that follows. */
  async function deliver(target: ReplyTarget, reply: Reply, uploadTo: { channel: string; threadTs: string | null } | null): Promise<void> {
    const notes = await uploadFiles(reply, uploadTo);
    const message = toSlackMessage(notes.length ? { ...reply, text: [reply.text, ...notes].filter(Boolean).join('\n\n') } : reply);
    if (target.kind === 'post') {
      await web.chat.postMessage({ channel: target.channel, ...message, ...(target.threadTs ? { thread_ts: target.threadTs } : {}) });
      return;
    }
    const response = await fetch(target.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, ...message }),
      signal: AbortSignal.timeout(RESPONSE_URL_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`response_url answered ${response.status}`);
  }

  async function handle(job: SlackJob): Promise<void> {
    const { incoming } = job;
    const info = await userInfo(incoming.tenant, incoming.user.id);
    // A mention without a label gets the colleague's name, so a mentor adding them sees who it is.
    const mentions = await Promise.all(
      (incoming.mentions ?? []).map(async (m) => (m.name ? m : { ...m, name: (await userInfo(incoming.tenant, m.userId)).name })),
    );
    const replies = await core.handle({
      ...incoming,
      locale: incoming.locale ?? info.locale,
      user: { ...incoming.user, name: incoming.user.name ?? info.name, email: incoming.user.email ?? info.email },
      mentions,
    });
    // A slash command answers ephemerally; its files go only where the conversation is the user's own DM.
    const uploadTo =
      job.target.kind === 'post'
        ? { channel: job.target.channel, threadTs: job.target.threadTs }
        : incoming.conversation.kind === 'personal'
          ? { channel: incoming.conversation.id, threadTs: null }
          : null;
    for (const reply of replies) await deliver(job.target, reply, uploadTo);
  }

  const queue = (
    options.createQueue ??
    ((h) => createInMemoryQueue(h, { onError: (error, job) => log.error({ err: error, key: job.key }, 'Slack work failed') }))
  )(handle);

  /** Verifies the signature over the raw bytes; answers 401 (or 413) and returns null when it fails. */
  function verified(req: restify.Request, res: restify.Response): Buffer | null {
    const raw = req as RawBodyRequest;
    if (raw.slackBodyTooLarge) {
      res.send(413, { error: 'body too large' });
      return null;
    }
    const body = raw.slackRawBody ?? Buffer.alloc(0);
    const result = verifySlackSignature(
      options.signingSecret,
      { timestamp: req.header('x-slack-request-timestamp') || undefined, signature: req.header('x-slack-signature') || undefined, rawBody: body },
      now(),
    );
    if (!result.ok) {
      log.warn({ url: req.url, reason: result.reason }, 'refused a Slack request with a bad signature');
      res.send(401, { error: 'invalid signature' });
      return null;
    }
    return body;
  }

  function ack(res: restify.Response, body?: object): void {
    if (body) res.send(200, body);
    else {
      res.status(200);
      res.end();
    }
  }

  async function accept(req: restify.Request, res: restify.Response, job: SlackJob | null): Promise<void> {
    if (job) {
      const retry = req.header('x-slack-retry-num');
      if (retry) log.info({ key: job.key, retry, reason: req.header('x-slack-retry-reason') }, 'Slack redelivery');
      try {
        await queue.enqueue(job);
      } catch (error) {
        // Not accepted: a 500 makes Slack deliver it again.
        log.error({ err: error, key: job.key }, 'could not queue Slack work');
        res.send(500, { error: 'unavailable' });
        return;
      }
    }
    ack(res);
  }

  const isForm = (req: restify.Request) => (req.header('content-type') ?? '').startsWith('application/x-www-form-urlencoded');

  async function events(req: restify.Request, res: restify.Response): Promise<void> {
    const body = verified(req, res);
    if (!body) return;
    if (isForm(req)) {
      // ssl_check arrives form-encoded; nothing else is expected that way here.
      return ack(res);
    }
    let payload: Record<string, unknown>;
    try {
      payload = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    } catch {
      res.send(400, { error: 'invalid JSON' });
      return;
    }
    if (payload.type === 'url_verification') return ack(res, { challenge: String(payload.challenge ?? '') });
    if (payload.type !== 'event_callback') return ack(res);
    await accept(req, res, eventToJob(payload));
  }

  async function commands(req: restify.Request, res: restify.Response): Promise<void> {
    const body = verified(req, res);
    if (!body) return;
    const form = new URLSearchParams(body.toString('utf8'));
    if (form.get('ssl_check') === '1') return ack(res);
    await accept(req, res, commandToJob(form));
  }

  async function interactions(req: restify.Request, res: restify.Response): Promise<void> {
    const body = verified(req, res);
    if (!body) return;
    let payload: Record<string, unknown>;
    try {
      payload = JSON.parse(new URLSearchParams(body.toString('utf8')).get('payload') ?? '') as Record<string, unknown>;
    } catch {
      res.send(400, { error: 'invalid payload' });
      return;
    }
    // view_submission and other interactions are acknowledged only: the bot opens no modals.
    await accept(req, res, interactionToJob(payload));
  }

  return {
    register(server) {
      server.pre(rawBodyReader('/slack/', options.maxBodyBytes ?? 1024 * 1024));
      server.post(SLACK_ROUTES.events, events);
      server.post(SLACK_ROUTES.commands, commands);
      server.post(SLACK_ROUTES.interactions, interactions);
    },
    start: async () => queue.start?.(),
    drain: () => queue.drain(),
    stop: async () => {
      await queue.drain();
      await queue.stop?.();
    },
    sender: {
      // Direct-message channel ids start with D; a channel where the bot was @mentioned is not private.
      isPrivate: (address) => typeof address.channel === 'string' && address.channel.startsWith('D'),
      async send(address, replies) {
        const channel = String(address.channel);
        for (const reply of replies) await deliver({ kind: 'post', channel, threadTs: null }, reply, { channel, threadTs: null });
      },
    },
  };
}

/** @slack/web-api's logger interface on top of the app's pino logger. */
function slackLogger(logger: Logger): SlackLogger {
  let level = LogLevel.WARN;
  const order = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];
  const on = (at: LogLevel) => order.indexOf(at) >= order.indexOf(level);
  const text = (messages: unknown[]) => messages.map((m) => (typeof m === 'string' ? m : JSON.stringify(m))).join(' ');
  return {
    debug: (...messages) => on(LogLevel.DEBUG) && logger.debug({ source: 'slack-web-api' }, text(messages)),
    info: (...messages) => on(LogLevel.INFO) && logger.info({ source: 'slack-web-api' }, text(messages)),
    warn: (...messages) => on(LogLevel.WARN) && logger.warn({ source: 'slack-web-api' }, text(messages)),
    error: (...messages) => on(LogLevel.ERROR) && logger.error({ source: 'slack-web-api' }, text(messages)),
    setLevel: (next) => (level = next),
    getLevel: () => level,
    setName: () => undefined,
  };
}
