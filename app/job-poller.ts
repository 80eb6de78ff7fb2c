import type { Logger } from './logger';

export interface JobPollerOptions<Job> {
  /** Takes up to `limit` jobs, oldest first (marking them active); none when there are none. */
  fetch: (limit: number) => Promise<Job[]>;
  /** Handles one job; its own errors are its to record. */
  handle: (job: Job) => Promise<void>;
  /** Jobs with the same key run one after another, in the order taken; others side by side. */
  keyOf: (job: Job) => string;
  /** Jobs running or waiting for their key at once. */
  concurrency: number;
  /** How long an idle poller waits before it looks again. */
  intervalMs: number;
  /** A job still running after this long gives up its place (and no longer holds up its key's next job). */
  jobTimeoutMs: number;
  logger: Logger;
}

export interface JobPoller {
  /** Looks for jobs now rather than at the next interval (a job was just sent). */
  wake(): void;
  /** Resolves once no job is running. */
  drain(): Promise<void>;
  /** Stops taking jobs and waits for those taken. */
  stop(): Promise<void>;
}

/**
 * Keeps up to `concurrency` jobs running: a job that ends makes room for the next at once, so one slow job
 * holds up only the jobs of its own key. Looks for jobs when woken, when there is room after a job ended,
 * and otherwise every interval. Nothing it does can reject unhandled: a failed fetch or job is logged.
 */
export function startJobPoller<Job>(options: JobPollerOptions<Job>): JobPoller {
  const { fetch, handle, keyOf, concurrency, intervalMs, jobTimeoutMs, logger } = options;
  let stopping = false;
  let woken = false;
  let wakeSleeper: (() => void) | null = null;
  /** The last job taken of each key, which the key's next job waits for. */
  const lastOfKey = new Map<string, Promise<void>>();
  const running = new Set<Promise<void>>();

  const wake = () => {
    if (wakeSleeper) wakeSleeper();
    else woken = true;
  };

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

  /** The job, or its timeout, whichever comes first; never rejects. */
  async function handleWithin(job: Job): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), jobTimeoutMs)));
    const handled = handle(job).then(
      () => 'done' as const,
      (error: unknown) => {
        logger.error({ err: error }, 'a job failed');
        return 'done' as const;
      },
    );
    const outcome = await Promise.race([handled, timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') logger.warn({ jobTimeoutMs }, 'a job is still running; taking the next one');
  }

  function begin(job: Job): void {
    const key = keyOf(job);
    const run = (lastOfKey.get(key) ?? Promise.resolve()).then(() => handleWithin(job));
    lastOfKey.set(key, run);
    const tracked = run.finally(() => {
      if (lastOfKey.get(key) === run) lastOfKey.delete(key);
      running.delete(tracked);
      wake();
    });
    running.add(tracked);
  }

  const loop = (async () => {
    while (!stopping) {
      const room = concurrency - running.size;
      if (room <= 0) {
        await pause(intervalMs);
        continue;
      }
      let jobs: Job[] = [];
      try {
        jobs = await fetch(room);
      } catch (error) {
        logger.error({ err: error }, 'could not take jobs; trying again shortly');
      }
      // Jobs taken are active: they run even when stopping, or they would wait for their expiry.
      for (const job of jobs) begin(job);
      if (!jobs.length) await pause(intervalMs);
    }
  })();

  const drain = async () => {
    while (running.size) await Promise.all([...running]);
  };

  return {
    wake,
    drain,
    async stop() {
      stopping = true;
      wakeSleeper?.();
      await loop;
      await drain();
    },
  };
}
