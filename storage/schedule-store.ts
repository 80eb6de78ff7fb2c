import type { DataSource } from 'typeorm';
import type { MemberSchedules, ScheduleStore, Weekday } from '../bot/ports';

/** member_schedules as read, times as "HH:MM". */
export interface ScheduleRow {
  digest_weekday: number | null;
  digest_time: string | null;
  digest_enabled: boolean;
  digest_set_at: Date | null;
  reminder_times: string[];
  reminder_weekdays: number[];
  reminder_after_hours: number;
  reminder_set_at: Date | null;
  reminder_snoozed_until: Date | null;
  reminder_stopped_at: Date | null;
  quiet_start: string | null;
  quiet_end: string | null;
}

/** The columns of ScheduleRow from member_schedules `s`. */
export const SCHEDULE_COLUMNS = `s.digest_weekday, to_char(s.digest_time, 'HH24:MI') AS digest_time, s.digest_enabled, s.digest_set_at,
  ARRAY(SELECT to_char(t, 'HH24:MI') FROM unnest(s.reminder_times) AS t ORDER BY t) AS reminder_times,
  s.reminder_weekdays, s.reminder_after_hours, s.reminder_set_at, s.reminder_snoozed_until, s.reminder_stopped_at,
  to_char(s.quiet_start, 'HH24:MI') AS quiet_start, to_char(s.quiet_end, 'HH24:MI') AS quiet_end`;

export function toMemberSchedules(row: ScheduleRow | undefined): MemberSchedules {
  if (!row) return { digest: null, reminder: null, quietHours: null };
  return {
    digest:
      row.digest_weekday !== null && row.digest_time !== null
        ? { weekday: row.digest_weekday as Weekday, time: row.digest_time, enabled: row.digest_enabled, setAt: row.digest_set_at }
        : null,
    reminder: row.reminder_times.length
      ? {
          times: row.reminder_times,
          weekdays: row.reminder_weekdays.map((day) => day as Weekday),
          afterHours: row.reminder_after_hours,
          setAt: row.reminder_set_at,
          snoozedUntil: row.reminder_snoozed_until,
          stopped: row.reminder_stopped_at !== null,
        }
      : null,
    quietHours: row.quiet_start && row.quiet_end ? { start: row.quiet_start, end: row.quiet_end } : null,
  };
}

/** Members' own digest and reminder settings (member_schedules), one row per member, created on first change. */
export function createScheduleStore(dataSource: DataSource): ScheduleStore {
  /** Inserts the member's row with these columns, or updates them; `$3` is the time of the change. */
  async function upsert(organisationId: string, memberId: string, at: Date, columns: Record<string, string>, values: unknown[]): Promise<void> {
    const names = Object.keys(columns);
    const set = names.map((name) => `"${name}" = EXCLUDED."${name}"`);
    await dataSource.query(
      `INSERT INTO member_schedules (organisation_id, member_id, updated_at, ${names.map((n) => `"${n}"`).join(', ')})
       VALUES ($1, $2, $3, ${names.map((n) => columns[n]).join(', ')})
       ON CONFLICT (organisation_id, member_id) DO UPDATE SET updated_at = EXCLUDED.updated_at, ${set.join(', ')}`,
      [organisationId, memberId, at, ...values],
    );
  }

  return {
    async get(organisationId, memberId) {
      const [row] = await dataSource.query<ScheduleRow[]>(
        `SELECT ${SCHEDULE_COLUMNS} FROM member_schedules s WHERE s.organisation_id = $1 AND s.member_id = $2`,
        [organisationId, memberId],
      );
      return toMemberSchedules(row);
    },
    async setDigest(organisationId, memberId, digest, at) {
      if (!digest) {
        await upsert(organisationId, memberId, at, { digest_enabled: 'false', digest_set_at: '$3' }, []);
        return;
      }
      await upsert(
        organisationId,
        memberId,
        at,
        { digest_weekday: '$4::smallint', digest_time: '$5::time', digest_enabled: 'true', digest_set_at: '$3' },
        [digest.weekday, digest.time],
      );
    },
    async setReminder(organisationId, memberId, reminder, at) {
      await upsert(
        organisationId,
        memberId,
        at,
        {
          reminder_times: '$4::time[]',
          reminder_weekdays: '$5::smallint[]',
          reminder_after_hours: '$6::smallint',
          reminder_set_at: '$3',
          reminder_snoozed_until: 'NULL::timestamptz',
          reminder_stopped_at: 'NULL::timestamptz',
        },
        [reminder.times, reminder.weekdays, reminder.afterHours],
      );
    },
    async setQuietHours(organisationId, memberId, quietHours, at) {
      await upsert(
        organisationId,
        memberId,
        at,
        { quiet_start: '$4::time', quiet_end: '$5::time' },
        [quietHours?.start ?? null, quietHours?.end ?? null],
      );
    },
    async snoozeReminders(organisationId, memberId, until, at) {
      await upsert(organisationId, memberId, at, { reminder_snoozed_until: '$4::timestamptz' }, [until]);
    },
    async stopReminders(organisationId, memberId, at) {
      await upsert(organisationId, memberId, at, { reminder_stopped_at: '$3' }, []);
    },
  };
}
