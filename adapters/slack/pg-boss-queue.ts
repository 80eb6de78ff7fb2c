import { createHash } from 'node:crypto';
import PgBoss from 'pg-boss';
import { pgBossDatabase } from '../../storage/pg-pool';
import type { DataSource } from 'typeorm';
import type { JobPoller } from '../../app/job-poller';
import type { Logger } from '../../app/logger';
import { workQueue } from '../../app/pg-boss-worker';
import { cleanJson } from '../../bot/clean-input';
import type { SlackJob } from './payloads';
import type { SlackJobHandler, SlackWorkQueue } from './queue';

export const SLACK_QUEUE = 'slack-work';

export interface PgBossQueueOptions {
  /** How often an idle worker looks for jobs sent by other instances. */
  pollingIntervalSeconds?: number;
  /** Jobs running at once; those of one conversation run one after another. */
  concurrency?: number;
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
  let started: Promise<void> | undefined;
  let poller: JobPoller | undefined;

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
        // Our own loop (app/pg-boss-worker.ts) rather than boss.work(), which took the next batch only when the
        // whole last one was done, so one slow job held up all the others. It also takes a job this process just
        // sent at once, not at the next poll. A job that failed is tried again: the core answers it from what it stored.
        poller = workQueue<SlackJob>(boss, SLACK_QUEUE, (job) => handle(job.data), {
          keyOf: (job) => job.data.conversationKey,
          concurrency: options.concurrency ?? 50,
          intervalMs: (options.pollingIntervalSeconds ?? 0.5) * 1000,
          jobTimeoutMs: expireInSeconds * 1000,
          logger,
          describe: (job) => ({ key: job.data.key }),
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
      await poller?.drain();
    },
    async idle(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        await this.drain();
        if ((await boss.getQueueSize(SLACK_QUEUE)) === 0) {
          // Jobs being fetched are no longer queued but not running yet: look once more after a moment.
          await new Promise((resolve) => setTimeout(resolve, 100));
          await this.drain();
          if ((await boss.getQueueSize(SLACK_QUEUE)) === 0) return;
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
