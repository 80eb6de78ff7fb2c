import { Client } from 'pg';
import { randomBytes } from 'node:crypto';

/**
 * With TEST_DATABASE_URL set, each run gets a fresh database on that server, named in
 * LOGBOOK_TEST_DB_PREFIX; each test file then creates its own database with that prefix.
 */
export default async function globalSetup(): Promise<void> {
  const prefix = `logbook_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  process.env.LOGBOOK_TEST_DB_PREFIX = prefix;
  if (!process.env.TEST_DATABASE_URL) return;
  const client = new Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  await client.end();
}
