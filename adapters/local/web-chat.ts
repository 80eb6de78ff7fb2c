import type restify from 'restify';
import { z } from 'zod';
import { registerStaticPages } from '../http/static-pages';
import type { Core } from '../../bot/core';
import type { Attachment, Reply } from '../../bot/messages';
import type { DownloadPublisher } from '../http/downloads';
import { replyAttachments } from '../reply-attachments';

const LOCAL_USER = 'local-user';

const localMessage = z.object({
  text: z.string().max(10_000).default(''),
  user: z.string().min(1).max(200).default(LOCAL_USER),
  conversation: z.string().min(1).max(200).optional(),
  locale: z.string().max(20).nullable().default(null),
  actionData: z.record(z.string(), z.unknown()).nullable().default(null),
  messageId: z.string().min(1).max(200).nullable().default(null),
});

/** A reply's file as the browser gets it: a signed download link, never the bytes. */
export interface AttachmentLink {
  kind: Attachment['kind'];
  filename: string;
  contentType: string;
  description: string;
  url: string;
}

export type BrowserReply = Omit<Reply, 'attachments'> & { attachments?: AttachmentLink[] };

/**
 * The local web chat: a page at / and its JSON endpoint, for trying the bot without Teams or Slack.
 * Reply files are stored through `downloads` and sent as links; without it they are left out.
 */
export function registerWebChat(server: restify.Server, core: Core, organisationName: string, downloads?: DownloadPublisher): void {
  /** Links are relative: they work wherever the page is opened, and the page's CSP allows only 'self'. */
  async function forBrowser(reply: Reply): Promise<BrowserReply> {
    const { attachments: _bytes, ...rest } = reply;
    const attachments = replyAttachments(reply);
    if (!attachments.length || !downloads) return rest;
    const links: AttachmentLink[] = [];
    for (const attachment of attachments) {
      const url = await downloads.publish({ channel: 'local', tenant: organisationName }, attachment, { relative: true });
      if (!url) continue;
      const { kind, filename, contentType, description } = attachment;
      links.push({ kind, filename, contentType, description, url });
    }
    return { ...rest, attachments: links };
  }

  registerStaticPages(server, {
    '/': 'adapters/local/public/chat.html',
    '/chat.js': 'adapters/local/public/chat.js',
    '/chat.css': 'adapters/local/public/chat.css',
  });

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
    res.send(200, { replies: await Promise.all(replies.map(forBrowser)) });
  });
}
