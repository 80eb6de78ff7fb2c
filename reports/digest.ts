/**
 * The weekly digest: the last 7 days (before today) within the units a member may see — entries and
 * participants against the 7 days before, both by unit, and the summary paragraph of the notes with the
 * top themes — as one reply with a card, in the member's language. Read through the report engine.
 */
import { t } from '../bot/i18n';
import type { Locale } from '../bot/locale';
import type { Card, Reply } from '../bot/messages';
import { formatChange } from './answer';
import { loadReportCatalogue } from './catalogue';
import { formatNumber, formatPeriod, metricLabel } from './format';
import { addDays } from './period';
import { rt } from './phrases';
import { reportQuery, type Metric, type Period } from './query';
import { runReport, type ReportDb, type ReportResult } from './run';
import type { ReportScope } from './sql';
import { fetchPeriodNotes, summariseNotes } from './summary';

export interface DigestNumbers {
  entries: number;
  participants: number;
  /** The 7 days before the period. */
  before: { entries: number; participants: number };
  /** Units with entries in the period, most entries first. */
  units: { name: string; entries: number; participants: number }[];
  topThemes: { label: string; count: number }[];
}

export interface Digest {
  period: Period;
  numbers: DigestNumbers;
  reply: Reply;
}

/** Units named in the text and the card; the rest are counted in the totals. */
const MAX_UNITS = 8;

/** The digest of `day` (YYYY-MM-DD, usually today): the 7 days before it. */
export async function buildDigest(db: ReportDb, scope: ReportScope, options: { day: string; locale: Locale }): Promise<Digest> {
  const { day, locale } = options;
  const period: Period = { from: addDays(day, -7), to: addDays(day, -1) };
  const byUnit = (metric: Metric) =>
    runReport(db, reportQuery({ metric, filters: { period }, groupBy: 'unit', comparison: 'previousPeriod' }), scope, { asOf: day, locale });
  const entries = await byUnit('entries');
  const participants = await byUnit('participants');
  const catalogue = await loadReportCatalogue(db, scope.organisationId);
  const notes = await fetchPeriodNotes(db, reportQuery({ metric: 'entries', filters: { period } }), scope, { asOf: day });
  const summary = summariseNotes(notes, { locale, themes: catalogue.themes });

  const participantsByUnit = new Map(participants.rows.map((row) => [row.keys[0], row.value ?? 0]));
  const numbers: DigestNumbers = {
    entries: total(entries),
    participants: total(participants),
    before: { entries: total(entries, true), participants: total(participants, true) },
    units: entries.rows
      .filter((row) => (row.value ?? 0) > 0)
      .map((row) => ({ name: row.labels[0], entries: row.value ?? 0, participants: participantsByUnit.get(row.keys[0]) ?? 0 })),
    topThemes: summary.topThemes.map((theme) => ({ label: theme.label, count: theme.count })),
  };

  const periodText = formatPeriod(period, locale);
  const title = t(locale, 'digestTitle', { period: periodText });
  const n = (value: number) => formatNumber(value, locale);
  if (!numbers.entries) {
    const text = `${title}\n${t(locale, 'digestNoEntries', { period: periodText })}`;
    return { period, numbers, reply: { text, card: { title, facts: [], buttons: [] }, locale } };
  }
  const shown = numbers.units.slice(0, MAX_UNITS);
  const more = numbers.units.length - shown.length;
  const unitList = [...shown.map((u) => `${u.name} ${n(u.entries)} / ${n(u.participants)}`), ...(more > 0 ? [rt(locale, 'answerMore', { count: more })] : [])];
  const lines = [
    title,
    `${t(locale, 'digestTotals', { entries: n(numbers.entries), participants: n(numbers.participants) })} ${t(locale, 'digestBefore', {
      entries: n(numbers.before.entries),
      participants: n(numbers.before.participants),
    })}`,
    t(locale, 'digestUnits', { units: unitList.join(', ') }),
    summary.text,
  ];
  const withChange = (value: number, before: number, metric: Metric) => {
    const change = formatChange(value, before, metric, locale);
    return change ? `${n(value)} (${change})` : n(value);
  };
  const card: Card = {
    title,
    facts: [
      { label: metricLabel('entries', locale), value: withChange(numbers.entries, numbers.before.entries, 'entries') },
      { label: metricLabel('participants', locale), value: withChange(numbers.participants, numbers.before.participants, 'participants') },
      { label: t(locale, 'digestFactUnits'), value: `${metricLabel('entries', locale)} / ${metricLabel('participants', locale)}` },
      ...shown.map((u) => ({ label: u.name, value: `${n(u.entries)} / ${n(u.participants)}` })),
      ...(numbers.topThemes.length
        ? [{ label: t(locale, 'digestFactThemes'), value: numbers.topThemes.map((theme) => `${theme.label} (${n(theme.count)})`).join(', ') }]
        : []),
    ],
    buttons: [],
  };
  return { period, numbers, reply: { text: lines.join('\n'), card, locale } };
}

/** The result's total over all units, of the period or of the one compared with. */
function total(result: ReportResult, comparison = false): number {
  const row = result.total;
  return (comparison ? row?.comparisonValue : row?.value) ?? 0;
}
