/**
 * A loopback Bot Connector (a Teams activity's serviceUrl) for the load test: a turn slower than
 * TEAMS_SLOW_REPLY_MS answers "working on it" and the bot sends the result here, as it would to Teams.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Mailboxes } from './mailboxes';
import type { ReplyActivity } from './teams-activities';
import { closeServer } from './close-server';

export class BenchConnector {
  /** Activities the bot sent, by conversation id. */
  readonly activities = new Mailboxes<ReplyActivity>();
  private server: Server | null = null;
  private sent = 0;

  get serviceUrl(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}/`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        // POST /v3/conversations/{conversationId}/activities[/{replyToId}]
        const conversation = /^\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
        if (req.method !== 'POST' || !conversation) {
          res.writeHead(404).end();
          return;
        }
        this.activities.deliver(decodeURIComponent(conversation[1]), JSON.parse(Buffer.concat(chunks).toString('utf8')) as ReplyActivity);
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ id: `sent-${++this.sent}` }));
      });
    });
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    await closeServer(server);
    this.server = null;
  }
}
