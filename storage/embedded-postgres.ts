import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { compileWasmWithBaselineOnly } from '../app/v8-tuning';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { lockDataDir } from './data-dir-lock';
import { copyTemplateInto } from './embedded-template';

/**
 * PGlite served over the Postgres wire protocol on a private Unix socket. The app talks to it with
 * the ordinary pg driver and a pool of one connection, which keeps real transaction semantics
 * (a shared in-process session would not isolate transactions).
 */
export interface EmbeddedPostgres {
  /** pg connection options for the socket. */
  connection: { host: string; port: number; username: string; database: string };
  stop(): Promise<void>;
}

const SOCKET_PORT = 5432;

/**
 * PGlite keeps Postgres's shared memory inside its WebAssembly heap, which never shrinks: initdb's
 * 128 MB of shared buffers cost ~120 MB of resident memory before the first query. The app's one
 * connection and the data of a local setup need far less; the operating system caches the files anyway.
 */
const MEMORY_SETTINGS = ['-c', 'shared_buffers=16MB', '-c', 'max_connections=10'];

/** `dataDir` null gives a throwaway database in a temporary directory (tests, tools). */
export async function startEmbeddedPostgres(dataDir: string | null): Promise<EmbeddedPostgres> {
  const socketDir = mkdtempSync(join(tmpdir(), 'logbook-pg-'));
  const home = dataDir ? resolve(dataDir) : socketDir;
  const releaseLock = lockDataDir(home);
  let db: PGlite | undefined;
  try {
    const pgliteDir = join(home, 'pglite');
    copyTemplateInto(pgliteDir);
    compileWasmWithBaselineOnly();
    db = new PGlite(pgliteDir, { startParams: [...PGlite.defaultStartParams, ...MEMORY_SETTINGS] });
    const server = new PGLiteSocketServer({ db, path: join(socketDir, `.s.PGSQL.${SOCKET_PORT}`), maxConnections: 1 });
    await server.start();
    const opened = db;
    return {
      connection: { host: socketDir, port: SOCKET_PORT, username: 'postgres', database: 'postgres' },
      async stop() {
        await server.stop();
        await opened.close();
        rmSync(socketDir, { recursive: true, force: true });
        releaseLock();
      },
    };
  } catch (error) {
    await db?.close().catch(() => undefined);
    rmSync(socketDir, { recursive: true, force: true });
    releaseLock();
    throw error;
  }
}
