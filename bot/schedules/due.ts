/** When a digest or a reminder is due: pure functions of the settings, the instant and the organisation's time zone. */
import type { DigestSchedule, MemberSchedules } from '../ports';
import { addDays, isoWeekKey, isWithin, wallClock, weekdayOf, zonedInstant } from './zoned-time';

const HOUR_MS = 3_600_000;
/** A reminder not sent within a day of its due time (service down, quiet hours, snooze) is dropped. */
const REMINDER_WINDOW_MS = 24 * HOUR_MS;

export interface DueDigest {
  /** The ISO week, the key of the send log. */
  periodKey: string;
  /** The digest's day in the organisation (its weekday this week): it covers the 7 days before, even when sent late. */
  day: string;
}

export interface DueReminder {
  /** The session's local start, "2026-03-17T18:00", the key of the send log. */
  periodKey: string;
  sessionStart: Date;
}

/** This week's digest once its weekday and time have passed in the time zone, unless the slot passed before it was set. */
export function dueDigest(digest: DigestSchedule | null, now: Date, timeZone: string): DueDigest | null {
  if (!digest?.enabled) return null;
  const clock = wallClock(now, timeZone);
  const slotDate = addDays(clock.date, digest.weekday - clock.weekday);
  const slot = zonedInstant(slotDate, digest.time, timeZone);
  if (slot > now || (digest.setAt && slot < digest.setAt)) return null;
  return { periodKey: isoWeekKey(slotDate), day: slotDate };
}

/**
 * The latest session whose reminder is due: its start plus `afterHours` has passed (within a day), not before
 * the reminder was set or while it was snoozed; none while stopped, snoozed or in quiet hours (the reminder
 * then comes when the quiet hours end). Whether the member has logged since is for the caller to check.
 */
export function dueReminder(schedules: MemberSchedules, now: Date, timeZone: string): DueReminder | null {
  const reminder = schedules.reminder;
  if (!reminder || reminder.stopped) return null;
  if (reminder.snoozedUntil && now < reminder.snoozedUntil) return null;
  const clock = wallClock(now, timeZone);
  if (schedules.quietHours && isWithin(clock.minutes, schedules.quietHours.start, schedules.quietHours.end)) return null;
  const notBefore = Math.max(reminder.setAt?.getTime() ?? -Infinity, reminder.snoozedUntil?.getTime() ?? -Infinity);
  let latest: DueReminder | null = null;
  for (let daysBack = 0; daysBack <= 2; daysBack++) {
    const date = addDays(clock.date, -daysBack);
    if (reminder.weekdays.length && !reminder.weekdays.includes(weekdayOf(date))) continue;
    for (const time of reminder.times) {
      const sessionStart = zonedInstant(date, time, timeZone);
      const due = sessionStart.getTime() + reminder.afterHours * HOUR_MS;
      if (due > now.getTime() || now.getTime() - due > REMINDER_WINDOW_MS || due < notBefore) continue;
      if (!latest || sessionStart > latest.sessionStart) latest = { periodKey: `${date}T${time}`, sessionStart };
    }
  }
  return latest;
}
