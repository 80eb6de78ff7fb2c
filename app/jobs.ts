import PgBoss from 'pg-boss';
import { pgBossDatabase } from '../storage/pg-pool';
import type { DataSource } from 'typeorm';
import type { JobPoller } from './job-poller';
import type { Logger } from './logger';
import { workQueue } from './pg-boss-worker';

/** A scheduled job still running after this long (its instance died) is tried again. */
const JOB_EXPIRE_SECONDS = 60 * 60;

/** A job run on a cron schedule by exactly one instance of the service. */
export interface ScheduledJob {
  /** The pg-boss queue name: letters, digits, hyphens. */
  name: string;
  /** Five-field cron ("30 3 * * *"), in the scheduler's time zone. */
  cron: string;
  run(): Promise<void>;
}

export interface JobSchedulerOptions {
  /** IANA time zone of the cron expressions. */
  timeZone: string;
  /** How often an idle worker looks for a due job; the default suits daily jobs. */
  pollingIntervalSeconds?: number;
  /** How often pg-boss's maintenance runs (expires jobs of dead instances, archives finished ones). */
  maintenanceIntervalSeconds?: number;
}

export interface JobScheduler {
  /** Creates pg-boss's schema, the queues and their schedules if needed, and starts the workers. */
  start(): Promise<void>;
  /** Queues a run now; false when a run is already waiting. */
  trigger(name: string): Promise<boolean>;
  /** Stops taking jobs and waits for a running one. */
  stop(): Promise<void>;
}

/**
 * Scheduled jobs through pg-boss in the app's own database (schema `pgboss`, shared with the Slack queue).
 * pg-boss's clock puts one job per cron tick in the queue however many instances run, and one worker takes
 * it; the 'stately' policy keeps at most one waiting and one running. pg-boss talks through the app's pg
 * pool, because embedded PGlite takes only one connection.
 */
export function createJobScheduler(dataSource: DataSource, logger: Logger, jobs: ScheduledJob[], options: JobSchedulerOptions): JobScheduler {
  const boss = new PgBoss({
    db: pgBossDatabase(dataSource),
    schema: 'pgboss',
    supervise: true,
    ...(options.maintenanceIntervalSeconds ? { maintenanceIntervalSeconds: options.maintenanceIntervalSeconds } : {}),
    schedule: true,
    migrate: true,
  });
  boss.on('error', (error: Error) => logger.error({ err: error }, 'pg-boss error (scheduled jobs)'));
  let started: Promise<void> | undefined;
  const pollers = new Map<string, JobPoller>();

  /** A failure is logged and marked by workQueue, for pg-boss to try again. */
  async function runJob(job: ScheduledJob): Promise<void> {
    const began = Date.now();
    await job.run();
    logger.info({ job: job.name, ms: Date.now() - began }, 'scheduled job done');
  }

  return {
    start() {
      started ??= (async () => {
        await boss.start();
        for (const job of jobs) {
          if (!(await boss.getQueue(job.name))) {
            await boss.createQueue(job.name, { name: job.name, policy: 'stately', retryLimit: 2, retryDelay: 60, expireInSeconds: JOB_EXPIRE_SECONDS });
          }
          await boss.schedule(job.name, job.cron, {}, { tz: options.timeZone });
          const poller = workQueue(boss, job.name, () => runJob(job), {
            keyOf: () => job.name,
            concurrency: 1,
            intervalMs: (options.pollingIntervalSeconds ?? 30) * 1000,
            jobTimeoutMs: JOB_EXPIRE_SECONDS * 1000,
            logger,
          });
          pollers.set(job.name, poller);
        }
      })();
      return started;
    },
    async trigger(name) {
      await this.start();
      const queued = (await boss.send(name, {})) !== null;
      // This instance's worker looks at once instead of at its next poll (another instance may still win).
      if (queued) pollers.get(name)?.wake();
      return queued;
    },
    async stop() {
      if (!started) return;
      await started.catch(() => undefined);
      await Promise.all([...pollers.values()].map((poller) => poller.stop()));
      await boss.stop({ graceful: true, wait: true, close: false, timeout: 60_000 });
    },
  };
}
