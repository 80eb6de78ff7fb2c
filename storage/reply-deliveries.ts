import type { DataSource, EntityManager } from 'typeorm';
import { rowCount } from './row-count';

/**
 * What one channel has delivered of each turn (reply_deliveries). A turn is a queued job (its key); a part
 * is one reply's text or one of its files. A part is recorded after the channel accepted it, so a retried
 * job skips it: each part goes out once, unless the process dies between the send and the record.
 */
export interface ReplyDeliveries {
  /** The parts of the turn recorded as delivered. */
  delivered(turnKey: string): Promise<Set<string>>;
  /** Records a part as delivered; recording it again changes nothing. */
  record(turnKey: string, part: string): Promise<void>;
}

export function createReplyDeliveries(dataSource: DataSource, channel: string): ReplyDeliveries {
  return {
    async delivered(turnKey) {
      const rows = await dataSource.query<{ part: string }[]>('SELECT part FROM reply_deliveries WHERE channel = $1 AND turn_key = $2', [
        channel,
        turnKey,
      ]);
      return new Set(rows.map((row) => row.part));
    },
    async record(turnKey, part) {
      await dataSource.query('INSERT INTO reply_deliveries (channel, turn_key, part) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
        channel,
        turnKey,
        part,
      ]);
    },
  };
}

/** Forgets deliveries older than `days`: their jobs are long done and no longer retried. */
export async function deleteOldReplyDeliveries(manager: DataSource | EntityManager, days: number): Promise<number> {
  return rowCount(await manager.query('DELETE FROM reply_deliveries WHERE delivered_at < now() - make_interval(days => $1)', [days]));
}
