import type { DataSource } from 'typeorm';
import type { Reply } from '../bot/messages';
import type { Notifier } from '../bot/ports';
import { memberAddresses } from '../storage/conversation-addresses';
import type { Logger } from './logger';

/** One channel's proactive delivery to a saved conversation address. */
export interface ProactiveSender {
  /** Whether the address is a private conversation with the member (never a team channel). */
  isPrivate(address: Record<string, unknown>): boolean;
  /** Sends the replies; throws when the channel refuses them. */
  send(address: Record<string, unknown>, replies: Reply[]): Promise<void>;
}

/**
 * The one Notifier: the member's most recent private conversation on a channel that can send proactively.
 * The local web chat and the terminal have no sender, so their members are never notified (false).
 */
export function createNotifier(dataSource: DataSource, senders: ReadonlyMap<string, ProactiveSender>, logger: Logger): Notifier {
  return {
    async notify(organisationId, memberId, replies) {
      const addresses = await memberAddresses(dataSource, organisationId, memberId);
      let failure: unknown = null;
      for (const { channel, address } of addresses) {
        const sender = senders.get(channel);
        if (!sender?.isPrivate(address)) continue;
        try {
          await sender.send(address, replies);
          return true;
        } catch (error) {
          // Another saved conversation (e.g. on the other channel) may still work.
          logger.warn({ err: error, channel, organisationId }, 'proactive message failed');
          failure = error;
        }
      }
      if (failure) throw failure;
      return false;
    },
  };
}
