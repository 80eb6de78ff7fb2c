/** Times, weekdays and moments of schedules as the member reads them, in fi, sv or en. */
import { t, type PhraseKey } from '../i18n';
import type { Locale } from '../locale';
import type { Weekday } from '../ports';

const TAGS: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-SE', en: 'en-GB' };

/** "08:00" → "8:00" (en) or "8.00" (fi, sv). */
export function displayTime(time: string, locale: Locale): string {
  const [hours, minutes] = time.split(':');
  return `${Number(hours)}${locale === 'en' ? ':' : '.'}${minutes}`;
}

export function displayTimes(times: string[], locale: Locale): string {
  return times.map((time) => displayTime(time, locale)).join(', ');
}

/** "on Mondays", "maanantaisin", "på måndagar" */
export function everyWeekday(weekday: Weekday, locale: Locale): string {
  return t(locale, `weekdayEvery${weekday}` as PhraseKey);
}

/** "Tue, Thu"; no days means every day. */
export function weekdayList(weekdays: Weekday[], locale: Locale): string {
  if (!weekdays.length) return t(locale, 'everyDay');
  return weekdays.map((day) => t(locale, `weekdayShort${day}` as PhraseKey)).join(', ');
}

/** A moment as a weekday, date and time on the organisation's wall clock: "Thu 19/03, 14:05". */
export function displayMoment(instant: Date, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(TAGS[locale], {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(instant);
}
