/**
 * Teams single sign-on in the dashboard tab: the token from authentication.getAuthToken() is a Microsoft
 * identity JWT, checked here for its signature (RS256, a key of the JWKS), audience, issuer of its own tenant
 * and expiry. Only then are its tenant (tid) and AAD object id (oid) trusted.
 */
import type { JwksClient } from 'jwks-rsa';

export interface TeamsSsoOptions {
  /** Where the signing keys are published (Microsoft's, or a loopback JWKS in tests). */
  jwksUrl: string;
  /** Accepted audiences: the app's resource (api://host/client id) and its client id. Empty turns SSO off. */
  audiences: string[];
}

export interface TeamsSsoUser {
  tenantId: string;
  aadObjectId: string;
}

/** The token's user when it is valid; null for any token that is not. */
export type TeamsSsoValidator = (token: string) => Promise<TeamsSsoUser | null>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Leeway for clocks that differ a little. */
const CLOCK_TOLERANCE_S = 60;

export function createTeamsSsoValidator(options: TeamsSsoOptions): TeamsSsoValidator {
  const [firstAudience, ...moreAudiences] = options.audiences;
  // The JWT libraries are loaded with the first token: most servers never see one.
  let libraries: Promise<{ jwt: typeof import('jsonwebtoken'); keys: JwksClient }> | undefined;
  const load = () =>
    (libraries ??= Promise.all([import('jsonwebtoken'), import('jwks-rsa')]).then(([jwt, { default: jwksClient }]) => ({
      jwt,
      // Keys are cached, and an unknown kid cannot make us fetch the JWKS more than a few times a minute.
      keys: jwksClient({
        jwksUri: options.jwksUrl,
        cache: true,
        cacheMaxEntries: 20,
        cacheMaxAge: 6 * 60 * 60 * 1000,
        rateLimit: true,
        jwksRequestsPerMinute: 10,
        timeout: 5000,
      }),
    })));
  return async (token) => {
    if (firstAudience === undefined) return null;
    const { jwt, keys } = await load();
    const decoded = jwt.decode(token, { complete: true });
    if (!decoded || typeof decoded.payload === 'string') return null;
    const { tid } = decoded.payload as { tid?: unknown };
    const { kid } = decoded.header;
    if (typeof tid !== 'string' || !GUID.test(tid) || !kid) return null;
    let key: string;
    try {
      key = (await keys.getSigningKey(kid)).getPublicKey();
    } catch {
      return null;
    }
    try {
      // The issuer must be the token's own tenant, so a token issued for one tenant cannot claim another.
      const payload = jwt.verify(token, key, {
        algorithms: ['RS256'],
        audience: [firstAudience, ...moreAudiences],
        issuer: [`https://login.microsoftonline.com/${tid}/v2.0`, `https://sts.windows.net/${tid}/`],
        clockTolerance: CLOCK_TOLERANCE_S,
      });
      if (typeof payload === 'string' || payload.tid !== tid || typeof payload.oid !== 'string' || !payload.oid) return null;
      return { tenantId: tid, aadObjectId: payload.oid };
    } catch {
      return null;
    }
  };
}
