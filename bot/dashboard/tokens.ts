import { createHash, randomBytes } from 'node:crypto';

/** Random tokens of the dashboard's sign-in links and sessions: only their SHA-256 hash is stored. */

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** 32 random bytes, base64url (43 characters), and the hash to store. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Whether a string has the shape of our tokens (anything else is not looked up). */
export function isToken(value: unknown): value is string {
  return typeof value === 'string' && TOKEN.test(value);
}
