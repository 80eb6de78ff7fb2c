/**
 * A ReportQuery as one parameterised SQL statement.
 *
 * Reads: whole months from the monthly rollups (entry_rollups, entry_theme_rollups; kept exact by
 * triggers, see the report-rollups migration), the days around them and everything the rollups cannot
 * answer (weeks, several themes at once) from entries through the (organisation_id, date) index.
 * Every part is scoped to `organisation_id = $1` and, when the asker sees only some units, to those.
 * Soft-deleted entries (deleted_at set) never count.
 *
 * Metrics: participants = sum of total; hours = sum of duration_minutes / 60; girlsShare = girls / total
 * over entries that give both; youthLedShare = youth-led entries / entries whose youth_led is known
 * (not null), so entries that leave it open neither raise nor lower the share.
 *
 * Result columns: k1, k2 (group keys as text, null when not grouped or unknown), total_row (1 on the
 * row over all groups), value, cmp_value, num, den, cmp_num, cmp_den (shares' parts; num = value for
 * counts). The national variant adds org_id as the first key.
 */
import { clipPeriod, comparisonPeriod, comparisonShift, monthEnd, monthStart, addDays, addMonths, type Shift } from './period';
import { groupings, SHARE_METRICS, type GroupBy, type Period, type ReportQuery } from './query';

export interface ReportScope {
  organisationId: string;
  /** The units the asker may see; null or absent: all of the organisation's. */
  unitIds?: string[] | null;
}

export interface SqlOptions {
  /** The last day with data (today): a period reaching past it is compared to date. */
  asOf?: string | null;
}

export type SourceKind = 'rollup' | 'entries';

export interface ReportSql {
  text: string;
  params: unknown[];
  period: Period;
  comparisonPeriod: Period | null;
  /** What each period reads, for tests and EXPLAIN. */
  sources: SourceKind[];
}

class Params {
  readonly values: unknown[] = [];
  private readonly seen = new Map<string, string>();

  add(value: unknown, cast: string): string {
    const key = `${cast}:${JSON.stringify(value)}`;
    let ref = this.seen.get(key);
    if (!ref) {
      this.values.push(value);
      ref = `$${this.values.length}::${cast}`;
      this.seen.set(key, ref);
    }
    return ref;
  }
}

/** Per-entry values; the rollups hold their sums under the same names. */
const ENTRY_MEASURES: [string, string][] = [
  ['entries', '1'],
  ['total', 'e.total'],
  ['girls', 'e.girls'],
  ['boys', 'e.boys'],
  ['non_binary', 'e.non_binary'],
  ['new_participants', 'e.new_participants'],
  ['duration_minutes', 'e.duration_minutes'],
  ['share_girls', 'CASE WHEN e.girls IS NOT NULL AND e.total IS NOT NULL THEN e.girls END'],
  ['share_total', 'CASE WHEN e.girls IS NOT NULL AND e.total IS NOT NULL THEN e.total END'],
  ['youth_led', 'CASE WHEN e.youth_led THEN 1 ELSE 0 END'],
  ['youth_led_known', 'CASE WHEN e.youth_led IS NOT NULL THEN 1 ELSE 0 END'],
];

/** Numerator and denominator of each metric over the source rows `s` (g.n for gender rows). */
function metricParts(query: ReportQuery, gender: boolean): { num: string; den: string | null } {
  switch (query.metric) {
    case 'entries':
      return { num: 's.entries', den: null };
    case 'participants':
      return { num: gender ? 'g.n' : 's.total', den: null };
    case 'girls':
      return { num: 's.girls', den: null };
    case 'boys':
      return { num: 's.boys', den: null };
    case 'nonBinary':
      return { num: 's.non_binary', den: null };
    case 'new':
      return { num: 's.new_participants', den: null };
    case 'hours':
      return { num: 's.duration_minutes / 60.0', den: null };
    case 'girlsShare':
      return { num: 's.share_girls', den: 's.share_total' };
    case 'youthLedShare':
      return { num: 's.youth_led', den: 's.youth_led_known' };
  }
}

function keyExpression(group: GroupBy | 'org'): string {
  switch (group) {
    case 'org':
      return 's.organisation_id::text';
    case 'month':
      return `to_char(date_trunc('month', s.d), 'YYYY-MM')`;
    case 'week':
      return `to_char(date_trunc('week', s.d), 'IYYY-"W"IW')`;
    case 'unit':
      return 's.unit_id::text';
    case 'activity':
      return 's.activity_id::text';
    case 'workForm':
      return 's.work_form';
    case 'theme':
      return 's.theme';
    case 'gender':
      return 'g.gender';
    case 'none':
      return 'NULL';
  }
}

interface Plan {
  query: ReportQuery;
  params: Params;
  /** Null for the national roll-up. */
  scope: ReportScope | null;
  /** Theme per source row: grouping by theme, or filtering on one theme through the theme rollup. */
  themeRows: boolean;
}

function shiftInterval(shift: Shift | null): string | null {
  if (!shift) return null;
  return 'months' in shift ? `${shift.months} months` : `${shift.days} days`;
}

/** Scope and filter conditions shared by rollup and entries rows (alias a). */
function conditions(plan: Plan, alias: string, themeColumn: boolean): string[] {
  const { params, query, scope } = plan;
  const where: string[] = [];
  if (scope) {
    where.push(`${alias}.organisation_id = ${params.add(scope.organisationId, 'uuid')}`);
    if (scope.unitIds) where.push(`${alias}.unit_id = ANY(${params.add(scope.unitIds, 'uuid[]')})`);
  }
  const f = query.filters;
  if (f.unitIds.length) where.push(`${alias}.unit_id = ANY(${params.add(f.unitIds, 'uuid[]')})`);
  if (f.activityIds.length) where.push(`${alias}.activity_id = ANY(${params.add(f.activityIds, 'uuid[]')})`);
  if (f.workForms.length) where.push(`${alias}.work_form = ANY(${params.add(f.workForms, 'text[]')})`);
  if (f.themes.length) {
    where.push(themeColumn ? `${alias}.theme = ANY(${params.add(f.themes, 'text[]')})` : `${alias}.themes && ${params.add(f.themes, 'text[]')}`);
  }
  return where;
}

/** Whole months inside the period: [first, end) as month starts; null when there is none. */
function wholeMonths(period: Period): { first: string; end: string } | null {
  const first = period.from.endsWith('-01') ? period.from : addMonths(monthStart(period.from), 1);
  const end = period.to === monthEnd(period.to) ? addMonths(monthStart(period.to), 1) : monthStart(period.to);
  return first < end ? { first, end } : null;
}

function canUseRollups(plan: Plan, shift: Shift | null): boolean {
  const groups = groupings(plan.query);
  if (groups.includes('week')) return false;
  // Month keys of shifted comparison rows stay whole months only when the shift is in months.
  if (groups.includes('month') && shift && !('months' in shift)) return false;
  return !(plan.query.filters.themes.length > 1 && !groups.includes('theme'));
}

/** The source rows of one period: p = 0 current, 1 comparison (dates moved forward onto the current period). */
function periodRows(plan: Plan, p: 0 | 1, period: Period, shift: Shift | null, sources: SourceKind[]): string[] {
  const { params } = plan;
  const interval = shiftInterval(p === 1 ? shift : null);
  const moved = (column: string) => (interval ? `(${column} + ${params.add(interval, 'interval')})::date` : column);
  const themeSelect = plan.themeRows ? ', t.theme' : '';
  const parts: string[] = [];

  const months = canUseRollups(plan, shift) ? wholeMonths(period) : null;
  const entryRanges: [string, string][] = [];
  if (months) {
    const table = plan.themeRows ? 'entry_theme_rollups' : 'entry_rollups';
    const where = conditions(plan, 'r', plan.themeRows);
    where.push(`r.month >= ${params.add(months.first, 'date')}`, `r.month < ${params.add(months.end, 'date')}`);
    const measures = ENTRY_MEASURES.map(([name]) => `r.${name}`).join(', ');
    parts.push(
      `SELECT ${p} AS p, r.organisation_id, ${moved('r.month')} AS d, r.unit_id, r.activity_id, r.work_form${plan.themeRows ? ', r.theme' : ''}, ${measures}
         FROM ${table} r WHERE ${where.join(' AND ')}`,
    );
    if (period.from < months.first) entryRanges.push([period.from, addDays(months.first, -1)]);
    if (months.end <= period.to) entryRanges.push([months.end, period.to]);
    sources.push('rollup');
  } else {
    entryRanges.push([period.from, period.to]);
  }
  if (entryRanges.length) {
    const where = conditions(plan, 'e', false);
    where.push('e.deleted_at IS NULL');
    const ranges = entryRanges.map(
      ([from, to]) => `(e.date >= ${params.add(from, 'date')} AND e.date <= ${params.add(to, 'date')})`,
    );
    where.push(ranges.length === 1 ? ranges[0] : `(${ranges.join(' OR ')})`);
    if (plan.themeRows && plan.query.filters.themes.length) {
      where.push(`t.theme = ANY(${params.add(plan.query.filters.themes, 'text[]')})`);
    }
    const measures = ENTRY_MEASURES.map(([name, value]) => `${value} AS ${name}`).join(', ');
    const unnest = plan.themeRows ? ' CROSS JOIN LATERAL (SELECT DISTINCT unnest(e.themes) AS theme) t' : '';
    parts.push(
      `SELECT ${p} AS p, e.organisation_id, ${moved('e.date')} AS d, e.unit_id, e.activity_id, e.work_form${themeSelect}, ${measures}
         FROM entries e${unnest} WHERE ${where.join(' AND ')}`,
    );
    sources.push('entries');
  }
  return parts;
}

function build(query: ReportQuery, scope: ReportScope | null, options: SqlOptions): ReportSql {
  const params = new Params();
  const groups = groupings(query);
  const themeRows = groups.includes('theme') || (query.filters.themes.length === 1 && !groups.includes('week'));
  const plan: Plan = { query, params, scope, themeRows };
  if (scope) params.add(scope.organisationId, 'uuid');

  const period = clipPeriod(query.filters.period, options.asOf);
  const cmpPeriod = comparisonPeriod(query.filters.period, query.comparison, options.asOf);
  const shift = comparisonShift(query.filters.period, query.comparison);
  const sources: SourceKind[] = [];
  const rows = [...periodRows(plan, 0, period, null, sources)];
  if (cmpPeriod) rows.push(...periodRows(plan, 1, cmpPeriod, shift, sources));

  const gender = groups.includes('gender');
  const { num, den } = metricParts(query, gender);
  const keys: (GroupBy | 'org')[] = scope ? groups : ['org', ...groups];
  const keyColumns = keys.map((_, i) => `k${i + 1}`);
  const genderJoin = gender
    ? ` CROSS JOIN LATERAL (VALUES ('girls', s.girls), ('boys', s.boys), ('nonBinary', s.non_binary)) AS g(gender, n)`
    : '';
  const inner = `SELECT s.p, ${keys.map((k, i) => `${keyExpression(k)} AS k${i + 1}`).join(', ') || 'NULL AS k0'},
         ${num} AS num${den ? `, ${den} AS den` : ''}
    FROM (${rows.join('\n    UNION ALL\n    ')}) s${genderJoin}`;

  const sum = (column: string, p: number) => `sum(x.${column}) FILTER (WHERE x.p = ${p})`;
  const value = (p: number) =>
    den ? `${sum('num', p)}::numeric / NULLIF(${sum('den', p)}, 0)` : `COALESCE(${sum('num', p)}, 0)`;
  const aggregates = [
    `${value(0)} AS value`,
    `${cmpPeriod ? value(1) : 'NULL::numeric'} AS cmp_value`,
    `COALESCE(${sum('num', 0)}, 0) AS num`,
    `${den ? `COALESCE(${sum('den', 0)}, 0)` : 'NULL::numeric'} AS den`,
    `${cmpPeriod ? `COALESCE(${sum('num', 1)}, 0)` : 'NULL::numeric'} AS cmp_num`,
    `${den && cmpPeriod ? `COALESCE(${sum('den', 1)}, 0)` : 'NULL::numeric'} AS cmp_den`,
  ];
  const padded = [0, 1, 2].map((i) => (keyColumns[i] ? `x.${keyColumns[i]}` : 'NULL::text'));
  const selectKeys = scope ? `${padded[0]} AS k1, ${padded[1]} AS k2` : `${padded[0]} AS org_id, ${padded[1]} AS k1, ${padded[2]} AS k2`;
  // A row over all groups, except for themes, where an entry counts once per theme it has.
  const withTotal = keyColumns.length > 0 && !groups.includes('theme');
  const groupBy = !keyColumns.length
    ? ''
    : withTotal
      ? ` GROUP BY GROUPING SETS ((${keyColumns.map((c) => `x.${c}`).join(', ')}), ())`
      : ` GROUP BY ${keyColumns.map((c) => `x.${c}`).join(', ')}`;
  const totalRow = withTotal ? `GROUPING(${keyColumns.map((c) => `x.${c}`).join(', ')})::int > 0` : 'false';
  const text = `SELECT ${selectKeys}, (${totalRow}) AS total_row, ${aggregates.join(', ')}
  FROM (${inner}) x${groupBy}
 ORDER BY total_row${keyColumns.map((c) => `, x.${c}`).join('')}`;
  return { text, params: params.values, period, comparisonPeriod: cmpPeriod, sources };
}

/** One organisation's report, limited to the units the asker may see. */
export function buildReportSql(query: ReportQuery, scope: ReportScope, options: SqlOptions = {}): ReportSql {
  if (!scope?.organisationId) throw new Error('a report needs the organisation id');
  return build(query, scope, options);
}

/** The national roll-up for deployment administrators: every organisation, grouped by organisation first. */
export function buildNationalReportSql(query: ReportQuery, options: SqlOptions = {}): ReportSql {
  return build(query, null, options);
}

/** Whether a metric is a share (0..1). */
export const isShare = (query: ReportQuery): boolean => SHARE_METRICS.includes(query.metric);
