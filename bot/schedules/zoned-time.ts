/** Wall-clock dates and times in an IANA time zone, for schedules ("Mondays at 8:00, Helsinki time"). */
import type { Weekday } from '../ports';

const DAY_MS = 86_400_000;

/** What a clock on the wall in the time zone shows at an instant. */
export interface WallClock {
  /** YYYY-MM-DD */
  date: string;
  weekday: Weekday;
  /** Minutes after midnight. */
  minutes: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** The wall clock of the instant as if it were UTC (milliseconds), seconds included. */
function wallAsUtc(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of partsFormat(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
}

export function wallClock(instant: Date, timeZone: string): WallClock {
  const wall = new Date(wallAsUtc(instant.getTime(), timeZone));
  return {
    date: wall.toISOString().slice(0, 10),
    weekday: weekdayOf(wall.toISOString().slice(0, 10)),
    minutes: wall.getUTCHours() * 60 + wall.getUTCMinutes(),
  };
}

/** The instant when the wall clock in the time zone shows this date and time ("HH:MM"); a time skipped by DST moves on. */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  const wall = Date.UTC(year, month - 1, day) + minutesOf(time) * 60_000;
  const offset = (instant: number) => wallAsUtc(instant, timeZone) - Math.floor(instant / 1000) * 1000;
  let guess = wall - offset(wall);
  const corrected = wall - offset(guess);
  if (corrected !== guess) guess = corrected;
  return new Date(guess);
}

export function weekdayOf(date: string): Weekday {
  return ((((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1) as Weekday);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** "2026-W12": the ISO week (and its year) of a date. */
export function isoWeekKey(date: string): string {
  const thursday = addDays(date, 4 - weekdayOf(date));
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((Date.parse(`${thursday}T00:00:00Z`) - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** "18:30" → 1110 */
export function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/** Whether the minute of the day lies in [start, end), which may span midnight. */
export function isWithin(minutes: number, start: string, end: string): boolean {
  const from = minutesOf(start);
  const to = minutesOf(end);
  return from <= to ? minutes >= from && minutes < to : minutes >= from || minutes < to;
}
