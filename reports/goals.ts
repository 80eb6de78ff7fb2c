/**
 * How far each goal is met over a period, through the report engine: a share over the whole period, or a
 * count grouped by month or week and averaged per month or week. Months and weeks are counted by the days
 * the period covers (cut at asOf), so the running month counts as the part of it that has passed, and a
 * month without entries counts as zero.
 */
import type { Metric, Period } from './query';
import { reportQuery } from './query';
import { addDays, clipPeriod, daysBetween, daysInMonth, monthEnd, monthStart } from './period';
import { runReport, type ReportDb } from './run';
import { compareGoals, GOAL_COMPARATORS, GOAL_PERS, type Goal, type GoalPer } from './goal';

export interface GoalScope {
  organisationId: string;
  /** The units the asker may see; null: all of the organisation's. */
  unitIds: string[] | null;
}

export interface GoalProgress {
  goal: Goal;
  /** The period measured: the asked one, cut at asOf. */
  period: Period;
  /** The share over the period, or the average per month or week; null when there is nothing to measure yet. */
  actual: number | null;
  met: boolean | null;
  /** actual / target; null when either is missing or the target is 0. */
  ratio: number | null;
  /** How many months or weeks the average is over (fractions for parts of them); 1 for shares. */
  units: number;
  /** The value of each month or week that has entries ('YYYY-MM' or 'YYYY-Www'); empty for shares. */
  breakdown: { key: string; value: number }[];
  /** True when an organisation-wide goal is measured only within the asker's units. */
  scoped: boolean;
}

export interface GoalRow {
  id: string;
  unit_id: string | null;
  unit_name: string | null;
  metric: Metric;
  comparator: Goal['comparator'];
  target: string | number;
  per: GoalPer;
}

/** The organisation's goals, with their units' names, in listing order. */
export async function loadGoals(db: ReportDb, organisationId: string): Promise<Goal[]> {
  const rows = (await db.query(
    `SELECT g.id::text AS id, g.unit_id::text AS unit_id, u.name AS unit_name, g.metric, g.comparator, g.target, g.per
       FROM goals g
       LEFT JOIN units u ON u.organisation_id = g.organisation_id AND u.id = g.unit_id
      WHERE g.organisation_id = $1`,
    [organisationId],
  )) as GoalRow[];
  return rows.map(toGoal).sort(compareGoals);
}

export function toGoal(row: GoalRow): Goal {
  if (!GOAL_COMPARATORS.includes(row.comparator) || !GOAL_PERS.includes(row.per)) throw new Error(`goal ${row.id} is malformed`);
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    metric: row.metric,
    comparator: row.comparator,
    target: Number(row.target),
    per: row.per,
  };
}

/**
 * The progress of the organisation's goals over a period, within the units the asker may see: a goal of a
 * unit outside them is left out. `only.metrics` keeps the goals of those metrics.
 */
export async function goalProgress(
  db: ReportDb,
  scope: GoalScope,
  period: Period,
  asOf: string,
  only: { metrics?: Metric[] } = {},
): Promise<GoalProgress[]> {
  const goals = (await loadGoals(db, scope.organisationId)).filter(
    (goal) =>
      (!only.metrics || only.metrics.includes(goal.metric)) &&
      (goal.unitId === null || scope.unitIds === null || scope.unitIds.includes(goal.unitId)),
  );
  const out: GoalProgress[] = [];
  for (const goal of goals) out.push(await measure(db, scope, goal, period, asOf));
  return out;
}

async function measure(db: ReportDb, scope: GoalScope, goal: Goal, period: Period, asOf: string): Promise<GoalProgress> {
  const query = reportQuery({
    metric: goal.metric,
    filters: { period, unitIds: goal.unitId ? [goal.unitId] : [] },
    groupBy: goal.per === 'period' ? 'none' : goal.per,
  });
  const result = await runReport(db, query, { organisationId: scope.organisationId, unitIds: scope.unitIds }, { asOf });
  const measured = clipPeriod(period, asOf);
  const scoped = goal.unitId === null && scope.unitIds !== null;
  const notYet = measured.from > asOf;
  if (goal.per === 'period') {
    const value = notYet ? null : (result.rows[0]?.value ?? null);
    return progress(goal, measured, value, 1, [], scoped);
  }
  const breakdown = result.rows
    .filter((row) => row.keys[0] !== null && row.value !== null)
    .map((row) => ({ key: row.keys[0] as string, value: row.value as number }));
  const total = result.total?.value ?? breakdown.reduce((sum, row) => sum + row.value, 0);
  const units = periodUnits(measured, goal.per);
  return progress(goal, measured, notYet || units <= 0 ? null : total / units, units, breakdown, scoped);
}

function progress(goal: Goal, period: Period, actual: number | null, units: number, breakdown: GoalProgress['breakdown'], scoped: boolean): GoalProgress {
  const met = actual === null ? null : goal.comparator === 'atLeast' ? actual >= goal.target : actual <= goal.target;
  const ratio = actual === null || goal.target === 0 ? null : actual / goal.target;
  return { goal, period, actual, met, ratio, units, breakdown, scoped };
}

/** How many months or weeks a period covers, counting a part of a month by its days; 1 for 'period'. */
export function periodUnits(period: Period, per: GoalPer): number {
  if (per === 'period') return 1;
  const days = daysBetween(period.from, period.to) + 1;
  if (per === 'week') return days / 7;
  let months = 0;
  for (let start = period.from; start <= period.to; start = addDays(monthEnd(start), 1)) {
    const end = monthEnd(start) < period.to ? monthEnd(start) : period.to;
    const [year, month] = monthStart(start).split('-').map(Number);
    months += (daysBetween(start, end) + 1) / daysInMonth(year, month);
  }
  return months;
}

/** True when the period is at least one whole month or week long, so a per-month or per-week average says something. */
export function coversOnePer(period: Period, per: GoalPer): boolean {
  if (per === 'period') return true;
  const days = daysBetween(period.from, period.to) + 1;
  return per === 'week' ? days >= 7 : days >= 28;
}
