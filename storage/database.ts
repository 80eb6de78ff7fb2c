import 'reflect-metadata';
import { types } from 'pg';
import { DataSource } from 'typeorm';
import { ENTITIES } from './entities';
import type { EmbeddedPostgres } from './embedded-postgres';
import { MIGRATIONS } from './migrations';
import { pgPool, poolQuery } from './pg-pool';
import { SnakeNamingStrategy } from './naming';

// count() and sum() come back as numbers, not strings, on both engines.
types.setTypeParser(types.builtins.INT8, (value) => Number(value));
types.setTypeParser(types.builtins.NUMERIC, (value) => Number(value));

export type Engine = 'postgres' | 'pglite';

export interface Database {
  dataSource: DataSource;
  engine: Engine;
  /** How long a chat turn's query or a health check waits for the database before giving up. */
  queryTimeoutMs: number;
  /** True when a trivial query answers within queryTimeoutMs. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL URL; without it, embedded PGlite is used. */
  databaseUrl?: string;
  /** Where PGlite keeps its files; null keeps it in memory. */
  dataDir: string | null;
  /** Pool size on PostgreSQL. */
  poolSize?: number;
  /**
   * How long a chat turn's query or a health check waits for the database (default 15 s): a server that hangs
   * rather than refusing (stopped, or cut off by the network) then gets "nothing was saved" too. Other queries,
   * migrations and exports among them, have no limit.
   */
  queryTimeoutMs?: number;
  /** Tests only: create tables from the entities instead of migrating. */
  synchronize?: boolean;
}

export class DatabaseUnavailableError extends Error {}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  let embedded: EmbeddedPostgres | undefined;
  const queryTimeoutMs = options.queryTimeoutMs ?? 15_000;
  const common = {
    type: 'postgres' as const,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: options.synchronize ?? false,
    logging: false,
    uuidExtension: 'pgcrypto' as const,
    installExtensions: false,
  };
  let dataSource: DataSource;
  if (options.databaseUrl) {
    dataSource = new DataSource({
      ...common,
      url: options.databaseUrl,
      extra: { max: options.poolSize ?? 10, connectionTimeoutMillis: 5000 },
    });
  } else {
    // PGlite is loaded only without a PostgreSQL URL.
    const { startEmbeddedPostgres } = await import('./embedded-postgres');
    embedded = await startEmbeddedPostgres(options.dataDir);
    dataSource = new DataSource({ ...common, ...embedded.connection, extra: { max: 1 } });
  }
  try {
    await dataSource.initialize();
  } catch (error) {
    await embedded?.stop();
    throw new DatabaseUnavailableError(describeConnectionError(options.databaseUrl, error));
  }
  // PGlite has one backend for every connection in turn, so a new connection (the pool closes one whose query
  // failed) would find the last one's named statements there and fail to prepare its own.
  if (embedded) pgPool(dataSource).on('connect', (client) => void client.query('DEALLOCATE ALL').catch(() => undefined));
  let closing: Promise<void> | undefined;
  return {
    dataSource,
    engine: embedded ? 'pglite' : 'postgres',
    queryTimeoutMs,
    async ping() {
      try {
        await poolQuery(pgPool(dataSource), { text: 'SELECT 1', query_timeout: queryTimeoutMs });
        return true;
      } catch {
        return false;
      }
    },
    close() {
      closing ??= (async () => {
        if (dataSource.isInitialized) await dataSource.destroy();
        await embedded?.stop();
      })();
      return closing;
    },
  };
}

/** Runs pending migrations, each in its own transaction; returns their names. */
export async function migrate(database: Database): Promise<string[]> {
  const done = await database.dataSource.runMigrations({ transaction: 'each' });
  return done.map((migration) => migration.name);
}

function describeConnectionError(url: string | undefined, error: unknown): string {
  const reason = error instanceof Error ? error.message || error.name : String(error);
  const where = url ? redact(url) : 'the embedded database';
  return `Cannot connect to ${where}: ${reason.split('\n')[0]}`;
}

/** The URL without its password, for messages and logs. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the configured DATABASE_URL';
  }
}
