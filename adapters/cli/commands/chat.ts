import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { createAppCore, LOCAL_ORGANISATION, openAppDatabase } from '../../../app/app';
import { loadConfig } from '../../../app/config';
import { createLogger } from '../../../app/logger';
import type { Attachment, Reply } from '../../../bot/messages';
import type { BrowserReply } from '../../local/web-chat';
import { deliveryText } from '../../phrases';
import { runTerminalChat, type Send } from '../../terminal/terminal-chat';
import { runAction, UsageError } from '../run-action';

/** A reply from the local chat endpoint with its files fetched from their links; a file that fails is told in the text. */
async function withFiles(baseUrl: string, reply: BrowserReply): Promise<Reply> {
  const attachments: Attachment[] = [];
  const notes: string[] = [];
  for (const link of reply.attachments ?? []) {
    const response = await fetch(new URL(link.url, baseUrl)).catch(() => null);
    if (!response?.ok) {
      notes.push(deliveryText(reply.locale, 'attachmentFailed', { filename: link.filename }));
      continue;
    }
    const { kind, filename, contentType, description } = link;
    attachments.push({ kind, filename, contentType, description, data: new Uint8Array(await response.arrayBuffer()) });
  }
  return { ...reply, text: [reply.text, ...notes].filter(Boolean).join('\n'), attachments };
}

/** Talks to a running server's local chat endpoint instead of opening the database. */
export function httpSender(baseUrl: string, user: string, locale: string | null): Send {
  return async (text, actionData) => {
    const response = await fetch(new URL('/api/local/messages', baseUrl), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text, user, locale, actionData, messageId: randomUUID() }),
    });
    const body = (await response.json()) as { replies?: BrowserReply[]; error?: string };
    if (!response.ok || !body.replies) throw new UsageError(body.error ?? `the server answered ${response.status}`);
    return Promise.all(body.replies.map((reply) => withFiles(baseUrl, reply)));
  };
}

export function registerChat(program: Command): void {
  program
    .command('chat')
    .description('chat with the bot in the terminal, as the local mentor of the Demo organisation')
    .option('--url <url>', 'use a running server (e.g. http://localhost:3978) instead of opening the database')
    .option('--locale <locale>', 'your language: fi, sv or en (default: from LANG)')
    .option('--downloads <dir>', 'where files the bot sends (charts, exports) are written', '.')
    .action(
      runAction(async (options: { url?: string; locale?: string; downloads: string }) => {
        const chatOptions = { downloadDir: options.downloads };
        const locale = options.locale ?? process.env.LANG ?? null;
        const user = userInfo().username || 'terminal-user';
        if (options.url) {
          await runTerminalChat(httpSender(options.url, user, locale), process.stdin, process.stdout, chatOptions);
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
          await runTerminalChat(send, process.stdin, process.stdout, chatOptions);
        } finally {
          await database.close();
        }
      }),
    );
}
