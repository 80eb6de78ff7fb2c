import type { Attachment, Reply } from '../bot/messages';

/**
 * The reply's files that carry their bytes. A reply replayed from storage (answering a redelivered
 * message) may hold attachments whose bytes did not survive JSON; those are skipped, not sent broken.
 */
export function replyAttachments(reply: Reply): Attachment[] {
  return (reply.attachments ?? []).filter((attachment) => attachment.data instanceof Uint8Array);
}
