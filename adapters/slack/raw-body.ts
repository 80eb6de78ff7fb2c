import type restify from 'restify';

/** The request with the body bytes the Slack routes verify and parse themselves. */
export type RawBodyRequest = restify.Request & { slackRawBody?: Buffer; slackBodyTooLarge?: boolean };

/** Flags restify's bodyReader/bodyParser check so they leave a request alone. */
interface RestifyBodyFlags {
  _readBody?: boolean;
  _parsedBody?: boolean;
}

/**
 * A pre-routing handler that reads the body of requests under `prefix` as raw bytes, before the
 * server-wide bodyParser can decode it to a string, and marks it as read so bodyParser skips it.
 * Slack signs the exact bytes, so the signature check needs them untouched.
 */
export function rawBodyReader(prefix: string, maxBytes: number): restify.RequestHandler {
  return (req, res, next) => {
    const path = req.path?.() ?? req.url ?? '';
    if (req.method !== 'POST' || !path.startsWith(prefix)) return next();
    const flags = req as unknown as RestifyBodyFlags;
    flags._readBody = true;
    flags._parsedBody = true;
    const raw = req as RawBodyRequest;
    const chunks: Buffer[] = [];
    let size = 0;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      raw.slackRawBody = Buffer.concat(chunks);
      next();
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        raw.slackBodyTooLarge = true;
        return;
      }
      chunks.push(chunk);
    });
    req.once('end', finish);
    req.once('error', () => {
      if (finished) return;
      finished = true;
      next(false);
    });
    req.resume();
  };
}
