import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import jwt from 'jsonwebtoken';
import type { RunningApp } from '../app/app';
import { loadConfig } from '../app/config';
import { buildManifest } from '../adapters/teams/package/manifest';
import { createDirectoryStore } from '../storage/directory-store';
import { ensureOrganisation } from '../storage/organisations';
import { startTestApp } from './support/app';
import { signInToken, type Json } from './support/dashboard';
import { localMember } from './support/members';
import { engineName } from './support/database';

const CLIENT_ID = '3f1c0b52-5d0e-4c55-9a1a-6f1d2b7c9e10';
const PUBLIC_BASE_URL = 'https://logbook.example.org';
const AUDIENCE = `api://logbook.example.org/${CLIENT_ID}`;
const TENANT = '0a5d7b1e-2c3f-4a6b-8d9e-1f2a3b4c5d6e';
const OTHER_TENANT = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b';
const KID = 'test-key-1';

/** A JWKS on loopback, publishing the public half of a key made for this test. */
async function serveJwks(keys: { kid: string; publicKey: KeyObject }[]): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  let requests = 0;
  const body = JSON.stringify({ keys: keys.map(({ kid, publicKey }) => ({ ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' })) });
  const server: Server = createServer((_req, res) => {
    requests++;
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/discovery/v2.0/keys`,
    requests: () => requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('Teams SSO settings', () => {
  it('defaults the audience to the resource the Teams manifest names, and the keys to Microsoft\'s', () => {
    const config = loadConfig({ MicrosoftAppId: CLIENT_ID, PUBLIC_BASE_URL });
    const manifest = buildManifest({ appId: CLIENT_ID, publicBaseUrl: PUBLIC_BASE_URL, version: '1.0.0' });
    expect(config.TEAMS_SSO_CLIENT_ID).toBe(CLIENT_ID);
    expect(config.TEAMS_SSO_AUDIENCE).toBe(manifest.webApplicationInfo.resource);
    expect(config.TEAMS_SSO_JWKS_URL).toBe('https://login.microsoftonline.com/common/discovery/v2.0/keys');
    expect(loadConfig({}).TEAMS_SSO_AUDIENCE).toBeUndefined();
    expect(loadConfig({ TEAMS_SSO_AUDIENCE: 'api://elsewhere/x', MicrosoftAppId: CLIENT_ID, PUBLIC_BASE_URL }).TEAMS_SSO_AUDIENCE).toBe('api://elsewhere/x');
  });
});

describe(`dashboard sign-in with Teams SSO on ${engineName()}`, () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
  let jwks: Awaited<ReturnType<typeof serveJwks>>;
  let app: RunningApp;
  const oid = randomUUID();
  let memberId: string;

  /** A token as Teams' getAuthToken() gives it, with any claim or header replaced. */
  function token(claims: Record<string, unknown> = {}, options: { key?: KeyObject; kid?: string; expiresIn?: number } = {}): string {
    const payload = {
      aud: AUDIENCE,
      iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
      tid: TENANT,
      oid,
      name: 'Tea Teams',
      ver: '2.0',
      ...claims,
    };
    return jwt.sign(payload, options.key ?? privateKey, { algorithm: 'RS256', keyid: options.kid ?? KID, expiresIn: options.expiresIn ?? 3600 });
  }

  /** A valid token of another tenant, issued by that tenant. */
  const ofTenant = (tid: string) => token({ tid, iss: `https://login.microsoftonline.com/${tid}/v2.0` });

  /** alg "none": no signature at all. */
  function unsigned(payload: Record<string, unknown>): string {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    return `${part({ alg: 'none', typ: 'JWT', kid: KID })}.${part({ ...payload, iat: now, exp: now + 3600 })}.`;
  }

  const signIn = (bearer: string) =>
    fetch(`${app.url}/api/tab/session`, { method: 'POST', headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' }, body: '{}' });

  beforeAll(async () => {
    jwks = await serveJwks([{ kid: KID, publicKey }]);
    app = await startTestApp({ TEAMS_SSO_CLIENT_ID: CLIENT_ID, PUBLIC_BASE_URL, TEAMS_SSO_JWKS_URL: jwks.url });
    const organisation = await ensureOrganisation(app.database.dataSource, { name: 'Teams kunta', timeZone: 'Europe/Helsinki', defaultLocale: 'sv', teamsTenantId: TENANT });
    await ensureOrganisation(app.database.dataSource, { name: 'Other kunta', timeZone: 'Europe/Helsinki', teamsTenantId: OTHER_TENANT });
    const member = await createDirectoryStore(app.database.dataSource).addMember(
      organisation.id,
      { displayName: 'Tea Teams', email: null, role: 'manager', locale: null },
      { channel: 'teams', tenant: TENANT, userId: oid },
    );
    memberId = member.id;
  });
  afterAll(async () => {
    await app.stop();
    await jwks.close();
  });

  it('opens a session for the member bound to the token\'s AAD object id', async () => {
    const response = await signIn(token());
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as Json;
    expect(body).toMatchObject({ member: { id: memberId, name: 'Tea Teams', role: 'manager', locale: 'sv' }, organisation: { name: 'Teams kunta' } });
    const me = await fetch(`${app.url}/api/tab/me`, { headers: { Authorization: `Bearer ${body.session}` } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as Json).can).toEqual({ overview: true, structure: false, editAnyEntry: false, export: true });
  });

  it('accepts the v1 issuer, the client id as audience, and the language the page asks for', async () => {
    expect((await signIn(token({ iss: `https://sts.windows.net/${TENANT}/` }))).status).toBe(200);
    expect((await signIn(token({ aud: CLIENT_ID }))).status).toBe(200);
    const finnish = await fetch(`${app.url}/api/tab/session?lang=fi`, { method: 'POST', headers: { Authorization: `Bearer ${token()}` } });
    expect(((await finnish.json()) as Json).member.locale).toBe('fi');
  });

  it.each([
    ['a wrong audience', () => token({ aud: 'api://logbook.example.org/another-app' })],
    ['a wrong issuer', () => token({ iss: 'https://login.example.com/v2.0' })],
    ['an issuer of another tenant (tid mismatch)', () => token({ iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` })],
    ['a tid other than the issuer\'s tenant', () => token({ tid: OTHER_TENANT })],
    ['an expired token', () => token({}, { expiresIn: -3600 })],
    ['an unknown kid', () => token({}, { kid: 'unknown-key' })],
    ['a signature by another key', () => token({}, { key: stranger.privateKey })],
    ['a token without a signature', () => unsigned({ aud: AUDIENCE, iss: `https://login.microsoftonline.com/${TENANT}/v2.0`, tid: TENANT, oid })],
    ['a user who is no member', () => token({ oid: randomUUID() })],
    ['a token of a tenant that is no organisation', () => ofTenant(randomUUID())],
    ['no JWT at all', () => 'not-a-token'],
  ])('answers 401 to %s', async (_name, make) => {
    const response = await signIn(make());
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'unauthenticated', message: expect.any(String) });
  });

  it('links to the public address in chat, when there is one', async () => {
    const user = await localMember(app, 'worker', 'en-GB');
    const replies = await user.say('dashboard');
    expect(replies[0].text).toContain(`\n${PUBLIC_BASE_URL}/tab#signin=${signInToken(replies)}`);
  });

  it('does not take a Teams token as a session', async () => {
    const me = await fetch(`${app.url}/api/tab/me`, { headers: { Authorization: `Bearer ${token()}` } });
    expect(me.status).toBe(401);
  });

  it('is off without an audience', async () => {
    const off = await startTestApp({ TEAMS_SSO_JWKS_URL: jwks.url });
    try {
      const response = await fetch(`${off.url}/api/tab/session`, { method: 'POST', headers: { Authorization: `Bearer ${token()}` } });
      expect(response.status).toBe(401);
    } finally {
      await off.stop();
    }
  });

  it('fetches the keys once and then uses its cache', async () => {
    const before = jwks.requests();
    for (let i = 0; i < 3; i++) expect((await signIn(token())).status).toBe(200);
    expect(jwks.requests()).toBe(before);
  });
});
