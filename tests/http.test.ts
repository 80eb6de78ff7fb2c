import { readdirSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import type { RunningApp } from '../app/app';
import { engineName } from './support/database';
import { postJson, startTestApp } from './support/app';
import { cliStorage, type CliStorage } from './support/cli-storage';
import { startServeProcess, type ServeProcess } from './support/serve-process';

/** POSTs with Transfer-Encoding: chunked, so the server cannot know the size before it reads the body. */
function postChunked(url: string, body: Buffer, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { ...headers, 'Transfer-Encoding': 'chunked' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    for (let at = 0; at < body.length; at += 1024) req.write(body.subarray(at, at + 1024));
    req.end();
  });
}

/** A request with a 64 KB header on a connection of its own: its status, or the error its connection ended with. */
function sendWithHugeHeader(url: string): Promise<number | string> {
  return new Promise((resolve) => {
    const req = request(`${url}/api/tab/entries/1`, { method: 'PATCH', agent: false, headers: { 'X-Huge': 'x'.repeat(64 * 1024) } });
    let status: number | string = 'no answer';
    req.on('response', (res) => {
      status = res.statusCode ?? 0;
      res.resume();
    });
    // A reset after the answer counts too: it can come first and take the answer with it.
    req.on('error', (error: NodeJS.ErrnoException) => (status = error.code ?? error.message));
    req.on('close', () => resolve(status));
    req.end();
  });
}

describe(`HTTP service on ${engineName()}`, () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startTestApp({ MAX_BODY_BYTES: '4096' });
  });
  afterAll(() => app.stop());

  it('answers /healthz with the database status', async () => {
    const response = await fetch(`${app.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', db: { engine: engineName(), up: true } });
  });

  it('serves the local chat page with its script and security headers', async () => {
    const page = await fetch(`${app.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('<script src="/chat.js">');
    expect((await fetch(`${app.url}/chat.js`)).status).toBe(200);
  });

  it.each(['/tab', '/privacy', '/terms'])('serves %s, which the Teams manifest points at', async (path) => {
    const page = await fetch(`${app.url}${path}`);
    expect(page.status).toBe(200);
    // Security headers on every web page.
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(page.headers.get('permissions-policy')).toContain('camera=()');
    expect(page.headers.get('content-security-policy')).toMatch(/object-src 'none'.*frame-ancestors 'self' https:\/\/teams\.microsoft\.com/);
    expect(await page.text()).toContain('Logbook');
  });

  it('answers a local chat message through the core', async () => {
    const { status, body } = await postJson(`${app.url}/api/local/messages`, { text: 'help', locale: 'sv-SE' });
    expect(status).toBe(200);
    expect(body.replies[0].locale).toBe('sv');
    expect(body.replies[0].text).toMatch(/Logbook/);
  });

  it('refuses a malformed message politely', async () => {
    const { status, body } = await postJson(`${app.url}/api/local/messages`, { text: 42 });
    expect(status).toBe(400);
    expect(body.error).toMatch(/text/);
    const broken = await fetch(`${app.url}/api/local/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"text": ',
    });
    expect(broken.status).toBe(400);
  });

  it('answers an oversized body with 413 and keeps serving', async () => {
    const response = await fetch(`${app.url}/api/local/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'x'.repeat(10_000) }),
    });
    expect(response.status).toBe(413);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });

  it.each(['/api/local/messages', '/api/messages', '/slack/events'])('refuses a multipart upload to %s without writing it anywhere', async (path) => {
    const tempBefore = new Set(readdirSync(tmpdir()));
    const form = new FormData();
    form.append('file', new Blob([Buffer.alloc(1024, 'a')]), 'upload.txt');
    const response = await fetch(`${app.url}${path}`, { method: 'POST', body: form });
    expect(response.status).toBe(415);
    expect(readdirSync(tmpdir()).filter((name) => !tempBefore.has(name) && name.startsWith('upload_'))).toEqual([]);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });

  // Found by the fuzz run: restify skips reading bodies of these types, so the handler answered instead.
  it.each([['no content type', null], ['text/plain', 'text/plain'], ['application/octet-stream', 'application/octet-stream'], ['multipart', 'multipart/form-data; boundary=x']])(
    'answers a body over the limit with 413 whatever its type (%s), told by its length or read in chunks',
    async (_name, type) => {
      const headers: Record<string, string> = type ? { 'Content-Type': type } : {};
      const body = Buffer.alloc(5000, 'x');
      const told = await fetch(`${app.url}/api/local/messages`, { method: 'POST', headers, body });
      expect(told.status).toBe(413);
      expect(await postChunked(`${app.url}/api/local/messages`, body, headers)).toBe(413);
      expect(await postChunked(`${app.url}/api/local/messages`, body, { 'Content-Type': 'application/json' })).toBe(413);
    },
  );

  it('refuses a body of a type no route reads with 415 instead of answering it as empty', async () => {
    for (const type of ['text/plain', 'multipart/form-data; boundary=x', 'text/csv']) {
      const response = await fetch(`${app.url}/api/local/messages`, { method: 'POST', headers: { 'Content-Type': type }, body: 'text=help' });
      expect(response.status).toBe(415);
    }
    const untyped = await fetch(`${app.url}/api/local/messages`, { method: 'POST', body: new Blob(['{"text":"help"}']) });
    expect(untyped.status).toBe(415);
  });

  // Found by the fuzz run: a few hundred kB of gzip inflated past the longest string V8 makes, and gzip that
  // was not gzip threw in the body reader; either killed the process.
  it('refuses compressed bodies with 415 before inflating them, and keeps serving', async () => {
    const bomb = gzipSync(Buffer.alloc(2 * 1024 * 1024, 'a'), { level: 9 });
    expect(bomb.length).toBeLessThan(4096);
    for (const body of [bomb, Buffer.from('{"text":"not gzip at all"}')]) {
      const response = await fetch(`${app.url}/api/local/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }, body });
      expect(response.status).toBe(415);
    }
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });

  it('refuses JSON nested deeper than any input with 400', async () => {
    const nested = `${'['.repeat(1000)}1${']'.repeat(1000)}`;
    const response = await fetch(`${app.url}/api/local/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: `{"text":"help","actionData":{"deep":${nested}}}`,
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(/nested deeper/);
  });
});

describe('health when the database is gone', () => {
  it('answers 503', async () => {
    const app = await startTestApp();
    try {
      await app.database.close();
      const response = await fetch(`${app.url}/healthz`);
      expect(response.status).toBe(503);
      expect(((await response.json()) as { status: string }).status).toBe('unavailable');
    } finally {
      await app.stop();
    }
  });
});

describe('headers over the limit, sent to `logbook serve` in a process of its own', () => {
  let store: CliStorage;
  let server: ServeProcess;
  beforeAll(async () => {
    store = await cliStorage();
    server = await startServeProcess(store.env);
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    store?.remove();
  });

  // Node's own answer destroys the connection with the rest of the request unread, and the kernel resets it: the
  // client then often saw a reset instead of 431 (in a test run in one process, it never did).
  it('are answered 431, and the connection is closed without a reset', async () => {
    const results = [];
    for (let i = 0; i < 20; i++) results.push(await sendWithHugeHeader(server.url));
    expect(results).toEqual(Array.from({ length: 20 }, () => 431));
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
