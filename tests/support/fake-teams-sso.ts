import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';
import { closeServer } from '../../bench/close-server';

const KID = 'fake-teams-sso-key';

/**
 * Microsoft's side of Teams SSO on loopback: a JWKS with a key made for the test, and tokens as
 * authentication.getAuthToken() gives them (RS256, v2 issuer of the user's tenant, tid and oid).
 */
export class FakeTeamsSso {
  readonly clientId = 'a3c1f9e2-6b7d-4c8e-9f01-2345678900ab';
  readonly audience = `api://logbook.test/${this.clientId}`;
  private readonly keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private server!: Server;

  /** The settings that point the app at this fake. */
  get appEnv(): Record<string, string> {
    return { TEAMS_SSO_CLIENT_ID: this.clientId, TEAMS_SSO_AUDIENCE: this.audience, TEAMS_SSO_JWKS_URL: this.jwksUrl };
  }

  get jwksUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/discovery/v2.0/keys`;
  }

  async start(): Promise<this> {
    const jwk = { ...this.keys.publicKey.export({ format: 'jwk' }), kid: KID, use: 'sig', alg: 'RS256' };
    const body = JSON.stringify({ keys: [jwk] });
    this.server = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(body);
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  token(user: { tenantId: string; aadObjectId: string; name: string }): string {
    const claims = { aud: this.audience, iss: `https://login.microsoftonline.com/${user.tenantId}/v2.0`, tid: user.tenantId, oid: user.aadObjectId, name: user.name, ver: '2.0' };
    return jwt.sign(claims, this.keys.privateKey, { algorithm: 'RS256', keyid: KID, expiresIn: 3600 });
  }

  async stop(): Promise<void> {
    await closeServer(this.server);
  }
}
