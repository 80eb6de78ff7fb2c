import type { SlackJob } from './payloads';

/** Holds the work acknowledged to Slack until it has been handled. */
export interface SlackWorkQueue {
  /** Accepts a job; a job whose key was seen recently is dropped (Slack retries, duplicate events). */
  enqueue(job: SlackJob): Promise<void>;
  /** Resolves once the jobs being handled in this process are done. */
  drain(): Promise<void>;
  /** Prepares the queue (a durable one creates its tables and starts its worker). */
  start?(): Promise<void>;
  /** Stops taking jobs; a durable queue leaves the rest to the next instance. */
  stop?(): Promise<void>;
}

export type SlackJobHandler = (job: SlackJob) => Promise<void>;

export interface InMemoryQueueOptions {
  /** How long a job key is remembered for de-duplication; Slack retries within minutes. */
  dedupeMs?: number;
  now?: () => number;
  onError?: (error: unknown, job: SlackJob) => void;
}

/**
 * Handles jobs in this process, in order per conversation, at once after the ack.
 * Not durable: jobs accepted but not yet handled are lost if the process dies, and de-duplication
 * only covers this instance (the core still makes one entry per Slack message id).
 */
export function createInMemoryQueue(handle: SlackJobHandler, options: InMemoryQueueOptions = {}): SlackWorkQueue {
  const dedupeMs = options.dedupeMs ?? 60 * 60 * 1000;
  const now = options.now ?? Date.now;
  const seen = new Map<string, number>();
  const tails = new Map<string, Promise<void>>();
  const inFlight = new Set<Promise<void>>();

  function remember(key: string): boolean {
    const at = now();
    for (const [known, expires] of seen) {
      if (expires > at) break;
      seen.delete(known);
    }
    const expires = seen.get(key);
    if (expires !== undefined && expires > at) return false;
    seen.delete(key);
    seen.set(key, at + dedupeMs);
    return true;
  }

  return {
    async enqueue(job) {
      if (!remember(job.key)) return;
      const previous = tails.get(job.conversationKey) ?? Promise.resolve();
      const run = previous
        .then(() => handle(job))
        .catch((error: unknown) => options.onError?.(error, job))
        .finally(() => {
          inFlight.delete(run);
          if (tails.get(job.conversationKey) === run) tails.delete(job.conversationKey);
        });
      tails.set(job.conversationKey, run);
      inFlight.add(run);
    },
    async drain() {
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
  };
}
