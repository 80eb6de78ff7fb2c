import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type restify from 'restify';
import { z } from 'zod';
import { projectRoot } from '../../app/paths';
import type { Core } from '../../bot/core';

const LOCAL_USER = 'local-user';

const localMessage = z.object({
  text: z.string().max(10_000).default(''),
  user: z.string().min(1).max(200).default(LOCAL_USER),
  conversation: z.string().min(1).max(200).optional(),
  locale: z.string().max(20).nullable().default(null),
  actionData: z.record(z.string(), z.unknown()).nullable().default(null),
  messageId: z.string().min(1).max(200).nullable().default(null),
});

const PAGE_HEADERS = {
  'Content-Security-Policy': "default-src 'self'; img-src 'self' data:; frame-ancestors 'self'",
  'X-Frame-Options': 'SAMEORIGIN',
};

/** The local web chat: a page at / and its JSON endpoint, for trying the bot without Teams or Slack. */
export function registerWebChat(server: restify.Server, core: Core, organisationName: string): void {
  const dir = join(projectRoot(), 'adapters', 'local', 'public');
  const assets: Record<string, { type: string; body: string }> = {
    '/': { type: 'text/html; charset=utf-8', body: readFileSync(join(dir, 'chat.html'), 'utf8') },
    '/chat.js': { type: 'text/javascript; charset=utf-8', body: readFileSync(join(dir, 'chat.js'), 'utf8') },
    '/chat.css': { type: 'text/css; charset=utf-8', body: readFileSync(join(dir, 'chat.css'), 'utf8') },
  };
  for (const [path, asset] of Object.entries(assets)) {
    server.get(path, async (_req: restify.Request, res: restify.Response) => {
      res.writeHead(200, { 'Content-Type': asset.type, 'Cache-Control': 'no-cache', ...PAGE_HEADERS });
      res.end(asset.body);
    });
  }

  server.post('/api/local/messages', async (req: restify.Request, res: restify.Response) => {
    const parsed = localMessage.safeParse(req.body ?? {});
    if (!parsed.success) {
      res.send(400, { error: `Invalid message: ${parsed.error.issues[0].path.join('.') || 'body'}: ${parsed.error.issues[0].message}` });
      return;
    }
    const message = parsed.data;
    const replies = await core.handle({
      channel: 'local',
      tenant: organisationName,
      user: { id: message.user },
      conversation: { id: message.conversation ?? message.user, kind: 'personal' },
      text: message.text,
      locale: message.locale,
      actionData: message.actionData,
      messageId: message.messageId,
    });
    res.send(200, { replies });
  });
}
