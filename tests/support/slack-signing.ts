import { computeSlackSignature } from '../../adapters/slack/signature';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

/** Headers Slack would send with this body, signed at `nowMs`. */
export function slackHeaders(body: string, contentType: string, nowMs = Date.now(), secret = SIGNING_SECRET): Record<string, string> {
  const timestamp = String(Math.floor(nowMs / 1000));
  return {
    'Content-Type': contentType,
    'X-Slack-Request-Timestamp': timestamp,
    'X-Slack-Signature': computeSlackSignature(secret, timestamp, body),
  };
}

export interface SlackResponse {
  status: number;
  ms: number;
  text: string;
}

/** POSTs a body to the bot as Slack would, signed unless `headers` replaces the signature. */
export async function postSlack(
  url: string,
  body: string,
  contentType: string,
  headers: Record<string, string> = {},
  nowMs = Date.now(),
): Promise<SlackResponse> {
  const started = Date.now();
  const response = await fetch(url, { method: 'POST', headers: { ...slackHeaders(body, contentType, nowMs), ...headers }, body });
  const text = await response.text();
  return { status: response.status, ms: Date.now() - started, text };
}

export const postEvent = (baseUrl: string, event: unknown, headers: Record<string, string> = {}) =>
  postSlack(`${baseUrl}/slack/events`, JSON.stringify(event), 'application/json', headers);

export const postCommand = (baseUrl: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  postSlack(`${baseUrl}/slack/commands`, new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', headers);

export const postInteraction = (baseUrl: string, payload: unknown, headers: Record<string, string> = {}) =>
  postSlack(
    `${baseUrl}/slack/interactions`,
    new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    'application/x-www-form-urlencoded',
    headers,
  );
