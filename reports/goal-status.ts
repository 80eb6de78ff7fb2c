/** Goals and their progress as short lines in the reader's language. */
import { t } from '../bot/i18n';
import type { Locale } from '../bot/locale';
import { formatNumber, formatValue, metricLabel } from './format';
import { isShareMetric, type Goal } from './goal';
import type { GoalProgress } from './goals';
import type { Metric } from './query';

/** "Share of girls", "Participants per month", "Kallio: New participants per week". */
export function goalLabel(goal: Pick<Goal, 'metric' | 'per' | 'unitName'>, locale: Locale): string {
  const metric = metricLabel(goal.metric, locale);
  const label = goal.per === 'month' ? t(locale, 'goalPerMonth', { metric }) : goal.per === 'week' ? t(locale, 'goalPerWeek', { metric }) : metric;
  return goal.unitName ? t(locale, 'goalOfUnit', { unit: goal.unitName, label }) : label;
}

/** "at least 40 %", "at most 20". */
export function goalTarget(goal: Pick<Goal, 'metric' | 'comparator' | 'target'>, locale: Locale): string {
  const value = goalValue(goal.target, goal.metric, locale);
  return t(locale, goal.comparator === 'atLeast' ? 'goalAtLeast' : 'goalAtMost', { value });
}

/** "Share of girls — at least 40 %". */
export function goalDescription(goal: Goal, locale: Locale): string {
  return `${goalLabel(goal, locale)} — ${goalTarget(goal, locale)}`;
}

/** "• Share of girls — at least 40 %", a line of the mentors' list. */
export function goalListLine(goal: Goal, locale: Locale): string {
  return t(locale, 'goalListLine', { label: goalLabel(goal, locale), target: goalTarget(goal, locale) });
}

/**
 * "Share of girls 43 % (target at least 40 %) ✓", "Participants per month 270 (target at least 300) — 90 % of
 * target", "Share of girls 35 % (target at least 40 %) — 5 percentage points short".
 */
export function goalStatusLine(progress: GoalProgress, locale: Locale): string {
  return statusLine(progress, goalLabel(progress.goal, locale), locale);
}

/** The goal's label and its status without it ("43 % (target at least 40 %) ✓"), e.g. for a card's facts. */
export function goalStatusParts(progress: GoalProgress, locale: Locale): { label: string; status: string } {
  const status = statusLine(progress, '', locale).replace(/^[\s:]+/u, '');
  return { label: goalLabel(progress.goal, locale), status };
}

function statusLine(progress: GoalProgress, label: string, locale: Locale): string {
  const { goal, actual, met, ratio } = progress;
  const target = goalTarget(goal, locale);
  let line: string;
  if (actual === null) line = t(locale, 'goalStatusNoData', { label, target });
  else {
    const params = { label, target, actual: goalValue(actual, goal.metric, locale) };
    if (met) line = t(locale, 'goalStatusMet', params);
    else if (isShareMetric(goal.metric)) {
      const points = formatNumber(Math.abs(actual - goal.target) * 100, locale, 1);
      line = t(locale, goal.comparator === 'atLeast' ? 'goalStatusShareBelow' : 'goalStatusShareAbove', { ...params, points });
    } else if (ratio !== null) line = t(locale, 'goalStatusRatio', { ...params, ratio: formatValue(ratio, 'girlsShare', locale) });
    else line = t(locale, 'goalStatusMissed', params);
  }
  return progress.scoped ? t(locale, 'goalInYourUnits', { line }) : line;
}

/** A share as per cent; an average count whole, or with one decimal when small (hours always with one). */
function goalValue(value: number, metric: Metric, locale: Locale): string {
  if (isShareMetric(metric)) return formatValue(value, metric, locale);
  return formatNumber(value, locale, metric === 'hours' || Math.abs(value) < 10 ? 1 : 0);
}
