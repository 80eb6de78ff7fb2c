/**
 * A loopback Slack Web API for the load test: chat.postMessage and users.info answer ok, as Slack does
 * (form or JSON bodies), and every posted message is handed to whoever waits on its channel.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Mailboxes } from './mailboxes';
import { closeServer } from './close-server';

export interface SlackBlock {
  type: string;
  text?: { text: string };
  fields?: { text: string }[];
  elements?: { action_id: string; value: string }[];
}

export interface SlackPost {
  channel: string;
  text: string;
  blocks: SlackBlock[];
}

export interface SlackProfile {
  name: string;
  locale: string;
}

export class BenchSlack {
  /** users.info answers: user id → real name and locale. */
  readonly profiles = new Map<string, SlackProfile>();
  /** Messages the bot posted, by channel. */
  readonly posts = new Mailboxes<SlackPost>();
  private server: Server | null = null;
  private postCount = 0;

  get apiUrl(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}/api/`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0];
        const body = parseBody(req.headers['content-type'] ?? '', Buffer.concat(chunks).toString('utf8'));
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(this.answer(method, body)));
      });
    });
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return this;
  }

  private answer(method: string, body: Record<string, unknown>): Record<string, unknown> {
    if (method === 'chat.postMessage') {
      const channel = String(body.channel ?? '');
      const ts = `${Math.floor(Date.now() / 1000)}.${String(++this.postCount).padStart(6, '0')}`;
      this.posts.deliver(channel, { channel, text: String(body.text ?? ''), blocks: Array.isArray(body.blocks) ? (body.blocks as SlackBlock[]) : [] });
      return { ok: true, channel, ts };
    }
    if (method === 'users.info') {
      const id = String(body.user ?? '');
      const profile = this.profiles.get(id);
      return { ok: true, user: { id, name: id.toLowerCase(), real_name: profile?.name ?? `User ${id}`, locale: profile?.locale ?? 'en-US' } };
    }
    return { ok: false, error: 'unknown_method' };
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    await closeServer(server);
    this.server = null;
  }
}

/** @slack/web-api posts forms with `blocks` as a JSON string; JSON bodies are taken as they are. */
function parseBody(contentType: string, raw: string): Record<string, unknown> {
  if (!raw) return {};
  if (contentType.startsWith('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const form = Object.fromEntries(new URLSearchParams(raw)) as Record<string, unknown>;
  if (typeof form.blocks === 'string') form.blocks = JSON.parse(form.blocks);
  return form;
}
