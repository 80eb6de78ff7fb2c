import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAppDatabase, startApp, type RunningApp } from '../../app/app';
import { loadConfig, type Config } from '../../app/config';
import { createLogger } from '../../app/logger';
import { createTestDatabaseUrl } from './database';

/** Where a test app keeps its data, so a second app can be started on the same database. */
export interface TestStorage {
  databaseUrl?: string;
  dataDir: string | null;
}

/** Fresh storage: a new database on TEST_DATABASE_URL's server, or a PGlite directory. */
export async function freshStorage(persistent = false): Promise<TestStorage> {
  const databaseUrl = await createTestDatabaseUrl();
  if (databaseUrl) return { databaseUrl, dataDir: null };
  return { dataDir: persistent ? mkdtempSync(join(tmpdir(), 'logbook-test-')) : null };
}

/** Starts the real app on 127.0.0.1 and a random port. */
export async function startTestApp(
  env: Record<string, string> = {},
  storage?: TestStorage,
): Promise<RunningApp & { config: Config; storage: TestStorage }> {
  const where = storage ?? (await freshStorage());
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    // Tests talk faster than people; tests/rate-limit.test.ts turns the limit on.
    RATE_LIMIT_PER_MINUTE: '0',
    ...(where.databaseUrl ? { DATABASE_URL: where.databaseUrl } : {}),
    ...env,
  });
  const logger = createLogger(config.LOG_LEVEL);
  const database = await openAppDatabase(config, logger, where.dataDir);
  try {
    const app = await startApp(config, logger, database);
    return { ...app, config, storage: where };
  } catch (error) {
    await database.close();
    throw error;
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
export async function postJson(url: string, body: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}
