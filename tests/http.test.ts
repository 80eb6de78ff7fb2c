import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { RunningApp } from '../app/app';
import { engineName } from './support/database';
import { postJson, startTestApp } from './support/app';

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
    form.append('file', new Blob([Buffer.alloc(64 * 1024, 'a')]), 'upload.txt');
    const response = await fetch(`${app.url}${path}`, { method: 'POST', body: form });
    expect(response.status).toBe(415);
    expect(readdirSync(tmpdir()).filter((name) => !tempBefore.has(name) && name.startsWith('upload_'))).toEqual([]);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
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
