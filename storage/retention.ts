import type { DataSource } from 'typeorm';
import { deleteExpiredDashboardTokens } from './dashboard-store';
import { deleteExpiredDownloads } from './download-store';
import { deleteOldReplyDeliveries } from './reply-deliveries';
import type { OrganisationSettings } from './entities/organisation';
import { rowCount } from './row-count';

/** Replies of handled messages are kept this long, to answer redeliveries. */
export const PROCESSED_MESSAGE_DAYS = 30;

export interface OrganisationRetention {
  organisationId: string;
  name: string;
  retentionDays: number;
  /** Entries dated before this day (in the organisation's time zone) lose their notes. */
  cutoff: string;
  notesCleared: number;
  /** Audit values (entry snapshots) of those entries whose notes were cleared too. */
  auditValuesCleared: number;
}

export interface RetentionResult {
  /** Every organisation with a retention period, changed or not. */
  organisations: OrganisationRetention[];
  processedMessagesDeleted: number;
  conversationReferencesDeleted: number;
  /** Reply files (charts, exports) whose download links had expired. */
  downloadsDeleted: number;
  /** Records of delivered replies older than the stored replies, deployment-wide. */
  replyDeliveriesDeleted: number;
}

/** A whole number of days ≥ 1, or null for "keep notes". */
export function retentionDays(settings: OrganisationSettings | null | undefined): number | null {
  const days = settings?.noteRetentionDays;
  return typeof days === 'number' && Number.isInteger(days) && days >= 1 ? days : null;
}

/**
 * The daily clean-up. For every organisation with settings.noteRetentionDays, notes of entries dated more
 * than that many days ago become null (also in entry snapshots kept by the audit log), with one audit event
 * per organisation that changed. Everywhere: handled-message replies older than 30 days, the
 * conversation references of removed members, expired downloads and expired dashboard sign-ins and sessions
 * are deleted, and so are records of delivered replies older than the stored replies. Each organisation commits on its own.
 */
export async function runRetention(dataSource: DataSource): Promise<RetentionResult> {
  const organisations = await dataSource.query<{ id: string; name: string; time_zone: string; settings: OrganisationSettings }[]>(
    'SELECT id, name, time_zone, settings FROM organisations ORDER BY name',
  );
  const result: RetentionResult = {
    organisations: [],
    processedMessagesDeleted: 0,
    conversationReferencesDeleted: 0,
    downloadsDeleted: 0,
    replyDeliveriesDeleted: 0,
  };
  for (const organisation of organisations) {
    await dataSource.transaction(async (manager) => {
      const days = retentionDays(organisation.settings);
      if (days !== null) {
        const [{ cutoff }] = await manager.query<{ cutoff: string }[]>(
          `SELECT to_char((now() AT TIME ZONE $1)::date - $2::int, 'YYYY-MM-DD') AS cutoff`,
          [organisation.time_zone, days],
        );
        const notesCleared = rowCount(
          await manager.query(
            `UPDATE entries SET notes = NULL, updated_at = now()
              WHERE organisation_id = $1 AND date < $2::date AND notes IS NOT NULL`,
            [organisation.id, cutoff],
          ),
        );
        const auditValuesCleared = rowCount(
          await manager.query(
            `UPDATE audit_events a
                SET before = CASE WHEN a.before ? 'notes' THEN jsonb_set(a.before, '{notes}', 'null') ELSE a.before END,
                    after = CASE WHEN a.after ? 'notes' THEN jsonb_set(a.after, '{notes}', 'null') ELSE a.after END
               FROM entries e
              WHERE a.organisation_id = $1 AND e.organisation_id = $1 AND a.target_type = 'entry' AND a.target_id = e.id::text
                AND e.date < $2::date
                AND (a.before->>'notes' IS NOT NULL OR a.after->>'notes' IS NOT NULL)`,
            [organisation.id, cutoff],
          ),
        );
        if (notesCleared + auditValuesCleared > 0) {
          await manager.query(
            `INSERT INTO audit_events (organisation_id, actor_id, action, target_type, target_id, before, after)
             VALUES ($1, NULL, 'retention.notes_cleared', 'organisation', $2, NULL, $3)`,
            [organisation.id, organisation.id, JSON.stringify({ retentionDays: days, cutoff, entries: notesCleared, auditValues: auditValuesCleared })],
          );
        }
        result.organisations.push({ organisationId: organisation.id, name: organisation.name, retentionDays: days, cutoff, notesCleared, auditValuesCleared });
      }
      result.processedMessagesDeleted += rowCount(
        await manager.query(
          `DELETE FROM processed_messages WHERE organisation_id = $1 AND processed_at < now() - make_interval(days => $2)`,
          [organisation.id, PROCESSED_MESSAGE_DAYS],
        ),
      );
      result.conversationReferencesDeleted += rowCount(
        await manager.query(
          `DELETE FROM conversation_references cr USING members m
            WHERE cr.organisation_id = $1 AND m.organisation_id = $1 AND m.id = cr.member_id AND m.removed_at IS NOT NULL`,
          [organisation.id],
        ),
      );
      result.downloadsDeleted += await deleteExpiredDownloads(manager, organisation.id);
      await deleteExpiredDashboardTokens(manager, organisation.id);
    });
  }
  result.replyDeliveriesDeleted = await deleteOldReplyDeliveries(dataSource, PROCESSED_MESSAGE_DAYS);
  return result;
}
