/** The two servers the bench loads, each started from the build in its own node process. */
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { startChildServer, type ChildServer } from './child-server';

/** Settings that would change what is measured are cleared: no model, no Bot Framework auth, no Slack. */
const PLAIN = { OPENAI_API_KEY: '', MicrosoftAppId: '', MicrosoftAppPassword: '', SLACK_SIGNING_SECRET: '', SLACK_BOT_TOKEN: '' };
/** Bench users write many times faster than people, so the per-user limit is off for the measurement. */
export const NO_RATE_LIMIT = { RATE_LIMIT_PER_MINUTE: '0' };

/** botbuilder's stock echo bot (bench/echo-bot.ts). */
export function startEchoBot(): Promise<ChildServer> {
  // restify's spdy touches process.binding on require (DEP0111); the app drops that warning too.
  return startChildServer({ name: 'the echo bot', args: ['--disable-warning=DEP0111', join(__dirname, 'echo-bot.js')], env: {}, readyPath: '/', ok: false });
}

export interface LogbookOptions {
  /** PGlite's directory, kept after stop; a throwaway one is made (and removed on stop) without it. */
  dataDir?: string;
  /** More environment, e.g. Slack's settings. */
  env?: Record<string, string>;
  /** Node options before the script, e.g. a preload. */
  nodeArgs?: string[];
  /** Where the server's JSON logs go; dropped without it (or given to onLog). */
  stdoutFile?: string;
  /** Gets each line of the server's JSON logs instead of a file. */
  onLog?: (line: string) => void;
}

/**
 * `logbook serve` with open sign-up, its default log level, and its own data directory;
 * `databaseUrl` unset keeps embedded PGlite.
 */
export async function startLogbook(databaseUrl?: string, options: LogbookOptions = {}): Promise<ChildServer> {
  const ownDataDir = !options.dataDir;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'logbook-bench-'));
  const removeDataDir = () => ownDataDir && rmSync(dataDir, { recursive: true, force: true });
  const env = { ...PLAIN, ...NO_RATE_LIMIT, LOGBOOK_OPEN_SIGNUP: 'true', LOG_LEVEL: 'info', LOGBOOK_DATA_DIR: dataDir, DATABASE_URL: databaseUrl ?? '', ...options.env };
  try {
    const server = await startChildServer({
      name: 'logbook serve',
      args: [...(options.nodeArgs ?? []), join(__dirname, '..', 'adapters', 'cli', 'logbook.js'), 'serve'],
      env,
      readyPath: '/healthz',
      ok: true,
      stdoutFile: options.stdoutFile,
      onLog: options.onLog,
    });
    return {
      ...server,
      async stop() {
        await server.stop();
        removeDataDir();
      },
    };
  } catch (error) {
    removeDataDir();
    throw error;
  }
}
