/** Calendar arithmetic on ISO dates (YYYY-MM-DD) for report periods; UTC throughout, no time zones. */
import type { Comparison, Period } from './query';

const DAY_MS = 86_400_000;

function toDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

function toIso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function isoOf(year: number, month: number, day: number): string {
  return toIso(new Date(Date.UTC(year, month - 1, day)));
}

export function addDays(iso: string, days: number): string {
  return toIso(new Date(toDate(iso).getTime() + days * DAY_MS));
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The same day N months later (earlier for negative N), clamped to the month's last day. */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return isoOf(year, month, Math.min(d, daysInMonth(year, month)));
}

export function monthStart(iso: string): string {
  return `${iso.slice(0, 7)}-01`;
}

export function monthEnd(iso: string): string {
  const [y, m] = iso.split('-').map(Number);
  return isoOf(y, m, daysInMonth(y, m));
}

export function monthPeriod(year: number, month: number): Period {
  return { from: isoOf(year, month, 1), to: isoOf(year, month, daysInMonth(year, month)) };
}

export function yearPeriod(year: number): Period {
  return { from: isoOf(year, 1, 1), to: isoOf(year, 12, 31) };
}

/** Monday..Sunday of the ISO week that contains the date. */
export function weekOf(iso: string): Period {
  const d = toDate(iso);
  const monday = addDays(iso, -((d.getUTCDay() + 6) % 7));
  return { from: monday, to: addDays(monday, 6) };
}

/** Monday..Sunday of ISO week `week` of ISO year `year`; null when the year has no such week. */
export function isoWeekPeriod(year: number, week: number): Period | null {
  if (week < 1 || week > 53) return null;
  const jan4 = isoOf(year, 1, 4);
  const monday = addDays(weekOf(jan4).from, (week - 1) * 7);
  if (week === 53 && weekOf(isoOf(year, 12, 28)).from < monday) return null;
  return { from: monday, to: addDays(monday, 6) };
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toDate(to).getTime() - toDate(from).getTime()) / DAY_MS);
}

/** True when the period is one or more whole calendar months. */
export function isWholeMonths(p: Period): boolean {
  return p.from.endsWith('-01') && p.to === monthEnd(p.to);
}

/** Whole calendar months from the first month to the last month, inclusive. */
export function monthSpan(p: Period): number {
  const [fy, fm] = p.from.split('-').map(Number);
  const [ty, tm] = p.to.split('-').map(Number);
  return (ty - fy) * 12 + (tm - fm) + 1;
}

/** How far back the comparison lies: whole months when the period is whole months, else days. */
export type Shift = { months: number } | { days: number };

export function comparisonShift(period: Period, comparison: Comparison): Shift | null {
  if (comparison === 'none') return null;
  if (comparison === 'sameLastYear') return { months: 12 };
  if (isWholeMonths(period)) return { months: monthSpan(period) };
  return { days: daysBetween(period.from, period.to) + 1 };
}

export function shiftBack(iso: string, shift: Shift): string {
  return 'months' in shift ? addMonths(iso, -shift.months) : addDays(iso, -shift.days);
}

/** The period cut at `asOf` (the last day with data), so "this year" means the year to date. */
export function clipPeriod(period: Period, asOf: string | null | undefined): Period {
  if (!asOf || period.to <= asOf || period.from > asOf) return period;
  return { from: period.from, to: asOf };
}

/**
 * The comparison period of a query. The shift comes from the nominal period (a year stays a year
 * even when clipped to date); a clipped period is compared with the same stretch of the earlier one.
 */
export function comparisonPeriod(period: Period, comparison: Comparison, asOf?: string | null): Period | null {
  const shift = comparisonShift(period, comparison);
  if (!shift) return null;
  const clipped = clipPeriod(period, asOf);
  const from = shiftBack(period.from, shift);
  const to =
    clipped.to === period.to && 'months' in shift && period.to === monthEnd(period.to)
      ? monthEnd(shiftBack(monthStart(period.to), shift))
      : shiftBack(clipped.to, shift);
  return { from, to };
}

/** The period moved back by whole years (a follow-up such as "and the year before?"). */
export function shiftPeriodYears(period: Period, years: number): Period {
  const to = isWholeMonths(period) ? monthEnd(addMonths(monthStart(period.to), -12 * years)) : addMonths(period.to, -12 * years);
  return { from: addMonths(period.from, -12 * years), to };
}

/** The period just before this one, of the same calendar length ("and the month before?"). */
export function previousPeriod(period: Period): Period {
  const shift = comparisonShift(period, 'previousPeriod') as Shift;
  const to = 'months' in shift ? monthEnd(shiftBack(monthStart(period.to), shift)) : shiftBack(period.to, shift);
  return { from: shiftBack(period.from, shift), to };
}
