import type restify from 'restify';
import type { DownloadStore } from '../../storage/download-store';
import type { DownloadLinks } from './download-links';

/** Raster images a browser may show in place; anything else (SVG, HTML, CSV, XLSX) is only ever downloaded. */
const INLINE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

const NO_STORE = { 'Cache-Control': 'private, no-store' };

/** A Content-Disposition value: an ASCII fallback name and the exact UTF-8 name (RFC 6266, RFC 8187). */
export function contentDisposition(type: 'inline' | 'attachment', filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%]/g, '_') || 'download';
  const exact = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${fallback}"; filename*=UTF-8''${exact}`;
}

/** GET /downloads/:id?expires=&sig=: 403 bad signature, 410 expired link, 404 unknown file, else the file. */
export function registerDownloadRoute(server: restify.Server, store: Pick<DownloadStore, 'load'>, links: DownloadLinks): void {
  server.get('/downloads/:id', async (req: restify.Request, res: restify.Response) => {
    const id = String(req.params.id ?? '');
    const query = (req.query ?? {}) as Record<string, unknown>;
    const check = links.check(id, query.expires, query.sig);
    if (check !== 'valid') {
      res.header('Cache-Control', NO_STORE['Cache-Control']);
      res.send(check === 'expired' ? 410 : 403, { error: check === 'expired' ? 'this link has expired' : 'invalid link' });
      return;
    }
    const file = await store.load(id);
    if (!file) {
      res.header('Cache-Control', NO_STORE['Cache-Control']);
      res.send(404, { error: 'no such file' });
      return;
    }
    const inline = INLINE_TYPES.has(file.contentType.split(';')[0].trim().toLowerCase());
    res.writeHead(200, {
      'Content-Type': file.contentType,
      'Content-Length': String(file.data.byteLength),
      'Content-Disposition': contentDisposition(inline ? 'inline' : 'attachment', file.filename),
      'X-Content-Type-Options': 'nosniff',
      ...NO_STORE,
    });
    res.end(Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength));
  });
}
