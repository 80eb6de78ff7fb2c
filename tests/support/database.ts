import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { migrate, openDatabase, type Database } from '../../storage/database';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database on
 * the PostgreSQL server of TEST_DATABASE_URL (dropped by the global teardown).
 */
export async function openTestDatabase(): Promise<Database> {
  const database = await openDatabase({ databaseUrl: await createTestDatabaseUrl(), dataDir: null, poolSize: 5 });
  await migrate(database);
  return database;
}

/** A new empty database on TEST_DATABASE_URL's server, or undefined to use PGlite. */
export async function createTestDatabaseUrl(): Promise<string | undefined> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return undefined;
  const name = `${process.env.LOGBOOK_TEST_DB_PREFIX ?? 'logbook_test'}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export const engineName = (): string => (process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite');
