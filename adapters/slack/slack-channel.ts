import { WebClient, LogLevel, type Logger as SlackLogger } from '@slack/web-api';
import type restify from 'restify';
import type { Logger } from '../../app/logger';
import type { ProactiveSender } from '../../app/notifier';
import type { Core } from '../../bot/core';
import type { Reply } from '../../bot/messages';
import type { ReplyDeliveries } from '../../storage/reply-deliveries';
import { deliveryText } from '../phrases';
import { replyAttachments } from '../reply-attachments';
import { toSlackMessage } from './blocks';
import { commandToJob, eventToJob, interactionToJob, type ReplyTarget, type SlackJob } from './payloads';
import { createInMemoryQueue, type SlackJobHandler, type SlackWorkQueue } from './queue';
import { rawBodyReader, type RawBodyRequest } from './raw-body';
import { postToResponseUrl, type RetryPolicy } from './response-url';
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
  /** Retries of a failed or rate-limited Web API call or response_url post (429, 5xx, network errors). */
  retries?: number;
  /** Records what each job delivered, so a retried job skips it; without it a retry sends every reply again. */
  deliveries?: ReplyDeliveries;
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

/** A job's key and the parts of its replies delivered so far. */
interface TurnDelivery {
  key: string;
  done: Set<string>;
}

export const SLACK_ROUTES = { events: '/slack/events', commands: '/slack/commands', interactions: '/slack/interactions' } as const;

const LOCALE_CACHE_MS = 60 * 60 * 1000;
const RESPONSE_URL_TIMEOUT_MS = 10_000;

/** Slack through its Events API, slash commands and interactivity, answered through the Web API. */
export function createSlackChannel(options: SlackOptions, core: Core, logger: Logger): SlackChannel {
  const now = options.now ?? Date.now;
  const log = logger.child({ channel: 'slack' });
  const retry: RetryPolicy = { retries: options.retries ?? 3, minDelayMs: 200, maxDelayMs: 5000 };
  // The WebClient waits out a 429's Retry-After, and tries a 5xx or a network error again with backoff.
  const web = new WebClient(options.botToken, {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl.endsWith('/') ? options.apiUrl : `${options.apiUrl}/` } : {}),
    rejectRateLimitedCalls: false,
    retryConfig: { retries: retry.retries, factor: 2, minTimeout: retry.minDelayMs, maxTimeout: retry.maxDelayMs },
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

  /** Sends a part of a job's replies unless the job delivered it before, and records it once sent. */
  async function once(turn: TurnDelivery | null, part: string, send: () => Promise<void>): Promise<void> {
    if (turn?.done.has(part)) return;
    await send();
    if (!turn || !options.deliveries) return;
    turn.done.add(part);
    await options.deliveries.record(turn.key, part).catch((error: unknown) => {
      // Sent all the same; only a retry of this job would send it again.
      log.error({ err: error, key: turn.key, part }, 'could not record a delivered Slack reply');
    });
  }

  /**
   * Uploads the reply's files into the conversation (and thread) with files.uploadV2; returns a note for
   * each that failed. `uploadTo` null: the reply is ephemeral in a shared channel, where a file cannot be.
   */
  async function uploadFiles(reply: Reply, uploadTo: { channel: string; threadTs: string | null } | null, turn: TurnDelivery | null, part: string): Promise<string[]> {
    const notes: string[] = [];
    for (const [index, file] of replyAttachments(reply).entries()) {
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
        const { channel, threadTs } = uploadTo;
        await once(turn, `${part}:file:${index}`, async () => {
          await web.filesUploadV2(threadTs ? { ...upload, channel_id: channel, thread_ts: threadTs } : { ...upload, channel_id: channel });
        });
      } catch (error) {
        log.error({ err: error, filename: file.filename, channel: uploadTo.channel }, 'Slack file upload failed; the text goes without it');
        notes.push(deliveryText(reply.locale, 'attachmentFailed', { filename: file.filename }));
      }
    }
    return notes;
  }

  /**
   * The files first, so a failed upload can be told in the text that follows. `part` names the reply within
   * its job ("0", "1", …); with `turn`, parts the job delivered before are skipped.
   */
  async function deliver(
    target: ReplyTarget,
    reply: Reply,
    uploadTo: { channel: string; threadTs: string | null } | null,
    turn: TurnDelivery | null = null,
    part = '0',
  ): Promise<void> {
    const notes = await uploadFiles(reply, uploadTo, turn, part);
    const message = toSlackMessage(notes.length ? { ...reply, text: [reply.text, ...notes].filter(Boolean).join('\n\n') } : reply);
    await once(turn, part, async () => {
      if (target.kind === 'post') {
        await web.chat.postMessage({ channel: target.channel, ...message, ...(target.threadTs ? { thread_ts: target.threadTs } : {}) });
        return;
      }
      await postToResponseUrl(target.url, { response_type: 'ephemeral', replace_original: false, ...message }, retry, RESPONSE_URL_TIMEOUT_MS);
    });
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
    // A retried job (an earlier try failed part-way, or its instance died) sends only what did not go out.
    const turn: TurnDelivery | null = options.deliveries ? { key: job.key, done: await options.deliveries.delivered(job.key) } : null;
    for (const [index, reply] of replies.entries()) await deliver(job.target, reply, uploadTo, turn, String(index));
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
    const payload = jsonObject(body.toString('utf8'));
    if (!payload) {
      res.send(400, { error: 'invalid JSON' });
      return;
    }
    if (payload.type === 'url_verification') {
      // Slack's challenge is a string; String() of a deeply nested array would run out of stack.
      if (typeof payload.challenge !== 'string') {
        res.send(400, { error: 'invalid challenge' });
        return;
      }
      return ack(res, { challenge: payload.challenge });
    }
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
    const payload = jsonObject(new URLSearchParams(body.toString('utf8')).get('payload') ?? '');
    if (!payload) {
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

/** The JSON object in `text`, or null when it is no JSON or another JSON value (null, an array, a number). */
function jsonObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
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
