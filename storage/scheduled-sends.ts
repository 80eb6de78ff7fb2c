import type { DataSource } from 'typeorm';
import { rowCount } from './row-count';

export type SendKind = 'digest' | 'reminder';

/** One scheduled message: a member's digest of an ISO week, or their reminder for one session. */
export interface SendKey {
  memberId: string;
  kind: SendKind;
  /** "2026-W12" for a digest, the session's local start "2026-03-17T18:00" for a reminder. */
  periodKey: string;
}

/**
 * The log of scheduled messages (scheduled_sends). A message is claimed before it is sent: the insert of its
 * key succeeds for one caller only, however many instances or retries try, so it is sent at most once. A
 * failed send releases the claim for the next run; a claim whose process died mid-send stays, unsent.
 */
export interface ScheduledSends {
  /** True when this caller won the key and must send now. */
  claim(organisationId: string, key: SendKey, at: Date): Promise<boolean>;
  /** Records the outcome of a claimed send: sent, or nowhere to send it (not tried again). */
  finish(organisationId: string, key: SendKey, status: 'sent' | 'undeliverable', at: Date): Promise<void>;
  /** Gives a failed send back, so the next run tries it again. */
  release(organisationId: string, key: SendKey): Promise<void>;
  /** Forgets the log older than `before`: its keys can no longer come due. */
  forgetBefore(organisationId: string, before: Date): Promise<number>;
}

export function createScheduledSends(dataSource: DataSource): ScheduledSends {
  const keyParams = (organisationId: string, key: SendKey) => [organisationId, key.memberId, key.kind, key.periodKey];
  const where = 'organisation_id = $1 AND member_id = $2 AND kind = $3 AND period_key = $4';
  return {
    async claim(organisationId, key, at) {
      const rows = await dataSource.query<unknown[]>(
        `INSERT INTO scheduled_sends (organisation_id, member_id, kind, period_key, status, claimed_at)
         VALUES ($1, $2, $3, $4, 'sending', $5)
         ON CONFLICT (organisation_id, member_id, kind, period_key) DO NOTHING
         RETURNING 1 AS claimed`,
        [...keyParams(organisationId, key), at],
      );
      return rows.length === 1;
    },
    async finish(organisationId, key, status, at) {
      await dataSource.query(`UPDATE scheduled_sends SET status = $5, sent_at = $6 WHERE ${where} AND status = 'sending'`, [
        ...keyParams(organisationId, key),
        status,
        at,
      ]);
    },
    async release(organisationId, key) {
      await dataSource.query(`DELETE FROM scheduled_sends WHERE ${where} AND status = 'sending'`, keyParams(organisationId, key));
    },
    async forgetBefore(organisationId, before) {
      const result: unknown = await dataSource.query('DELETE FROM scheduled_sends WHERE organisation_id = $1 AND claimed_at < $2', [
        organisationId,
        before,
      ]);
      return rowCount(result);
    },
  };
}
