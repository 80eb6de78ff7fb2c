import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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

export class DataDirInUseError extends Error {}

const SOCKET_PORT = 5432;

/** `dataDir` null gives a throwaway database in a temporary directory (tests, tools). */
export async function startEmbeddedPostgres(dataDir: string | null): Promise<EmbeddedPostgres> {
  const socketDir = mkdtempSync(join(tmpdir(), 'logbook-pg-'));
  const home = dataDir ? resolve(dataDir) : socketDir;
  const releaseLock = lockDataDir(home);
  let db: PGlite | undefined;
  try {
    const pgliteDir = join(home, 'pglite');
    copyTemplateInto(pgliteDir);
    db = new PGlite(pgliteDir);
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

/** PGlite must have one process per data directory; a second one would corrupt it. */
function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const lockFile = join(dir, 'logbook.pid');
  const holder = readHolder(lockFile);
  if (holder && holder !== process.pid && isAlive(holder)) {
    throw new DataDirInUseError(
      `The embedded database in ${dir} is in use by process ${holder}. Stop it first, or set DATABASE_URL to use PostgreSQL.`,
    );
  }
  writeFileSync(lockFile, String(process.pid));
  return () => {
    if (readHolder(lockFile) === process.pid) rmSync(lockFile, { force: true });
  };
}

function readHolder(lockFile: string): number | null {
  try {
    const pid = Number(readFileSync(lockFile, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
