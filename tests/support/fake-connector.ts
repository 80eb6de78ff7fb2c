import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CallRecorder } from './call-recorder';
import { AnswerScript } from './scripted-answers';
import { closeServer } from '../../bench/close-server';

export interface ConnectorCall {
  method: string;
  path: string;
  body: Record<string, unknown>;
  /** The status answered: 200, or a scripted failure. */
  status: number;
}

/** A loopback Bot Connector service (the serviceUrl): records every activity the bot sends. */
export class FakeConnector extends CallRecorder<ConnectorCall> {
  /** Roster answers for GET …/members/{userId}: user id → TeamsChannelAccount fields (email, userPrincipalName). */
  readonly members = new Map<string, Record<string, unknown>>();
  /**
   * Scripted answers for activities sent (POST) into a conversation, keyed by its id, or '*' for any:
   * e.g. a 429 with Retry-After, then a 500, then the normal answer.
   */
  readonly script = new AnswerScript();
  private server!: Server;

  constructor() {
    super('connector call');
  }

  get serviceUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      let data = '';
      req.on('data', (chunk: Buffer) => (data += chunk));
      req.on('end', () => {
        const body = data ? (JSON.parse(data) as Record<string, unknown>) : {};
        const conversation = /^\/v3\/conversations\/([^/?]+)\/activities/.exec(req.url ?? '');
        const scripted = req.method === 'POST' && conversation ? this.script.next(decodeURIComponent(conversation[1]), '*') : 'ok';
        if (scripted === 'hang') return;
        if (scripted !== 'ok') {
          this.record({ method: req.method ?? '', path: req.url ?? '', body, status: scripted.status });
          res.writeHead(scripted.status, { 'Content-Type': 'application/json', ...(scripted.retryAfter !== undefined ? { 'Retry-After': String(scripted.retryAfter) } : {}) });
          res.end(JSON.stringify({ error: { code: scripted.status === 429 ? 'Throttled' : 'ServiceError', message: `status ${scripted.status}` } }));
          return;
        }
        this.record({ method: req.method ?? '', path: req.url ?? '', body, status: 200 });
        const member = /\/members\/([^/?]+)$/.exec(req.url ?? '');
        const known = req.method === 'GET' && member ? this.members.get(decodeURIComponent(member[1])) : undefined;
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(known ?? { id: `sent-${this.calls.length}` }));
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    await closeServer(this.server);
  }
}
