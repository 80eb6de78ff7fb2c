import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeServer } from '../../bench/close-server';

export type FakeBehaviour =
  | { kind: 'answer'; content: string; delayMs?: number }
  | { kind: 'status'; status: number; retryAfter?: string }
  /** Any HTTP answer, such as a proxy's HTML error page. */
  | { kind: 'raw'; status: number; contentType: string; body: string }
  /** Never answers. */
  | { kind: 'hang' }
  /** Sends the headers and the start of a body, then nothing more. */
  | { kind: 'stall' };

/** A loopback server speaking the chat-completions wire format, recording each request body. */
export class FakeOpenAi {
  readonly requests: Record<string, unknown>[] = [];
  behaviour: FakeBehaviour = { kind: 'answer', content: '{}' };
  private server!: Server;
  private pending = new Set<NodeJS.Timeout>();

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  async start(): Promise<this> {
    this.server = createServer(async (req, res) => {
      const body = JSON.parse(await readBody(req)) as Record<string, unknown>;
      this.requests.push(body);
      const behaviour = this.behaviour;
      if (behaviour.kind === 'status') {
        res.writeHead(behaviour.status, { 'Content-Type': 'application/json', ...(behaviour.retryAfter ? { 'Retry-After': behaviour.retryAfter } : {}) });
        res.end(JSON.stringify({ error: { message: `status ${behaviour.status}`, type: 'server_error' } }));
        return;
      }
      if (behaviour.kind === 'raw') {
        res.writeHead(behaviour.status, { 'Content-Type': behaviour.contentType });
        res.end(behaviour.body);
        return;
      }
      if (behaviour.kind === 'hang') return;
      if (behaviour.kind === 'stall') {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.write('{"id": "chatcmpl-test", "choices": [');
        return;
      }
      const send = () => {
        if (res.destroyed) return;
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(
          JSON.stringify({
            id: 'chatcmpl-test',
            object: 'chat.completion',
            created: Math.floor(Date.now() / 1000),
            model: body.model,
            choices: [{ index: 0, message: { role: 'assistant', content: behaviour.content, refusal: null }, finish_reason: 'stop', logprobs: null }],
            usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
          }),
        );
      };
      if (!behaviour.delayMs) return send();
      const timer = setTimeout(() => {
        this.pending.delete(timer);
        send();
      }, behaviour.delayMs);
      this.pending.add(timer);
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    for (const timer of this.pending) clearTimeout(timer);
    await closeServer(this.server);
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.on('data', (chunk: Buffer) => (data += chunk));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}
