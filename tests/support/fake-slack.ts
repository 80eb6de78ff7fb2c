import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CallRecorder } from './call-recorder';

export interface SlackApiCall {
  /** The Web API method ("chat.postMessage") or the response_url path ("/response/..."). */
  method: string;
  /** Form fields or JSON, with `blocks` given as a JSON string in forms parsed back. */
  body: Record<string, unknown>;
  token: string | null;
  at: number;
}

/**
 * A loopback Slack: the Web API under /api/ (chat.postMessage, users.info; form or JSON bodies)
 * and response_url endpoints under /response/. Records every call.
 */
export class FakeSlack extends CallRecorder<SlackApiCall> {
  /** users.info answers: user id → locale. */
  readonly locales = new Map<string, string>();
  /** users.info answers: user id → profile email (what the users:read.email scope reveals). */
  readonly emails = new Map<string, string>();
  /** Answer the next call of this method with 429 and this Retry-After (seconds). */
  rateLimitOnce: { method: string; retryAfter: number } | null = null;
  private server!: Server;

  constructor() {
    super('Slack call');
  }

  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  responseUrl(name: string): string {
    return `${this.baseUrl}/response/${name}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const url = req.url ?? '';
        const method = url.startsWith('/api/') ? url.slice('/api/'.length).split('?')[0] : url;
        const limited = this.rateLimitOnce;
        if (limited && limited.method === method) {
          this.rateLimitOnce = null;
          this.record({ method: `${method}:429`, body: {}, token: null, at: Date.now() });
          res.writeHead(429, { 'Retry-After': String(limited.retryAfter), 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
          return;
        }
        const body = parseBody(req.headers['content-type'] ?? '', raw);
        const auth = req.headers.authorization;
        this.record({ method, body, token: auth?.startsWith('Bearer ') ? auth.slice(7) : null, at: Date.now() });
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(this.answer(method, body)));
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  private answer(method: string, body: Record<string, unknown>): Record<string, unknown> {
    if (method === 'chat.postMessage') {
      return { ok: true, channel: body.channel, ts: `${Math.floor(Date.now() / 1000)}.${String(this.calls.length).padStart(6, '0')}`, message: body };
    }
    if (method === 'users.info') {
      const id = String(body.user ?? '');
      const profile = this.emails.has(id) ? { profile: { email: this.emails.get(id) } } : {};
      return { ok: true, user: { id, name: id.toLowerCase(), real_name: `User ${id}`, locale: this.locales.get(id) ?? 'en-US', ...profile } };
    }
    if (method.startsWith('/response/')) return { ok: true };
    return { ok: false, error: 'unknown_method' };
  }

  /** Calls of one method (not counting 429 answers). */
  posts(method = 'chat.postMessage'): SlackApiCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

function parseBody(contentType: string, raw: string): Record<string, unknown> {
  if (!raw) return {};
  if (contentType.startsWith('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const form = Object.fromEntries(new URLSearchParams(raw)) as Record<string, unknown>;
  for (const key of ['blocks', 'attachments']) {
    if (typeof form[key] === 'string') form[key] = JSON.parse(form[key] as string);
  }
  return form;
}
