import restify from 'restify';
import type { Logger } from '../../app/logger';

export interface HttpServerOptions {
  logger: Logger;
  maxBodyBytes: number;
}

/**
 * No route takes file uploads, and restify's bodyParser would write multipart files to the temp folder
 * before any route checks a signature, with no size limit: such a request gets 415 before it is read.
 */
function refuseMultipart(req: restify.Request, res: restify.Response, next: restify.Next): void {
  if (!(req.header('content-type') ?? '').toLowerCase().startsWith('multipart/')) return next();
  res.header('Connection', 'close');
  res.send(415, { error: 'multipart bodies are not accepted' });
  next(false);
}

/** restify with JSON/form bodies (the raw bytes kept for signature checks), limits and request logs. */
export function createHttpServer({ logger, maxBodyBytes }: HttpServerOptions): restify.Server {
  const server = restify.createServer({ name: 'logbook-bot', handleUncaughtExceptions: false });
  server.pre(refuseMultipart);
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ maxBodySize: maxBodyBytes, mapParams: false, mapFiles: false }));
  server.use((req, res, next) => {
    res.header('X-Content-Type-Options', 'nosniff');
    res.header('Referrer-Policy', 'no-referrer');
    next();
  });
  server.on('after', (req: restify.Request, res: restify.Response) => {
    logger.info({ method: req.method, url: req.getPath(), status: res.statusCode, ms: Date.now() - req.time() }, 'request');
  });
  server.on('restifyError', (req: restify.Request, res: restify.Response, error: Error & { statusCode?: number }, callback: () => void) => {
    if ((error.statusCode ?? 500) >= 500) logger.error({ err: error, url: req.getPath() }, 'request failed');
    callback();
  });
  return server;
}
