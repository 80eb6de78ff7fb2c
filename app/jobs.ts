import PgBoss from 'pg-boss';
import { pgBossDatabase } from '../storage/pg-pool';
import type { DataSource } from 'typeorm';
import type { Logger } from './logger';

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
  const workers = new Map<string, string>();

  async function runJob(job: ScheduledJob): Promise<void> {
    const began = Date.now();
    try {
      await job.run();
      logger.info({ job: job.name, ms: Date.now() - began }, 'scheduled job done');
    } catch (error) {
      logger.error({ err: error, job: job.name }, 'scheduled job failed');
      throw error;
    }
  }

  return {
    start() {
      started ??= (async () => {
        await boss.start();
        for (const job of jobs) {
          if (!(await boss.getQueue(job.name))) {
            await boss.createQueue(job.name, { name: job.name, policy: 'stately', retryLimit: 2, retryDelay: 60, expireInSeconds: 60 * 60 });
          }
          await boss.schedule(job.name, job.cron, {}, { tz: options.timeZone });
          const workerId = await boss.work(job.name, { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 30 }, () => runJob(job));
          workers.set(job.name, workerId);
        }
      })();
      return started;
    },
    async trigger(name) {
      await this.start();
      const queued = (await boss.send(name, {})) !== null;
      // This instance's worker looks at once instead of at its next poll (another instance may still win).
      const workerId = workers.get(name);
      if (queued && workerId) boss.notifyWorker(workerId);
      return queued;
    },
    async stop() {
      if (!started) return;
      await started.catch(() => undefined);
      await boss.stop({ graceful: true, wait: true, close: false, timeout: 60_000 });
    },
  };
}
