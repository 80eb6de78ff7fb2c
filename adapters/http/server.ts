import restify from 'restify';
import type { Logger } from '../../app/logger';
import { bodyDepthGuard, bodyHeadersGuard } from './body-guard';
import { answerClientErrorsGracefully } from './client-errors';

export interface HttpServerOptions {
  logger: Logger;
  maxBodyBytes: number;
}

/** restify with JSON/form bodies (the raw bytes kept for signature checks), limits and request logs. */
export function createHttpServer({ logger, maxBodyBytes }: HttpServerOptions): restify.Server {
  const server = restify.createServer({ name: 'logbook-bot', handleUncaughtExceptions: false });
  answerClientErrorsGracefully(server.server);
  server.pre(bodyHeadersGuard(maxBodyBytes));
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ maxBodySize: maxBodyBytes, mapParams: false, mapFiles: false }));
  server.use(bodyDepthGuard());
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
