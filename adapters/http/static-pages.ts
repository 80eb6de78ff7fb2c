import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type restify from 'restify';
import { projectRoot } from '../../app/paths';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Every page: its own origin only, never framed but by Teams, no powerful browser features. */
const PAGE_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; " +
    "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.office.com https://*.cloud.microsoft",
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'Cache-Control': 'no-cache',
};

/**
 * Serves files read once at start-up: route path → file path relative to the project root. `headers` replace
 * the default page headers (e.g. a stricter Content-Security-Policy).
 */
export function registerStaticPages(server: restify.Server, pages: Record<string, string>, options: { headers?: Record<string, string> } = {}): void {
  const headers = { ...PAGE_HEADERS, ...options.headers };
  for (const [route, file] of Object.entries(pages)) {
    const body = readFileSync(join(projectRoot(), file), 'utf8');
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    server.get(route, async (_req: restify.Request, res: restify.Response) => {
      res.writeHead(200, { 'Content-Type': type, ...headers });
      res.end(body);
    });
  }
}
