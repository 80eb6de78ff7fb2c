/**
 * Loopback stand-ins for the services the server answers through: Slack's Web API and response_url, and the
 * Teams connector (the activities' serviceUrl). Every call succeeds at once and only their number is kept,
 * so the fuzz run measures the server, not retries against a closed port.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeServer } from './close-server';

export interface ChannelStandIns {
  /** SLACK_API_URL for the server under test. */
  slackApiUrl: string;
  /** Where Slack response_url posts go. */
  slackResponseUrl: string;
  /** The serviceUrl of Teams activities. */
  teamsServiceUrl: string;
  calls(): number;
  stop(): Promise<void>;
}

function slackAnswer(method: string, base: string): Record<string, unknown> {
  const body: Record<string, unknown> = { ok: true };
  if (method === 'users.info') body.user = { id: 'U0', name: 'fuzz', real_name: 'Fuzz User', locale: 'en-US', profile: {} };
  if (method === 'chat.postMessage') body.ts = `${Date.now() / 1000}`;
  if (method === 'files.getUploadURLExternal') Object.assign(body, { upload_url: `${base}/upload/F0`, file_id: 'F0' });
  if (method === 'files.completeUploadExternal') body.files = [{ id: 'F0', title: 'file' }];
  return body;
}

function answer(req: IncomingMessage, res: ServerResponse, base: string): void {
  const path = (req.url ?? '').split('?')[0];
  // Slack's Web API under /api/; the rest is the Teams connector, whose roster knows no email.
  const body = path.startsWith('/api/') ? slackAnswer(path.slice('/api/'.length), base) : { id: 'fuzz-activity', name: 'Fuzz User' };
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

export function startChannelStandIns(): Promise<ChannelStandIns> {
  let calls = 0;
  let base = '';
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      calls++;
      answer(req, res, base);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      resolve({
        slackApiUrl: `${base}/api/`,
        slackResponseUrl: `${base}/response/fuzz`,
        teamsServiceUrl: `${base}/teams/`,
        calls: () => calls,
        stop: () => closeServer(server),
      });
    });
  });
}
