/** How often and how patiently a failed outbound call is tried again. */
export interface RetryPolicy {
  /** Tries after the first. */
  retries: number;
  /** The wait before the first retry; it doubles each time, up to maxDelayMs. */
  minDelayMs: number;
  maxDelayMs: number;
}

/** The longest Retry-After waited out within one call; a longer one fails the call (the job is retried later). */
const MAX_RETRY_AFTER_MS = 60_000;

export class ResponseUrlError extends Error {}

/**
 * POSTs a reply to a slash command's or an ephemeral card's response_url. A 429 is tried again after its
 * Retry-After, a 5xx or a network error after an exponential backoff; any other answer fails at once.
 * A 2xx is never repeated.
 */
export async function postToResponseUrl(
  url: string,
  body: unknown,
  policy: RetryPolicy,
  timeoutMs: number,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const backoff = Math.min(policy.maxDelayMs, policy.minDelayMs * 2 ** attempt);
    let wait: number;
    let failure: string;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json; charset=utf-8' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) return;
      failure = `response_url answered ${response.status}`;
      if (response.status === 429) {
        const retryAfter = retryAfterMs(response.headers.get('retry-after'));
        if (retryAfter !== null && retryAfter > MAX_RETRY_AFTER_MS) throw new ResponseUrlError(`${failure} with Retry-After ${retryAfter / 1000} s`);
        wait = retryAfter ?? backoff;
      } else if (response.status >= 500) {
        wait = backoff;
      } else {
        throw new ResponseUrlError(failure);
      }
    } catch (error) {
      if (error instanceof ResponseUrlError) throw error;
      failure = `response_url failed: ${error instanceof Error ? error.message : String(error)}`;
      wait = backoff;
    }
    if (attempt >= policy.retries) throw new ResponseUrlError(failure);
    await sleep(wait);
  }
}

/** Retry-After as seconds or an HTTP date, in milliseconds; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isFinite(at) ? Math.max(0, at - now) : null;
}
