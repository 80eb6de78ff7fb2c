/** Numbers, periods and group labels of reports in the user's language. */
import { workFormLabel as logWorkFormLabel } from '../bot/logging/format';
import type { Locale } from '../bot/locale';
import { isWholeMonths, monthSpan } from './period';
import { rt, type ReportPhraseKey } from './phrases';
import { SHARE_METRICS, type GroupBy, type Metric, type Period } from './query';

const TAGS: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-SE', en: 'en-GB' };

/** Intl formatters are slow to make: one per locale and options. */
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(TAGS[locale], options)));
  return format;
}

function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(TAGS[locale], { ...options, timeZone: 'UTC' })));
  return format;
}

export function formatNumber(value: number, locale: Locale, maxDecimals = 0): string {
  return numberFormat(locale, { maximumFractionDigits: maxDecimals }).format(value);
}

/** A metric's value: shares as per cent, hours with one decimal, counts as whole numbers. */
export function formatValue(value: number | null, metric: Metric, locale: Locale): string {
  if (value === null || Number.isNaN(value)) return rt(locale, 'answerNoShare');
  if (SHARE_METRICS.includes(metric)) {
    return numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
  }
  return formatNumber(value, locale, metric === 'hours' ? 1 : 0);
}

const METRIC_KEYS: Record<Metric, ReportPhraseKey> = {
  entries: 'metricEntries',
  participants: 'metricParticipants',
  girls: 'metricGirls',
  boys: 'metricBoys',
  nonBinary: 'metricNonBinary',
  new: 'metricNew',
  hours: 'metricHours',
  youthLedShare: 'metricYouthLedShare',
  girlsShare: 'metricGirlsShare',
};

export const metricLabel = (metric: Metric, locale: Locale): string => rt(locale, METRIC_KEYS[metric]);

const GROUPING_KEYS: Record<Exclude<GroupBy, 'none'> | 'org', [ReportPhraseKey, ReportPhraseKey]> = {
  month: ['byMonth', 'columnMonth'],
  week: ['byWeek', 'columnWeek'],
  unit: ['byUnit', 'columnUnit'],
  activity: ['byActivity', 'columnActivity'],
  workForm: ['byWorkForm', 'columnWorkForm'],
  theme: ['byTheme', 'columnTheme'],
  gender: ['byGender', 'columnGender'],
  org: ['byOrganisation', 'columnOrganisation'],
};

/** "by unit" and the column title "Unit". */
export function groupingLabel(group: Exclude<GroupBy, 'none'> | 'org', locale: Locale): { by: string; column: string } {
  const [by, column] = GROUPING_KEYS[group];
  return { by: rt(locale, by), column: rt(locale, column) };
}

function date(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** "March 2026", "maaliskuu 2026", "2025", "1.–15.3.2026": the shortest clear name of a period. */
export function formatPeriod(period: Period, locale: Locale): string {
  if (isWholeMonths(period)) {
    const span = monthSpan(period);
    if (span === 12 && period.from.endsWith('-01-01')) return period.from.slice(0, 4);
    if (span === 1) return dateFormat(locale, { month: 'long', year: 'numeric' }).format(date(period.from));
  }
  const format = dateFormat(locale, { day: 'numeric', month: 'numeric', year: 'numeric' });
  if (period.from === period.to) return format.format(date(period.from));
  return format.formatRange(date(period.from), date(period.to));
}

/** "2026-03" → "March 2026" (short: "Mar 2026" for chart axes). */
export function monthLabel(key: string, locale: Locale, short = false): string {
  return dateFormat(locale, { month: short ? 'short' : 'long', year: 'numeric' }).format(date(`${key}-01`));
}

/** "2026-W12" → "week 12, 2026". */
export function weekLabel(key: string, locale: Locale): string {
  const m = /^(\d{4})-W(\d{2})$/.exec(key);
  return m ? rt(locale, 'week', { week: Number(m[2]), year: m[1] }) : key;
}

export function workFormLabel(key: string | null, locale: Locale): string {
  return key === null ? rt(locale, 'noWorkForm') : logWorkFormLabel(key, locale);
}

const GENDER_KEYS: Record<string, ReportPhraseKey> = { girls: 'genderGirls', boys: 'genderBoys', nonBinary: 'genderNonBinary' };

export function genderLabel(key: string | null, locale: Locale): string {
  return key && GENDER_KEYS[key] ? rt(locale, GENDER_KEYS[key]) : rt(locale, 'unknown');
}
