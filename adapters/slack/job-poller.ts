import type { Logger } from '../../app/logger';

export interface JobPollerOptions<Job> {
  /** Takes the next batch (marking it active); an empty batch when there is none. */
  fetch: () => Promise<Job[]>;
  /** Handles a batch; its own errors are its to record. */
  handle: (jobs: Job[]) => Promise<void>;
  /** How long an idle poller waits before it looks again. */
  intervalMs: number;
  /** A batch still running after this long is left to finish on its own, and the next one is taken. */
  batchTimeoutMs: number;
  logger: Logger;
}

export interface JobPoller {
  /** Looks for jobs now rather than at the next interval (a job was just sent). */
  wake(): void;
  /** Stops taking batches and waits for the one being handled. */
  stop(): Promise<void>;
}

/**
 * Takes batches one after another: at once while there are jobs or when woken, otherwise every interval.
 * Nothing it does can reject unhandled: a failed fetch or batch is logged and the loop goes on.
 */
export function startJobPoller<Job>(options: JobPollerOptions<Job>): JobPoller {
  const { fetch, handle, intervalMs, batchTimeoutMs, logger } = options;
  let stopping = false;
  let woken = false;
  let wakeSleeper: (() => void) | null = null;

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      if (woken || stopping) {
        woken = false;
        resolve();
        return;
      }
      const done = () => {
        clearTimeout(timer);
        wakeSleeper = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      wakeSleeper = done;
    });

  async function handleWithin(jobs: Job[]): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), batchTimeoutMs)));
    const handled = handle(jobs).then(
      () => 'done' as const,
      (error: unknown) => {
        logger.error({ err: error }, 'a batch of jobs failed');
        return 'done' as const;
      },
    );
    const outcome = await Promise.race([handled, timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') logger.warn({ jobs: jobs.length, batchTimeoutMs }, 'a batch of jobs is still running; taking the next one');
  }

  const loop = (async () => {
    while (!stopping) {
      let jobs: Job[] = [];
      try {
        jobs = await fetch();
      } catch (error) {
        logger.error({ err: error }, 'could not take jobs; trying again shortly');
      }
      // Jobs taken are active: they are handled even when stopping, or they would wait for their expiry.
      if (jobs.length) {
        await handleWithin(jobs);
        continue;
      }
      await pause(intervalMs);
    }
  })();

  return {
    wake() {
      if (wakeSleeper) wakeSleeper();
      else woken = true;
    },
    async stop() {
      stopping = true;
      wakeSleeper?.();
      await loop;
    },
  };
}
