import { isAllowed, refusalKey } from '../admin/permissions';
import { t, type PhraseKey } from '../i18n';
import type { Locale } from '../locale';
import type { Reply } from '../messages';
import type { MemberInfo, OrganisationInfo, ScheduleStore, Weekday } from '../ports';
import type { DigestAction, ReminderAction, ScheduleCommand } from './commands';
import { displayMoment, displayTime, displayTimes, everyWeekday, weekdayList } from './format';

export interface ScheduleContext {
  schedules: ScheduleStore;
  organisation: OrganisationInfo;
  member: MemberInfo;
  locale: Locale;
  /** The core's clock: when the change is made, and where a snooze starts. */
  now: Date;
}

const HOUR_MS = 3_600_000;

/** Changes or shows the member's own digest or reminders, and answers in their language. */
export async function handleScheduleCommand(command: ScheduleCommand, ctx: ScheduleContext): Promise<{ replies: Reply[] }> {
  if (!isAllowed(ctx.member.role, command.kind)) return say(ctx.locale, refusalKey(command.kind));
  const text = command.kind === 'digest' ? await digest(command.action, ctx) : await reminders(command.action, ctx);
  return { replies: [{ text, locale: ctx.locale }] };
}

async function digest(action: DigestAction, ctx: ScheduleContext): Promise<string> {
  const { schedules, locale, now } = ctx;
  const [organisationId, memberId] = [ctx.organisation.id, ctx.member.id];
  const when = (slot: { weekday: Weekday; time: string }) => ({
    weekday: everyWeekday(slot.weekday, locale),
    time: displayTime(slot.time, locale),
    timeZone: ctx.organisation.timeZone,
  });
  switch (action.type) {
    case 'set':
      await schedules.setDigest(organisationId, memberId, { weekday: action.weekday, time: action.time }, now);
      return t(locale, 'digestSet', when(action));
    case 'off':
      await schedules.setDigest(organisationId, memberId, null, now);
      return t(locale, 'digestOff');
    case 'show': {
      const current = (await schedules.get(organisationId, memberId)).digest;
      return current?.enabled ? t(locale, 'digestShow', when(current)) : t(locale, 'digestNone');
    }
    case 'usage':
      return t(locale, 'digestUsage');
  }
}

async function reminders(action: ReminderAction, ctx: ScheduleContext): Promise<string> {
  const { schedules, locale, now } = ctx;
  const [organisationId, memberId, timeZone] = [ctx.organisation.id, ctx.member.id, ctx.organisation.timeZone];
  switch (action.type) {
    case 'set':
      await schedules.setReminder(organisationId, memberId, { times: action.times, weekdays: action.weekdays, afterHours: action.afterHours }, now);
      return t(locale, 'reminderSet', { hours: action.afterHours, times: displayTimes(action.times, locale), days: weekdayList(action.weekdays, locale) });
    case 'quiet':
      await schedules.setQuietHours(organisationId, memberId, action.hours, now);
      return action.hours
        ? t(locale, 'quietHoursSet', { start: displayTime(action.hours.start, locale), end: displayTime(action.hours.end, locale) })
        : t(locale, 'quietHoursOff');
    case 'usage':
      return t(locale, 'reminderUsage');
  }
  const current = await schedules.get(organisationId, memberId);
  const reminder = current.reminder;
  if (!reminder) return t(locale, 'reminderNone');
  switch (action.type) {
    case 'snooze': {
      if (reminder.stopped) return t(locale, 'reminderStoppedShow');
      const until = new Date(now.getTime() + action.hours * HOUR_MS);
      await schedules.snoozeReminders(organisationId, memberId, until, now);
      return t(locale, 'reminderSnoozed', { until: displayMoment(until, timeZone, locale) });
    }
    case 'stop':
      if (!reminder.stopped) await schedules.stopReminders(organisationId, memberId, now);
      return t(locale, 'reminderStopped');
    case 'show': {
      if (reminder.stopped) return t(locale, 'reminderStoppedShow');
      const lines = [
        t(locale, 'reminderShow', { hours: reminder.afterHours, times: displayTimes(reminder.times, locale), days: weekdayList(reminder.weekdays, locale) }),
      ];
      if (reminder.snoozedUntil && reminder.snoozedUntil > now) {
        lines.push(t(locale, 'reminderSnoozedShow', { until: displayMoment(reminder.snoozedUntil, timeZone, locale) }));
      }
      if (current.quietHours) {
        const { start, end } = current.quietHours;
        lines.push(t(locale, 'quietHoursShow', { start: displayTime(start, locale), end: displayTime(end, locale) }));
      }
      return lines.join(' ');
    }
  }
}

function say(locale: Locale, key: PhraseKey): { replies: Reply[] } {
  return { replies: [{ text: t(locale, key), locale }] };
}
