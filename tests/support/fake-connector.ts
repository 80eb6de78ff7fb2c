import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CallRecorder } from './call-recorder';

export interface ConnectorCall {
  method: string;
  path: string;
  body: Record<string, unknown>;
}

/** A loopback Bot Connector service (the serviceUrl): records every activity the bot sends. */
export class FakeConnector extends CallRecorder<ConnectorCall> {
  /** Roster answers for GET …/members/{userId}: user id → TeamsChannelAccount fields (email, userPrincipalName). */
  readonly members = new Map<string, Record<string, unknown>>();
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
        this.record({ method: req.method ?? '', path: req.url ?? '', body: data ? JSON.parse(data) : {} });
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
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
