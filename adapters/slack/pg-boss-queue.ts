import { createHash } from 'node:crypto';
import PgBoss from 'pg-boss';
import { pgBossDatabase } from '../../storage/pg-pool';
import type { DataSource } from 'typeorm';
import type { Logger } from '../../app/logger';
import { cleanJson } from '../../bot/clean-input';
import { startJobPoller, type JobPoller } from './job-poller';
import type { SlackJob } from './payloads';
import type { SlackJobHandler, SlackWorkQueue } from './queue';

export const SLACK_QUEUE = 'slack-work';

export interface PgBossQueueOptions {
  /** How often an idle worker looks for jobs sent by other instances. */
  pollingIntervalSeconds?: number;
  /** Jobs taken at once; those of different conversations run side by side. */
  batchSize?: number;
  /** Tries after the first for a job whose handling failed (the core answers a retry from what it stored). */
  retryLimit?: number;
  /** A job still active after this long (its instance died) is tried again, once maintenance notices. */
  expireInSeconds?: number;
  /** How often pg-boss's maintenance runs (expires jobs of dead instances, archives finished ones). */
  maintenanceIntervalSeconds?: number;
  /** False for an instance that only takes requests and leaves the handling to others. */
  work?: boolean;
}

export interface DurableSlackQueue extends SlackWorkQueue {
  /** Creates pg-boss's schema and queue if needed and starts the worker. */
  start(): Promise<void>;
  /** Stops taking jobs and waits for those being handled. */
  stop(): Promise<void>;
  /** Resolves once no job is waiting or being handled (tests), or after the timeout. */
  idle(timeoutMs?: number): Promise<void>;
}

/** A stable UUID (v5 layout) for a job key, so a redelivered Slack event maps to the same pg-boss job id. */
export function jobIdFor(key: string): string {
  const bytes = createHash('sha1').update(`logbook-slack:${key}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A queue in the app's own database through pg-boss 10: an acknowledged job is a row before Slack hears
 * 200, so it survives a crash; another instance (or this one after a restart) handles it. pg-boss talks
 * through the app's connection pool, because embedded PGlite takes only one connection.
 * A redelivered event inserts the same job id and is dropped by the primary key.
 */
export function createPgBossQueue(
  dataSource: DataSource,
  handle: SlackJobHandler,
  logger: Logger,
  options: PgBossQueueOptions = {},
): DurableSlackQueue {
  const boss = new PgBoss({
    db: pgBossDatabase(dataSource),
    schema: 'pgboss',
    supervise: true,
    ...(options.maintenanceIntervalSeconds ? { maintenanceIntervalSeconds: options.maintenanceIntervalSeconds } : {}),
    schedule: false,
    migrate: true,
  });
  boss.on('error', (error: Error) => logger.error({ err: error }, 'pg-boss error'));
  const active = new Set<Promise<void>>();
  let started: Promise<void> | undefined;
  let poller: JobPoller | undefined;

  /** Handles a batch: conversations side by side, each conversation's jobs in the order they came. */
  async function work(jobs: PgBoss.JobWithMetadata<SlackJob>[]): Promise<void> {
    const byConversation = new Map<string, PgBoss.JobWithMetadata<SlackJob>[]>();
    for (const job of [...jobs].sort((a, b) => a.createdOn.getTime() - b.createdOn.getTime())) {
      const list = byConversation.get(job.data.conversationKey) ?? [];
      list.push(job);
      byConversation.set(job.data.conversationKey, list);
    }
    const run = Promise.all(
      [...byConversation.values()].map(async (list) => {
        for (const job of list) {
          try {
            await handle(job.data);
          } catch (error) {
            logger.error({ err: error, key: job.data.key, retry: job.retryCount }, 'Slack work failed');
            await boss
              .fail(SLACK_QUEUE, job.id, { message: error instanceof Error ? error.message : String(error) })
              .catch((failure: unknown) => logger.error({ err: failure, key: job.data.key }, 'could not mark a Slack job failed'));
            continue;
          }
          // Each job is marked done as soon as it is, not with its batch: pg-boss does not wait for its own
          // batch update, which a shutdown can cut off, and a crash later in the batch would run this job again.
          await boss
            .complete(SLACK_QUEUE, job.id)
            .catch((error: unknown) => logger.error({ err: error, key: job.data.key }, 'could not mark a Slack job done; it will run again, answered from what was stored'));
        }
      }),
    ).then(() => undefined);
    active.add(run);
    try {
      await run;
    } finally {
      active.delete(run);
    }
  }

  return {
    start() {
      started ??= (async () => {
        await boss.start();
        const expireInSeconds = options.expireInSeconds ?? 5 * 60;
        const queue: PgBoss.Queue = {
          name: SLACK_QUEUE,
          policy: 'standard',
          retryLimit: options.retryLimit ?? 2,
          retryDelay: 2,
          retryBackoff: true,
          expireInSeconds,
        };
        // An existing queue takes the current settings for the jobs sent from now on.
        if (await boss.getQueue(SLACK_QUEUE)) await boss.updateQueue(SLACK_QUEUE, queue);
        else await boss.createQueue(SLACK_QUEUE, queue);
        if (options.work === false) return;
        // Our own loop rather than boss.work(): pg-boss's worker marks a batch done or failed without waiting
        // for it, so a database outage then was an unhandled rejection that ended the process. This loop also
        // takes a job this process just sent at once, not at the next poll.
        const batchSize = options.batchSize ?? 10;
        poller = startJobPoller({
          fetch: () => boss.fetch<SlackJob>(SLACK_QUEUE, { batchSize, includeMetadata: true }),
          handle: work,
          intervalMs: (options.pollingIntervalSeconds ?? 0.5) * 1000,
          batchTimeoutMs: expireInSeconds * 1000,
          logger,
        });
      })();
      return started;
    },
    async enqueue(job) {
      await this.start();
      // The job is a JSON row: no NUL or lone surrogate may reach it, and no nesting deeper than the core keeps.
      await boss.send(SLACK_QUEUE, cleanJson(job) as SlackJob, { id: jobIdFor(job.key) });
      poller?.wake();
    },
    async drain() {
      while (active.size) await Promise.allSettled([...active]);
    },
    async idle(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        await this.drain();
        if (!active.size && (await boss.getQueueSize(SLACK_QUEUE)) === 0) {
          // A fetched batch may not have reached work() yet: look once more after a moment.
          await new Promise((resolve) => setTimeout(resolve, 100));
          if (!active.size && (await boss.getQueueSize(SLACK_QUEUE)) === 0) return;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async stop() {
      if (!started) return;
      await started.catch(() => undefined);
      await poller?.stop();
      await boss.stop({ graceful: true, wait: true, close: false, timeout: 10_000 });
    },
  };
}
