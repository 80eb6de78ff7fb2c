import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorCall {
  method: string;
  path: string;
  body: Record<string, unknown>;
}

/** A loopback Bot Connector service (the serviceUrl): records every activity the bot sends. */
export class FakeConnector {
  readonly calls: ConnectorCall[] = [];
  private server!: Server;
  private waiters: (() => void)[] = [];

  get serviceUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      let data = '';
      req.on('data', (chunk: Buffer) => (data += chunk));
      req.on('end', () => {
        this.calls.push({ method: req.method ?? '', path: req.url ?? '', body: data ? JSON.parse(data) : {} });
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ id: `sent-${this.calls.length}` }));
        this.waiters.splice(0).forEach((wake) => wake());
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  /** Resolves once a recorded call matches, or rejects after the timeout. */
  async waitFor(match: (call: ConnectorCall) => boolean, timeoutMs: number): Promise<ConnectorCall> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.calls.find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no matching connector call in ${timeoutMs} ms: ${JSON.stringify(this.calls)}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
