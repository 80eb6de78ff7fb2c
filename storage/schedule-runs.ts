import type { DataSource } from 'typeorm';
import type { Locale } from '../bot/locale';
import type { MemberSchedules, Role } from '../bot/ports';
import { SCHEDULE_COLUMNS, toMemberSchedules, type ScheduleRow } from './schedule-store';

/** What the schedule runner reads: who has a digest or reminders on, in which organisation. */

export interface ScheduledOrganisation {
  id: string;
  timeZone: string;
  defaultLocale: Locale;
}

export interface ScheduledMember {
  id: string;
  role: Role;
  locale: Locale | null;
  unitIds: string[];
  schedules: MemberSchedules;
}

/** A digest that is on, or reminders that are not stopped. */
const ACTIVE = `(s.digest_enabled OR (cardinality(s.reminder_times) > 0 AND s.reminder_stopped_at IS NULL))`;

/** Every organisation with a member whose digest or reminders are on (the runner's one cross-organisation read). */
export async function organisationsWithSchedules(dataSource: DataSource): Promise<ScheduledOrganisation[]> {
  const rows = await dataSource.query<{ id: string; time_zone: string; default_locale: Locale }[]>(
    `SELECT o.id, o.time_zone, o.default_locale FROM organisations o
      WHERE EXISTS (SELECT 1 FROM member_schedules s WHERE s.organisation_id = o.id AND ${ACTIVE})
      ORDER BY o.id`,
  );
  return rows.map((row) => ({ id: row.id, timeZone: row.time_zone, defaultLocale: row.default_locale }));
}

/** The organisation's current (not removed, not erased) members whose digest or reminders are on. */
export async function scheduledMembers(dataSource: DataSource, organisationId: string): Promise<ScheduledMember[]> {
  const rows = await dataSource.query<(ScheduleRow & { id: string; role: Role; locale: Locale | null; unit_ids: string[] })[]>(
    `SELECT m.id, m.role, m.locale, m.unit_ids, ${SCHEDULE_COLUMNS}
       FROM member_schedules s
       JOIN members m ON m.organisation_id = s.organisation_id AND m.id = s.member_id
      WHERE s.organisation_id = $1 AND m.removed_at IS NULL AND m.erased_at IS NULL AND ${ACTIVE}
      ORDER BY m.id`,
    [organisationId],
  );
  return rows.map((row) => ({ id: row.id, role: row.role, locale: row.locale, unitIds: row.unit_ids ?? [], schedules: toMemberSchedules(row) }));
}
