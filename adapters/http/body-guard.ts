/**
 * What a request body must be before anything reads it: no larger than the limit (413, known from
 * Content-Length before a byte is read), not compressed (415: a few hundred kB of gzip inflate to gigabytes,
 * and a broken stream fails inside the reader), and of a type some route parses (415). After parsing, JSON
 * nested deeper than any route's input is refused (400): code that walks it would run out of stack.
 */
import type restify from 'restify';

/** The bodies the routes take: JSON (Teams, the local chat, the dashboard, Slack events) and forms (Slack). */
const BODY_TYPE = /^(application\/json|application\/[a-z0-9.+-]+\+json|application\/x-www-form-urlencoded)$/;

/** Deeper than any activity, card value or Slack payload. */
export const MAX_JSON_DEPTH = 32;

function mediaType(req: restify.Request): string {
  return (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

function hasBody(req: restify.Request): boolean {
  return Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
}

/** Why no route could read this body (415), or null. */
function unreadable(req: restify.Request): string | null {
  const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity') return 'compressed request bodies are not accepted';
  if (!BODY_TYPE.test(mediaType(req))) return 'request bodies must be application/json or application/x-www-form-urlencoded';
  return null;
}

/**
 * A pre-routing handler: refuses bodies by their headers. With a Content-Length nothing is read; a chunked body
 * that is refused is read and dropped, so one over the limit is still told 413.
 */
export function bodyHeadersGuard(maxBodyBytes: number): restify.RequestHandler {
  const tooLarge = { code: 'PayloadTooLarge', message: `Request body size exceeds ${maxBodyBytes}` };
  return (req, res, next) => {
    if (!hasBody(req)) return next();
    if (Number(req.headers['content-length'] ?? 0) > maxBodyBytes) {
      res.send(413, tooLarge);
      return next(false);
    }
    const reason = unreadable(req);
    if (!reason) return next();
    const refuse = () => {
      res.send(415, { code: 'UnsupportedMediaType', message: reason });
      next(false);
    };
    if (req.headers['content-length'] !== undefined) return refuse();
    let size = 0;
    req.on('data', (chunk: Buffer) => (size += chunk.length));
    req.once('end', () => {
      if (size <= maxBodyBytes) return refuse();
      res.send(413, tooLarge);
      next(false);
    });
    req.once('error', () => next(false));
    req.resume();
  };
}

/** Whether a parsed JSON value nests arrays or objects deeper than `max`; walks without recursion. */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [item, depth] = stack.pop()!;
    if (!item || typeof item !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Array.isArray(item) ? item : Object.values(item)) {
      if (child && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}

/** After the body parser: refuses JSON nested deeper than MAX_JSON_DEPTH. */
export function bodyDepthGuard(): restify.RequestHandler {
  return (req, res, next) => {
    if (req.body && typeof req.body === 'object' && nestedDeeperThan(req.body, MAX_JSON_DEPTH)) {
      res.send(400, { code: 'BadRequest', message: `request body nested deeper than ${MAX_JSON_DEPTH} levels` });
      return next(false);
    }
    next();
  };
}
