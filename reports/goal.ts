/**
 * A mentor's goal ("good enough" target) for the organisation or one unit: a metric, at least or at most a
 * target. Shares (0..1) are measured over the whole period; counts as an average per month or per week.
 */
import { SHARE_METRICS, type Metric } from './query';

export const GOAL_COMPARATORS = ['atLeast', 'atMost'] as const;
export type GoalComparator = (typeof GOAL_COMPARATORS)[number];

export const GOAL_PERS = ['period', 'month', 'week'] as const;
export type GoalPer = (typeof GOAL_PERS)[number];

/** A goal as a mentor sets it; the unit by name (null: the whole organisation). */
export interface GoalSpec {
  unit: string | null;
  metric: Metric;
  comparator: GoalComparator;
  /** Shares as a fraction (0.4 for 40 %), counts per month or week. */
  target: number;
  per: GoalPer;
}

/** A stored goal. */
export interface Goal {
  id: string;
  unitId: string | null;
  unitName: string | null;
  metric: Metric;
  comparator: GoalComparator;
  target: number;
  per: GoalPer;
}

/** Which goal a mentor names when removing: a metric, optionally of one unit and per month or week. */
export interface GoalSelector {
  unit: string | null;
  metric: Metric;
  per: GoalPer | null;
}

export const isShareMetric = (metric: Metric): boolean => SHARE_METRICS.includes(metric);

/** What a goal is measured over: shares over the period; counts per month unless per week is asked. */
export function goalPer(metric: Metric, per: GoalPer | null): GoalPer {
  if (isShareMetric(metric)) return 'period';
  return per === 'week' ? 'week' : 'month';
}

/** The order goals are listed in: shares first, then the counts most goals are about. */
const METRIC_ORDER: readonly Metric[] = ['girlsShare', 'youthLedShare', 'participants', 'new', 'hours', 'entries', 'girls', 'boys', 'nonBinary'];

/** Goals in a stable order: the organisation's first, then by unit, metric and per. */
export function compareGoals(a: Goal, b: Goal): number {
  if ((a.unitName === null) !== (b.unitName === null)) return a.unitName === null ? -1 : 1;
  return (
    (a.unitName ?? '').localeCompare(b.unitName ?? '') ||
    METRIC_ORDER.indexOf(a.metric) - METRIC_ORDER.indexOf(b.metric) ||
    GOAL_PERS.indexOf(a.per) - GOAL_PERS.indexOf(b.per)
  );
}
