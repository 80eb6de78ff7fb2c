import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack refuses to let a signed request be replayed later than this. */
export const MAX_SIGNATURE_AGE_SECONDS = 5 * 60;

export interface SignedRequest {
  /** X-Slack-Request-Timestamp: seconds since the epoch, as sent. */
  timestamp: string | undefined;
  /** X-Slack-Signature: "v0=" + hex HMAC. */
  signature: string | undefined;
  /** The request body exactly as received. */
  rawBody: Buffer;
}

export type VerifyResult = { ok: true } | { ok: false; reason: string };

/** "v0=" + HMAC-SHA256 of `v0:{timestamp}:{body}` with the signing secret. */
export function computeSlackSignature(signingSecret: string, timestamp: string, rawBody: Buffer | string): string {
  const hmac = createHmac('sha256', signingSecret);
  hmac.update(`v0:${timestamp}:`);
  hmac.update(rawBody);
  return `v0=${hmac.digest('hex')}`;
}

/**
 * Checks a request's Slack signature over the raw bytes, in constant time, and refuses timestamps
 * more than five minutes from `nowMs` (either way).
 */
export function verifySlackSignature(signingSecret: string, request: SignedRequest, nowMs: number): VerifyResult {
  const { timestamp, signature, rawBody } = request;
  if (!signingSecret) return { ok: false, reason: 'no signing secret configured' };
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'missing or malformed timestamp' };
  if (!signature || !/^v0=[0-9a-f]{64}$/.test(signature)) return { ok: false, reason: 'missing or malformed signature' };
  const age = Math.abs(Math.floor(nowMs / 1000) - Number(timestamp));
  if (age > MAX_SIGNATURE_AGE_SECONDS) return { ok: false, reason: 'timestamp too far from now' };
  const expected = Buffer.from(computeSlackSignature(signingSecret, timestamp, rawBody), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'signature mismatch' };
  return { ok: true };
}
