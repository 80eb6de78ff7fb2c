/** A report's result as a short text with the numbers and a table a card can render, in fi, sv or en. */
import type { Locale } from '../bot/locale';
import { formatNumber, formatPeriod, formatValue, groupingLabel, metricLabel } from './format';
import { rt } from './phrases';
import { SHARE_METRICS, type Metric } from './query';
import type { ReportResult, ReportRow } from './run';

export interface ReportTable {
  columns: string[];
  rows: string[][];
}

export interface ReportAnswer {
  title: string;
  text: string;
  table: ReportTable;
}

/** How many groups the text names before it points to the table. */
const TEXT_ROWS = 5;

/** "+12 %" for counts (or "+5" when there was nothing before), "+3,5 pp" for shares. */
export function formatChange(value: number | null, before: number | null, metric: Metric, locale: Locale): string | null {
  if (value === null || before === null) return null;
  const sign = (n: number) => (n > 0 ? '+' : n < 0 ? '−' : '±');
  if (SHARE_METRICS.includes(metric)) {
    const points = (value - before) * 100;
    return `${sign(points)}${rt(locale, 'percentagePoints', { value: formatNumber(Math.abs(points), locale, 1) })}`;
  }
  if (before === 0) return value === 0 ? '±0' : `${sign(value)}${formatNumber(Math.abs(value), locale, metric === 'hours' ? 1 : 0)}`;
  const percent = ((value - before) / before) * 100;
  return `${sign(percent)}${formatNumber(Math.abs(percent), locale, Math.abs(percent) < 10 ? 1 : 0)} %`;
}

function valueText(row: ReportRow, metric: Metric, locale: Locale, comparison = false): string {
  const value = comparison ? row.comparisonValue : row.value;
  const text = formatValue(value, metric, locale);
  const num = comparison ? row.comparisonNum : row.num;
  const den = comparison ? row.comparisonDen : row.den;
  if (!SHARE_METRICS.includes(metric) || value === null || num === null || den === null) return text;
  return `${text} (${rt(locale, 'answerShareOf', { num: formatNumber(num, locale), den: formatNumber(den, locale) })})`;
}

export function reportTitle(result: ReportResult, locale: Locale): string {
  const grouping = result.dimensions.map((d) => groupingLabel(d, locale).by).join(', ');
  return `${[metricLabel(result.query.metric, locale), grouping].filter(Boolean).join(' ')}, ${formatPeriod(result.period, locale)}`;
}

export function answerReport(result: ReportResult, locale: Locale): ReportAnswer {
  const { query } = result;
  const metric = query.metric;
  const period = formatPeriod(result.period, locale);
  const comparePeriod = result.comparisonPeriod ? formatPeriod(result.comparisonPeriod, locale) : null;
  const title = reportTitle(result, locale);
  const sentences: string[] = [];

  if (!result.rows.length) sentences.push(rt(locale, 'answerNoData', { period }));
  else if (!result.dimensions.length) {
    const row = result.rows[0];
    sentences.push(rt(locale, 'answerOne', { metric: metricLabel(metric, locale), period, value: valueText(row, metric, locale) }));
    if (comparePeriod) sentences.push(comparisonSentence(row, metric, comparePeriod, locale));
  } else {
    const named = result.rows.slice(0, TEXT_ROWS).map((row) => `${row.labels.join(' / ')} ${valueText(row, metric, locale)}`);
    const more = result.rows.length - TEXT_ROWS;
    if (more > 0) named.push(rt(locale, 'answerMore', { count: more }));
    const grouping = result.dimensions.map((d) => groupingLabel(d, locale).by).join(', ');
    sentences.push(rt(locale, 'answerGrouped', { metric: metricLabel(metric, locale), grouping, period, top: named.join(', ') }));
    if (result.total) {
      sentences.push(rt(locale, 'answerTotal', { value: valueText(result.total, metric, locale) }));
      if (comparePeriod) sentences.push(comparisonSentence(result.total, metric, comparePeriod, locale));
    }
  }
  const capitalised = sentences.map((s) => s.charAt(0).toLocaleUpperCase(locale) + s.slice(1));
  return { title, text: capitalised.join(' '), table: reportTable(result, locale) };
}

function comparisonSentence(row: ReportRow, metric: Metric, comparePeriod: string, locale: Locale): string {
  return rt(locale, 'answerComparison', {
    period: comparePeriod,
    value: valueText(row, metric, locale, true),
    change: formatChange(row.value, row.comparisonValue, metric, locale) ?? rt(locale, 'answerNoShare'),
  });
}

/** Columns: the groupings, the value (per period when compared) and the change. */
export function reportTable(result: ReportResult, locale: Locale): ReportTable {
  const metric = result.query.metric;
  const compared = result.comparisonPeriod !== null;
  const columns = result.dimensions.map((d) => groupingLabel(d, locale).column);
  if (compared) {
    columns.push(formatPeriod(result.period, locale), formatPeriod(result.comparisonPeriod!, locale), rt(locale, 'columnChange'));
  } else {
    columns.push(metricLabel(metric, locale));
  }
  const cells = (row: ReportRow, labels: string[]): string[] => [
    ...labels,
    valueText(row, metric, locale),
    ...(compared ? [valueText(row, metric, locale, true), formatChange(row.value, row.comparisonValue, metric, locale) ?? ''] : []),
  ];
  const rows = result.rows.map((row) => cells(row, result.dimensions.length ? row.labels : []));
  if (result.total && result.dimensions.length) {
    rows.push(cells(result.total, result.dimensions.map((_, i) => (i === 0 ? rt(locale, 'total') : ''))));
  }
  return { columns, rows };
}
