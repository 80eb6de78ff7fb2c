import type PgBoss from 'pg-boss';
import { startJobPoller, type JobPoller, type JobPollerOptions } from './job-poller';
import type { Logger } from './logger';

export interface QueueWorkerOptions<Data> extends Pick<JobPollerOptions<PgBoss.JobWithMetadata<Data>>, 'keyOf' | 'concurrency' | 'intervalMs' | 'jobTimeoutMs'> {
  logger: Logger;
  /** Log fields that name a job. */
  describe?: (job: PgBoss.JobWithMetadata<Data>) => Record<string, unknown>;
}

/**
 * Works on a pg-boss queue through our own poller (app/job-poller.ts) instead of boss.work(): pg-boss's worker
 * marks jobs done or failed without waiting for the update, so a database outage at that moment was an
 * unhandled rejection that ended the process. Each job is marked done when `run` resolves, or failed (for
 * pg-boss to try again) when it throws; a failed update is logged, and the job then runs again later.
 */
export function workQueue<Data extends object>(
  boss: PgBoss,
  queue: string,
  run: (job: PgBoss.JobWithMetadata<Data>) => Promise<void>,
  options: QueueWorkerOptions<Data>,
): JobPoller {
  const { logger, describe = () => ({}) } = options;
  return startJobPoller<PgBoss.JobWithMetadata<Data>>({
    ...options,
    // Oldest first, so a conversation's jobs keep their order.
    fetch: async (limit) => (await boss.fetch<Data>(queue, { batchSize: limit, includeMetadata: true })).sort((a, b) => a.createdOn.getTime() - b.createdOn.getTime()),
    handle: async (job) => {
      try {
        await run(job);
      } catch (error) {
        logger.error({ err: error, queue, ...describe(job), retry: job.retryCount }, 'job failed');
        await boss
          .fail(queue, job.id, { message: error instanceof Error ? error.message : String(error) })
          .catch((failure: unknown) => logger.error({ err: failure, queue, ...describe(job) }, 'could not mark a job failed'));
        return;
      }
      await boss
        .complete(queue, job.id)
        .catch((error: unknown) => logger.error({ err: error, queue, ...describe(job) }, 'could not mark a job done; it will run again'));
    },
  });
}
