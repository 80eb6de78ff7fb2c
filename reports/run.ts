/** Runs a ReportQuery: one aggregate statement, then the names of the units, activities and themes in it. */
import type { Locale } from '../bot/locale';
import { DEFAULT_THEMES } from '../bot/nlu/default-themes';
import { genderLabel, monthLabel, weekLabel, workFormLabel } from './format';
import { rt } from './phrases';
import { groupings, TIME_GROUPS, type GroupBy, type Period, type ReportQuery } from './query';
import { buildNationalReportSql, buildReportSql, type ReportScope, type ReportSql } from './sql';

/** What runs SQL and returns the rows: a TypeORM DataSource or EntityManager, or a wrapped pg Pool. */
export interface ReportDb {
  query(text: string, params?: unknown[]): Promise<unknown>;
}

export type Dimension = Exclude<GroupBy, 'none'> | 'org';

export interface ReportRow {
  /** Raw group keys per dimension (unit id, 'YYYY-MM', theme key, ...); null for an unknown unit etc. */
  keys: (string | null)[];
  /** The same keys as names in the user's language. */
  labels: string[];
  value: number | null;
  comparisonValue: number | null;
  /** A share's numerator and denominator (for counts: num = value, den = null). */
  num: number;
  den: number | null;
  comparisonNum: number | null;
  comparisonDen: number | null;
}

export interface ReportResult {
  query: ReportQuery;
  national: boolean;
  /** The period read (cut at asOf) and the one it is compared with. */
  period: Period;
  comparisonPeriod: Period | null;
  dimensions: Dimension[];
  /** Sorted: by time along a time dimension, else by value, largest first; cut to query.limit. */
  rows: ReportRow[];
  /** The row over all groups; null when not grouped by anything, or grouped by theme. */
  total: ReportRow | null;
  /** How many rows query.limit cut off. */
  omitted: number;
}

export interface RunOptions {
  locale?: Locale;
  /** Today: periods reaching past it are cut here, and compared to date. */
  asOf?: string | null;
}

interface SqlRow {
  org_id?: string | null;
  k1: string | null;
  k2: string | null;
  total_row: boolean;
  value: number | string | null;
  cmp_value: number | string | null;
  num: number | string | null;
  den: number | string | null;
  cmp_num: number | string | null;
  cmp_den: number | string | null;
}

const toNumber = (v: number | string | null | undefined): number | null => (v === null || v === undefined ? null : Number(v));

/** One organisation's report, within the units the asker may see. */
export async function runReport(db: ReportDb, query: ReportQuery, scope: ReportScope, options: RunOptions = {}): Promise<ReportResult> {
  const sql = buildReportSql(query, scope, { asOf: options.asOf });
  return execute(db, sql, query, [scope.organisationId], false, options.locale ?? 'en');
}

/** Every organisation, grouped by organisation first: for deployment administrators only. */
export async function runNationalReport(db: ReportDb, query: ReportQuery, options: RunOptions = {}): Promise<ReportResult> {
  const sql = buildNationalReportSql(query, { asOf: options.asOf });
  return execute(db, sql, query, null, true, options.locale ?? 'en');
}

async function execute(
  db: ReportDb,
  sql: ReportSql,
  query: ReportQuery,
  organisationIds: string[] | null,
  national: boolean,
  locale: Locale,
): Promise<ReportResult> {
  const raw = (await db.query(sql.text, sql.params)) as SqlRow[];
  const dimensions: Dimension[] = national ? ['org', ...groupings(query)] : groupings(query);
  const keyOf = (row: SqlRow): (string | null)[] => (national ? [row.org_id ?? null, row.k1, row.k2] : [row.k1, row.k2]).slice(0, dimensions.length);
  const labels = await resolveNames(db, dimensions, raw.filter((r) => !r.total_row).map(keyOf), organisationIds, locale);

  const toRow = (row: SqlRow): ReportRow => {
    const keys = keyOf(row);
    return {
      keys,
      labels: row.total_row ? [rt(locale, 'total')] : keys.map((key, i) => labels(dimensions[i], key)),
      value: toNumber(row.value),
      comparisonValue: toNumber(row.cmp_value),
      num: toNumber(row.num) ?? 0,
      den: toNumber(row.den),
      comparisonNum: toNumber(row.cmp_num),
      comparisonDen: toNumber(row.cmp_den),
    };
  };
  let rows = raw.filter((r) => !r.total_row).map(toRow);
  const totalRaw = raw.find((r) => r.total_row);
  if (!dimensions.length) rows = raw.length ? [toRow(raw[0])] : [];
  if (dimensions.length && !TIME_GROUPS.includes(dimensions[0] as GroupBy)) {
    rows.sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || a.labels.join().localeCompare(b.labels.join()));
  }
  let omitted = 0;
  if (query.limit !== null && dimensions.length === 1 && rows.length > query.limit) {
    omitted = rows.length - query.limit;
    rows = rows.slice(0, query.limit);
  }
  return {
    query,
    national,
    period: sql.period,
    comparisonPeriod: sql.comparisonPeriod,
    dimensions,
    rows,
    total: totalRaw ? toRow(totalRaw) : null,
    omitted,
  };
}

/** A labeller for the keys in the rows: names from the database for units, activities, themes and organisations. */
async function resolveNames(
  db: ReportDb,
  dimensions: Dimension[],
  keys: (string | null)[][],
  organisationIds: string[] | null,
  locale: Locale,
): Promise<(dimension: Dimension, key: string | null) => string> {
  const idsOf = (dimension: Dimension) => [
    ...new Set(keys.map((k) => k[dimensions.indexOf(dimension)]).filter((k): k is string => k !== null)),
  ];
  const names = new Map<string, string>();
  const load = async (dimension: Dimension, sql: string, params: unknown[]) => {
    if (!dimensions.includes(dimension) || !idsOf(dimension).length) return;
    const rows = (await db.query(sql, params)) as { id: string; name: string }[];
    for (const row of rows) names.set(`${dimension}:${row.id}`, row.name);
  };
  const orgFilter = organisationIds ? 'organisation_id = ANY($2::uuid[]) AND ' : '';
  const withOrgs = (ids: string[]) => (organisationIds ? [ids, organisationIds] : [ids]);
  await load('unit', `SELECT id::text AS id, name FROM units WHERE ${orgFilter}id = ANY($1::uuid[])`, withOrgs(idsOf('unit')));
  await load('activity', `SELECT id::text AS id, name FROM activities WHERE ${orgFilter}id = ANY($1::uuid[])`, withOrgs(idsOf('activity')));
  await load('org', 'SELECT id::text AS id, name FROM organisations WHERE id = ANY($1::uuid[])', [idsOf('org')]);
  if (dimensions.includes('theme')) {
    for (const theme of DEFAULT_THEMES) names.set(`theme:${theme.key}`, theme.labels[locale]);
    if (organisationIds) {
      const rows = (await db.query(
        'SELECT key, labels FROM themes WHERE organisation_id = ANY($1::uuid[]) AND key = ANY($2::text[])',
        [organisationIds, idsOf('theme')],
      )) as { key: string; labels: Record<string, string> }[];
      for (const row of rows) if (row.labels?.[locale]) names.set(`theme:${row.key}`, row.labels[locale]);
    }
  }
  return (dimension, key) => {
    switch (dimension) {
      case 'month':
        return key ? monthLabel(key, locale) : rt(locale, 'unknown');
      case 'week':
        return key ? weekLabel(key, locale) : rt(locale, 'unknown');
      case 'workForm':
        return workFormLabel(key, locale);
      case 'gender':
        return genderLabel(key, locale);
      case 'unit':
        return key === null ? rt(locale, 'noUnit') : (names.get(`unit:${key}`) ?? rt(locale, 'unknown'));
      case 'activity':
        return key === null ? rt(locale, 'noActivity') : (names.get(`activity:${key}`) ?? rt(locale, 'unknown'));
      default:
        return key === null ? rt(locale, 'unknown') : (names.get(`${dimension}:${key}`) ?? key);
    }
  };
}
