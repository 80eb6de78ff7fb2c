import { openAppDatabase, startApp, type RunningApp } from '../../app/app';
import { loadConfig, type Config } from '../../app/config';
import { createLogger } from '../../app/logger';
import { createTestDatabaseUrl } from './database';

/** Starts the real app on 127.0.0.1 and a random port, on a fresh test database. */
export async function startTestApp(env: Record<string, string> = {}): Promise<RunningApp & { config: Config }> {
  const databaseUrl = await createTestDatabaseUrl();
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...env,
  });
  const logger = createLogger(config.LOG_LEVEL);
  const database = await openAppDatabase(config, logger, null);
  try {
    const app = await startApp(config, logger, database);
    return { ...app, config };
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
