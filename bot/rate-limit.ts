/** Per-user rate limiting in the core, so no channel can flood the database on one user's behalf. */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimit {
  /** Counts one message of the user (channel, workspace and user id) and says whether it may be handled. */
  take(key: string): Promise<RateDecision>;
}

/**
 * At most `perMinute` messages a minute per user, counted in this process (each instance behind a load
 * balancer counts its own). Null when `perMinute` is 0: no limit.
 */
export function createRateLimit(perMinute: number): RateLimit | null {
  if (perMinute <= 0) return null;
  const limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  return {
    async take(key) {
      try {
        await limiter.consume(key);
        return { allowed: true };
      } catch (result) {
        if (result instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(result.msBeforeNext / 1000)) };
        throw result;
      }
    },
  };
}
