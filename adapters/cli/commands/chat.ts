import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { createAppCore, LOCAL_ORGANISATION, openAppDatabase } from '../../../app/app';
import { loadConfig } from '../../../app/config';
import { createLogger } from '../../../app/logger';
import type { Reply } from '../../../bot/messages';
import { runTerminalChat, type Send } from '../../terminal/terminal-chat';
import { runAction, UsageError } from '../run-action';

/** Talks to a running server's local chat endpoint instead of opening the database. */
function httpSender(baseUrl: string, user: string, locale: string | null): Send {
  return async (text, actionData) => {
    const response = await fetch(new URL('/api/local/messages', baseUrl), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text, user, locale, actionData, messageId: randomUUID() }),
    });
    const body = (await response.json()) as { replies?: Reply[]; error?: string };
    if (!response.ok || !body.replies) throw new UsageError(body.error ?? `the server answered ${response.status}`);
    return body.replies;
  };
}

export function registerChat(program: Command): void {
  program
    .command('chat')
    .description('chat with the bot in the terminal, as the local mentor of the Demo organisation')
    .option('--url <url>', 'use a running server (e.g. http://localhost:3978) instead of opening the database')
    .option('--locale <locale>', 'your language: fi, sv or en (default: from LANG)')
    .action(
      runAction(async (options: { url?: string; locale?: string }) => {
        const locale = options.locale ?? process.env.LANG ?? null;
        const user = userInfo().username || 'terminal-user';
        if (options.url) {
          await runTerminalChat(httpSender(options.url, user, locale), process.stdin, process.stdout);
          return;
        }
        const config = loadConfig();
        const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL, 2);
        const database = await openAppDatabase({ ...config, LOCAL_CHAT: true }, logger);
        const core = createAppCore(config, database, logger);
        try {
          const send: Send = (text, actionData) =>
            core.handle({
              channel: 'terminal',
              tenant: LOCAL_ORGANISATION,
              user: { id: user, name: user },
              conversation: { id: user, kind: 'personal' },
              text,
              locale,
              actionData,
              messageId: randomUUID(),
            });
          await runTerminalChat(send, process.stdin, process.stdout);
        } finally {
          await database.close();
        }
      }),
    );
}
