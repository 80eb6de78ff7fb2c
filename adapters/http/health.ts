import type restify from 'restify';
import type { Database } from '../../storage/database';

/** GET /healthz: 200 with the DB status when it answers, 503 when it does not. */
export function registerHealthRoute(server: restify.Server, database: Database): void {
  server.get('/healthz', async (_req: restify.Request, res: restify.Response) => {
    const up = await database.ping();
    res.send(up ? 200 : 503, { status: up ? 'ok' : 'unavailable', db: { engine: database.engine, up } });
  });
}
