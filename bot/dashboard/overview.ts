/** The overview: key figures, participants by month, top themes and goals for a period and unit, and its chart. */
import { renderReportChart } from '../../reports/chart';
import { goalStatusLine } from '../../reports/goal-status';
import { coversOnePer } from '../../reports/goals';
import { addMonths, clipPeriod, monthStart } from '../../reports/period';
import { METRICS, reportQuery, SHARE_METRICS, type GroupBy, type Metric, type Period } from '../../reports/query';
import { isAllowed } from '../admin/permissions';
import type { ReportStore, ReportUnitScope } from '../ports';
import { visibleScope } from '../reports/scope';
import { param, readPeriod, readUnit, type QueryInput } from './params';
import { failure, forbidden, ok, type DashboardAsker, type DashboardResult } from './result';

const TOP_THEMES = 5;

export interface OverviewView {
  /** The period asked for; figures count entries up to today. */
  period: Period;
  figures: Record<Metric, number | null>;
  byMonth: { month: string; participants: number }[];
  topThemes: { key: string; label: string; entries: number }[];
  /** The status of the goals over the period, one line each, in the asker's language. */
  goals: string[];
  /** The chart's filters, for the adapter's chart URL. */
  chartFilters: { from: string; to: string; unit: string | null; metric: Metric };
}

/** What the overview and its chart are about, checked: the period and unit within what the asker may see. */
interface Subject {
  period: Period;
  unitId: string | null;
  scope: ReportUnitScope;
}

export async function overview(reports: ReportStore, asker: DashboardAsker, input: QueryInput): Promise<DashboardResult<OverviewView>> {
  const subject = await readSubject(reports, asker, input);
  if (!subject.ok) return subject;
  const { period, unitId, scope } = subject.value;
  const run = (query: OverviewQuery) => runQuery(reports, asker, subject.value, query);

  const figures = {} as Record<Metric, number | null>;
  for (const metric of METRICS) figures[metric] = (await run({ metric })).rows[0]?.value ?? (SHARE_METRICS.includes(metric) ? null : 0);

  const monthly = await run({ metric: 'participants', groupBy: 'month' });
  const byKey = new Map(monthly.rows.map((row) => [row.keys[0], row.value ?? 0]));
  const byMonth = monthsOf(clipPeriod(period, asker.today)).map((month) => ({ month, participants: byKey.get(month) ?? 0 }));

  const themes = await run({ metric: 'entries', groupBy: 'theme', limit: TOP_THEMES });
  const topThemes = themes.rows.map((row) => ({ key: row.keys[0] ?? '', label: row.labels[0], entries: row.value ?? 0 }));

  const organisationId = asker.viewer.organisation.id;
  const progress = await reports.goals(organisationId, scope, period, asker.today);
  const goals = progress
    .filter((p) => (unitId ? p.goal.unitId === unitId : true) && p.period.from <= asker.today && coversOnePer(p.period, p.goal.per))
    .map((p) => goalStatusLine(p, asker.locale));

  return ok({ period, figures, byMonth, topThemes, goals, chartFilters: { from: period.from, to: period.to, unit: unitId, metric: 'participants' } });
}

/** The chart of a metric by month (participants unless `metric` names another), as a PNG in the asker's language. */
export async function overviewChart(reports: ReportStore, asker: DashboardAsker, input: QueryInput): Promise<DashboardResult<Uint8Array>> {
  const subject = await readSubject(reports, asker, input);
  if (!subject.ok) return subject;
  const metric = param(input, 'metric') ?? 'participants';
  if (!(METRICS as readonly string[]).includes(metric)) return failure('invalid', asker.locale, 'dashboardInvalidField', { field: 'metric' });
  const result = await runQuery(reports, asker, subject.value, { metric: metric as Metric, groupBy: 'month', chart: 'line' });
  return ok(renderReportChart(result, asker.locale).png);
}

async function readSubject(reports: ReportStore, asker: DashboardAsker, input: QueryInput): Promise<DashboardResult<Subject>> {
  const { member, organisation } = asker.viewer;
  if (!isAllowed(member.role, 'report')) return forbidden(asker.locale, 'report');
  const period = readPeriod(input, asker);
  if (!period.ok) return period;
  const scope = await visibleScope({ reports, organisationId: organisation.id, member });
  const unit = await readUnit(input, asker, reports, scope);
  if (!unit.ok) return unit;
  return ok({ period: period.value, unitId: unit.value, scope });
}

/** One report query of the overview, over the subject's period and unit. */
interface OverviewQuery {
  metric: Metric;
  groupBy?: GroupBy;
  limit?: number;
  chart?: 'line';
}

function runQuery(reports: ReportStore, asker: DashboardAsker, subject: Subject, query: OverviewQuery) {
  const validated = reportQuery({ ...query, filters: { period: subject.period, unitIds: subject.unitId ? [subject.unitId] : [] } });
  return reports.run(asker.viewer.organisation.id, subject.scope, validated, { asOf: asker.today, locale: asker.locale });
}

/** 'YYYY-MM' of every month the period touches. */
function monthsOf(period: Period): string[] {
  const months: string[] = [];
  for (let month = monthStart(period.from); month <= period.to && months.length < 240; month = addMonths(month, 1)) months.push(month.slice(0, 7));
  return months;
}
