import type { Logger } from '../../app/logger';
import type { Reply } from '../../bot/messages';
import type { DownloadPublisher } from '../http/downloads';
import { deliveryText } from '../phrases';
import { replyAttachments } from '../reply-attachments';
import { fileCard, imageCard, inlineImage, type RenderedFiles } from './cards';

/**
 * A reply's files for Teams. An image is a card Image at its signed link when PUBLIC_BASE_URL is https
 * (Teams fetches it from there), otherwise an inline data: image. A file is a card with a download button
 * to its signed link, which needs PUBLIC_BASE_URL; without it the text says so. `tenant` is the Teams
 * tenant, whose organisation owns the stored file.
 */
export async function renderTeamsFiles(
  reply: Reply,
  tenant: string | null,
  downloads: DownloadPublisher | undefined,
  logger: Logger,
): Promise<RenderedFiles> {
  const rendered: RenderedFiles = { attachments: [], notes: [] };
  const base = downloads?.publicBaseUrl ?? null;
  for (const file of replyAttachments(reply)) {
    try {
      if (file.kind === 'image') {
        const url = downloads && tenant && base?.startsWith('https://') ? await downloads.publish({ channel: 'teams', tenant }, file) : null;
        rendered.attachments.push(url ? imageCard(url, file.description) : inlineImage(file));
        continue;
      }
      if (!downloads || !base) {
        logger.warn({ filename: file.filename }, 'a Teams reply carries a file, but downloads need PUBLIC_BASE_URL; the file was not offered');
        rendered.notes.push(deliveryText(reply.locale, 'downloadsNeedPublicUrl', { filename: file.filename }));
        continue;
      }
      const url = tenant ? await downloads.publish({ channel: 'teams', tenant }, file) : null;
      if (!url) throw new Error('the Teams tenant has no organisation to keep the file');
      rendered.attachments.push(fileCard(file, url, deliveryText(reply.locale, 'downloadButton')));
    } catch (error) {
      logger.error({ err: error, filename: file.filename }, 'could not offer a file in Teams');
      rendered.notes.push(deliveryText(reply.locale, 'attachmentFailed', { filename: file.filename }));
    }
  }
  return rendered;
}
