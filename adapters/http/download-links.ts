import { createHmac, timingSafeEqual } from 'node:crypto';

export type LinkCheck = 'valid' | 'forbidden' | 'expired';

export interface DownloadLinks {
  /** PUBLIC_BASE_URL without a trailing slash, or null when it is not set. */
  readonly publicBaseUrl: string | null;
  /** The signed link `/downloads/<id>?expires=<unix>&sig=<hex>`, under PUBLIC_BASE_URL unless `relative`. */
  url(id: string, expiresAt: Date, options?: { relative?: boolean }): string;
  /** Whether a request's id, expires and sig are a link this deployment signed, and still valid. */
  check(id: string, expires: unknown, sig: unknown): LinkCheck;
}

export interface DownloadLinkOptions {
  secret: string;
  publicBaseUrl?: string | null;
  /** The clock of expiry; tests move it. */
  now?: () => Date;
}

const EXPIRES = /^\d{1,12}$/;
const SIGNATURE = /^[0-9a-f]{64}$/;

/** Download links signed with HMAC-SHA256 over the id and the expiry, so any instance can check them. */
export function createDownloadLinks({ secret, publicBaseUrl, now = () => new Date() }: DownloadLinkOptions): DownloadLinks {
  const base = publicBaseUrl ? publicBaseUrl.replace(/\/+$/, '') : null;
  const sign = (id: string, expires: string) => createHmac('sha256', secret).update(`${id}\n${expires}`).digest();

  return {
    publicBaseUrl: base,
    url(id, expiresAt, options = {}) {
      const expires = String(Math.floor(expiresAt.getTime() / 1000));
      const path = `/downloads/${encodeURIComponent(id)}?expires=${expires}&sig=${sign(id, expires).toString('hex')}`;
      return options.relative ? path : `${base ?? ''}${path}`;
    },
    check(id, expires, sig) {
      if (typeof expires !== 'string' || typeof sig !== 'string' || !EXPIRES.test(expires) || !SIGNATURE.test(sig)) return 'forbidden';
      if (!timingSafeEqual(sign(id, expires), Buffer.from(sig, 'hex'))) return 'forbidden';
      return Number(expires) * 1000 <= now().getTime() ? 'expired' : 'valid';
    },
  };
}
