/**
 * Sends fuzz requests over real HTTP with a fixed number of lanes and counts the answers. A failure is a
 * 5xx, a request that got no answer (reset, refused, timed out), a body over the limit not answered 413,
 * or a chat reply saying the bot failed ("cannot reach the database"), which means the core caught an error.
 */
import { Agent, request, type OutgoingHttpHeaders } from 'node:http';
import { PHRASES } from '../bot/i18n';

export interface FuzzRequest {
  /** What kind of input this is, for the per-category counts. */
  category: string;
  method: 'GET' | 'POST' | 'PATCH';
  /** Path and query, sent as given (may hold invalid percent escapes). */
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** Sent with Transfer-Encoding: chunked instead of Content-Length. */
  chunked?: boolean;
  /** Larger than the server's body limit: 413 is the only right answer. */
  oversized?: boolean;
  /** On a connection of its own (the server may close it, e.g. after headers too large). */
  ownConnection?: boolean;
}

export interface FuzzAnswer {
  status: number | null;
  /** The start of the body. */
  text: string;
  error?: string;
  ms: number;
  /** Sent again on a new connection: the kept-alive one it was sent on had just been closed by the server. */
  retried?: boolean;
}

export type FailureKind = 'server error' | 'no answer' | 'not 413' | 'failure reply';

export interface FuzzFailure {
  kind: FailureKind;
  index: number;
  category: string;
  method: string;
  path: string;
  status: number | null;
  detail: string;
}

const KEPT_BODY_CHARS = 64 * 1024;

/**
 * Sends one request; never rejects. A request that met a reset on a reused keep-alive connection (the server
 * closed it as idle just as it was reused, a race of HTTP/1.1 itself) is sent once more on a new connection,
 * as Node's documentation advises; a server that died refuses that one too.
 */
export async function send(agent: Agent, baseUrl: URL, fuzz: FuzzRequest, timeoutMs: number): Promise<FuzzAnswer> {
  const first = await sendOnce(agent, baseUrl, fuzz, timeoutMs);
  if (!first.reusedSocketReset) return first;
  return { ...(await sendOnce(agent, baseUrl, { ...fuzz, ownConnection: true }, timeoutMs)), retried: true };
}

function sendOnce(agent: Agent, baseUrl: URL, fuzz: FuzzRequest, timeoutMs: number): Promise<FuzzAnswer & { reusedSocketReset?: boolean }> {
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const finish = (answer: Omit<FuzzAnswer, 'ms'> & { reusedSocketReset?: boolean }) => {
      if (settled) return;
      settled = true;
      resolve({ ...answer, ms: performance.now() - started });
    };
    const headers: OutgoingHttpHeaders = { ...fuzz.headers };
    if (fuzz.body && !fuzz.chunked) headers['Content-Length'] = fuzz.body.length;
    if (fuzz.chunked) headers['Transfer-Encoding'] = 'chunked';
    const req = request(
      {
        host: baseUrl.hostname,
        port: baseUrl.port,
        method: fuzz.method,
        path: fuzz.path,
        headers,
        agent: fuzz.ownConnection ? false : agent,
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        res.on('data', (chunk: Buffer) => {
          if (kept < KEPT_BODY_CHARS) chunks.push(chunk);
          kept += chunk.length;
        });
        res.on('end', () => finish({ status: res.statusCode ?? null, text: Buffer.concat(chunks).toString('utf8').slice(0, KEPT_BODY_CHARS) }));
        res.on('error', (error) => finish({ status: res.statusCode ?? null, text: '', error: `response: ${error.message}` }));
      },
    );
    req.on('timeout', () => {
      req.destroy(new Error(`no answer in ${timeoutMs} ms`));
    });
    req.on('error', (error: NodeJS.ErrnoException) =>
      finish({ status: null, text: '', error: `${error.code ?? ''} ${error.message}`.trim(), reusedSocketReset: req.reusedSocket && error.code === 'ECONNRESET' }));
    if (fuzz.body && fuzz.chunked) {
      // Several chunks, so a reader sees the body arrive in pieces.
      const step = Math.max(1, Math.ceil(fuzz.body.length / 4));
      for (let at = 0; at < fuzz.body.length; at += step) req.write(fuzz.body.subarray(at, at + step));
      req.end();
    } else {
      req.end(fuzz.body);
    }
  });
}

/** A phrase in every language, as it appears inside a JSON answer. */
const asJson = (phrase: Record<string, string>) => Object.values(phrase).map((text) => JSON.stringify(text).slice(1, -1));
/** The bot's "I failed" reply: the core caught an error. */
const FAILURE_REPLIES = asJson(PHRASES.unavailable);
/** "Send it again": one user's messages kept overtaking each other (lanes that share a user, e.g. bodies without one). */
const BUSY_REPLIES = asJson(PHRASES.tooManyAtOnce);

export class FuzzTally {
  sent = 0;
  readonly statuses: Record<string, number> = {};
  readonly classes: Record<string, number> = { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, 'no answer': 0 };
  readonly categories: Record<string, Record<string, number>> = {};
  /** Summed answer times per category, for the mean. */
  readonly categoryMs: Record<string, number> = {};
  readonly failureCounts: Record<FailureKind, number> = { 'server error': 0, 'no answer': 0, 'not 413': 0, 'failure reply': 0 };
  readonly failures: FuzzFailure[] = [];
  oversizedSent = 0;
  oversizedAnswered413 = 0;
  /** Answers asking to send a message again because the same user's messages collided; not failures. */
  busyReplies = 0;
  /** Requests sent again after a reset on a reused keep-alive connection. */
  retried = 0;
  slowestMs = 0;

  constructor(private readonly keepFailures = 50) {}

  get failed(): number {
    return Object.values(this.failureCounts).reduce((sum, count) => sum + count, 0);
  }

  record(index: number, fuzz: FuzzRequest, answer: FuzzAnswer): void {
    this.sent++;
    if (answer.retried) this.retried++;
    this.slowestMs = Math.max(this.slowestMs, answer.ms);
    const status = answer.status === null ? 'no answer' : String(answer.status);
    this.statuses[status] = (this.statuses[status] ?? 0) + 1;
    const statusClass = answer.status === null ? 'no answer' : `${Math.floor(answer.status / 100)}xx`;
    this.classes[statusClass] = (this.classes[statusClass] ?? 0) + 1;
    this.categoryMs[fuzz.category] = (this.categoryMs[fuzz.category] ?? 0) + answer.ms;
    const category = (this.categories[fuzz.category] ??= {});
    category[status] = (category[status] ?? 0) + 1;
    if (fuzz.oversized) {
      this.oversizedSent++;
      if (answer.status === 413) this.oversizedAnswered413++;
    }
    const fail = (kind: FailureKind, detail: string) => {
      this.failureCounts[kind]++;
      if (this.failures.length < this.keepFailures) {
        this.failures.push({ kind, index, category: fuzz.category, method: fuzz.method, path: fuzz.path.slice(0, 200), status: answer.status, detail: detail.slice(0, 300) });
      }
    };
    if (answer.status === null) fail('no answer', answer.error ?? 'no status');
    else if (answer.status >= 500) fail('server error', answer.text);
    else if (fuzz.oversized && answer.status !== 413) fail('not 413', answer.text);
    else if (FAILURE_REPLIES.some((text) => answer.text.includes(text))) fail('failure reply', answer.text);
    else if (BUSY_REPLIES.some((text) => answer.text.includes(text))) this.busyReplies++;
  }
}

export interface FuzzRunOptions {
  baseUrl: string;
  count: number;
  /** Requests in flight; input i goes through lane i % lanes, so a lane's inputs arrive in order. */
  lanes: number;
  make(index: number): FuzzRequest;
  tally?: FuzzTally;
  timeoutMs?: number;
  /** Checked between requests; true stops the run (e.g. the server process has exited). */
  stop?(): boolean;
  onProgress?(done: number): void;
}

export async function runFuzz(options: FuzzRunOptions): Promise<FuzzTally> {
  const tally = options.tally ?? new FuzzTally();
  // Idle connections are closed well before the server's keep-alive timeout (5 s), to make the race above rare.
  const agent = new Agent({ keepAlive: true, maxSockets: options.lanes, timeout: 2000 });
  const baseUrl = new URL(options.baseUrl);
  const progressEvery = Math.max(1, Math.floor(options.count / 10));
  let done = 0;
  try {
    await Promise.all(
      Array.from({ length: Math.min(options.lanes, options.count) }, async (_, lane) => {
        for (let index = lane; index < options.count; index += options.lanes) {
          if (options.stop?.()) return;
          const fuzz = options.make(index);
          tally.record(index, fuzz, await send(agent, baseUrl, fuzz, options.timeoutMs ?? 60_000));
          if (++done % progressEvery === 0) options.onProgress?.(done);
        }
      }),
    );
  } finally {
    agent.destroy();
  }
  return tally;
}
