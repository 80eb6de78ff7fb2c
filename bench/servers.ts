/** The two servers the bench loads, each started from the build in its own node process. */
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { startChildServer, type ChildServer } from './child-server';

/** Settings that would change what is measured are cleared: no model, no Bot Framework auth, no Slack. */
const PLAIN = { OPENAI_API_KEY: '', MicrosoftAppId: '', MicrosoftAppPassword: '', SLACK_SIGNING_SECRET: '', SLACK_BOT_TOKEN: '' };
/** Bench users write many times faster than people, so the per-user limit is off for the measurement. */
const NO_RATE_LIMIT = { RATE_LIMIT_PER_MINUTE: '0' };

/** botbuilder's stock echo bot (bench/echo-bot.ts). */
export function startEchoBot(): Promise<ChildServer> {
  // restify's spdy touches process.binding on require (DEP0111); the app drops that warning too.
  return startChildServer({ name: 'the echo bot', args: ['--disable-warning=DEP0111', join(__dirname, 'echo-bot.js')], env: {}, readyPath: '/', ok: false });
}

/**
 * `logbook serve` with open sign-up, its default log level, and its own throwaway data directory;
 * `databaseUrl` unset keeps embedded PGlite. `options.env` adds or overrides settings (the fuzz run turns Slack on).
 */
export async function startLogbook(databaseUrl?: string, options: { env?: Record<string, string>; onLog?: (line: string) => void } = {}): Promise<ChildServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'logbook-bench-'));
  const env = { ...PLAIN, ...NO_RATE_LIMIT, LOGBOOK_OPEN_SIGNUP: 'true', LOG_LEVEL: 'info', LOGBOOK_DATA_DIR: dataDir, DATABASE_URL: databaseUrl ?? '', ...options.env };
  try {
    const server = await startChildServer({
      name: 'logbook serve',
      args: [join(__dirname, '..', 'adapters', 'cli', 'logbook.js'), 'serve'],
      env,
      readyPath: '/healthz',
      ok: true,
      onLog: options.onLog,
    });
    return {
      ...server,
      async stop() {
        await server.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
