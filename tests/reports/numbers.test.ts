/**
 * Report numbers against independent, hand-written SQL over the entries table (no rollups, no shared
 * code with reports/sql.ts), on seeded data plus hand-made edge cases: soft- and hard-deleted entries,
 * nulls, repeated themes, entries without a unit, and entries changed after they were written.
 */
import type { DataSource } from 'typeorm';
import { parseReportQuestion, type ReportContext } from '../../bot/reports/question';
import type { Database } from '../../storage/database';
import { seedEntries } from '../../storage/seed';
import { loadReportCatalogue } from '../../reports/catalogue';
import { reportQuery } from '../../reports/query';
import { runNationalReport, runReport, type ReportResult } from '../../reports/run';
import { buildReportSql } from '../../reports/sql';
import { fetchPeriodNotes, summariseNotes } from '../../reports/summary';
import { engineName, openTestDatabase } from '../support/database';

const TODAY = '2026-11-25';
const UNTIL = new Date('2026-11-25T10:00:00Z');

/** Independent metric expressions over entries. */
const M = {
  entries: 'count(*)',
  participants: 'coalesce(sum(total), 0)',
  girls: 'coalesce(sum(girls), 0)',
  boys: 'coalesce(sum(boys), 0)',
  nonBinary: 'coalesce(sum(non_binary), 0)',
  new: 'coalesce(sum(new_participants), 0)',
  hours: 'coalesce(sum(duration_minutes), 0) / 60.0',
  girlsShare:
    'sum(girls) FILTER (WHERE girls IS NOT NULL AND total IS NOT NULL)::numeric / NULLIF(sum(total) FILTER (WHERE girls IS NOT NULL AND total IS NOT NULL), 0)',
  youthLedShare: 'count(*) FILTER (WHERE youth_led)::numeric / NULLIF(count(youth_led), 0)',
};
const LIVE = 'organisation_id = $1 AND deleted_at IS NULL';
const unit = (name: string) => `(SELECT id FROM units WHERE organisation_id = $1 AND name = '${name}')`;
const activity = (name: string) => `(SELECT id FROM activities WHERE organisation_id = $1 AND name = '${name}')`;

interface Case {
  question: string;
  /** Rows (k, v), or one row (v) when not grouped. */
  sql: string;
  /** The comparison period's numbers, keyed as the current ones. */
  cmp?: string;
}

const CASES: Case[] = [
  {
    question: 'how many participants last month by unit',
    sql: `SELECT unit_id::text AS k, ${M.participants} AS v FROM entries WHERE ${LIVE} AND date BETWEEN '2026-10-01' AND '2026-10-31' GROUP BY unit_id`,
  },
  { question: 'montako kävijää maaliskuussa', sql: `SELECT ${M.participants} AS v FROM entries WHERE ${LIVE} AND date BETWEEN '2026-03-01' AND '2026-03-31'` },
  {
    question: 'hur många tjejer i år per verksamhet',
    sql: `SELECT activity_id::text AS k, ${M.girls} AS v FROM entries WHERE ${LIVE} AND extract(year FROM date) = 2026 GROUP BY activity_id`,
  },
  {
    question: 'top themes this autumn',
    sql: `SELECT t AS k, count(DISTINCT id) AS v FROM entries, unnest(themes) AS t WHERE ${LIVE} AND date >= '2026-08-01' AND date <= '2026-11-25' GROUP BY t`,
  },
  {
    question: 'compare hours to last year',
    sql: `SELECT ${M.hours} AS v FROM entries WHERE ${LIVE} AND date BETWEEN '2026-01-01' AND '2026-11-25'`,
    cmp: `SELECT ${M.hours} AS v FROM entries WHERE ${LIVE} AND date BETWEEN '2025-01-01' AND '2025-11-25'`,
  },
  { question: 'how many new participants this year', sql: `SELECT ${M.new} AS v FROM entries WHERE ${LIVE} AND date >= '2026-01-01'` },
  { question: 'tyttöjen osuus tänä vuonna', sql: `SELECT ${M.girlsShare} AS v FROM entries WHERE ${LIVE} AND date >= '2026-01-01'` },
  { question: 'andelen tjejer i fjol', sql: `SELECT ${M.girlsShare} AS v FROM entries WHERE ${LIVE} AND date >= '2025-01-01' AND date < '2026-01-01'` },
  { question: 'what was the youth-led share in 2025?', sql: `SELECT ${M.youthLedShare} AS v FROM entries WHERE ${LIVE} AND date >= '2025-01-01' AND date < '2026-01-01'` },
  {
    question: 'how many hours in March 2025 by week',
    sql: `SELECT extract(isoyear FROM date)::int || '-W' || lpad(extract(week FROM date)::int::text, 2, '0') AS k, ${M.hours} AS v
            FROM entries WHERE ${LIVE} AND date BETWEEN '2025-03-01' AND '2025-03-31' GROUP BY 1`,
  },
  {
    question: 'montako tuntia viime vuonna työmuodoittain',
    sql: `SELECT work_form AS k, ${M.hours} AS v FROM entries WHERE ${LIVE} AND date BETWEEN '2025-01-01' AND '2025-12-31' GROUP BY work_form`,
  },
  {
    question: 'kuinka monta kävijää Kipinässä syksyllä',
    sql: `SELECT ${M.participants} AS v FROM entries WHERE ${LIVE} AND unit_id = ${unit('Nuorisotalo Kipinä')} AND date BETWEEN '2026-08-01' AND '2026-12-31'`,
  },
  {
    question: 'hur många besökare i Majakka förra månaden',
    sql: `SELECT ${M.participants} AS v FROM entries WHERE ${LIVE} AND unit_id = ${unit('Nuorisotalo Majakka')} AND date BETWEEN '2026-10-01' AND '2026-10-31'`,
  },
  {
    question: 'participants by gender this year',
    sql: `SELECT 'girls' AS k, ${M.girls} AS v FROM entries WHERE ${LIVE} AND date >= '2026-01-01'
          UNION ALL SELECT 'boys', ${M.boys} FROM entries WHERE ${LIVE} AND date >= '2026-01-01'
          UNION ALL SELECT 'nonBinary', ${M.nonBinary} FROM entries WHERE ${LIVE} AND date >= '2026-01-01'`,
  },
  { question: 'how many entries last week', sql: `SELECT ${M.entries} AS v FROM entries WHERE ${LIVE} AND date BETWEEN '2026-11-16' AND '2026-11-22'` },
  { question: 'how many events this year', sql: `SELECT ${M.entries} AS v FROM entries WHERE ${LIVE} AND work_form = 'event' AND date >= '2026-01-01'` },
  {
    question: 'how many participants in outreach work in 2025',
    sql: `SELECT ${M.participants} AS v FROM entries WHERE ${LIVE} AND work_form = 'outreach' AND date BETWEEN '2025-01-01' AND '2025-12-31'`,
  },
  {
    question: 'näytä kävijät kuukausittain tänä vuonna kaaviona',
    sql: `SELECT to_char(date, 'YYYY-MM') AS k, ${M.participants} AS v FROM entries WHERE ${LIVE} AND date >= '2026-01-01' GROUP BY 1`,
  },
  { question: 'how many participants 1.3.2026-15.3.2026', sql: `SELECT ${M.participants} AS v FROM entries WHERE ${LIVE} AND date BETWEEN '2026-03-01' AND '2026-03-15'` },
  {
    question: 'how many participants by unit per month this year',
    sql: `SELECT to_char(date, 'YYYY-MM') || '|' || coalesce(unit_id::text, '-') AS k, ${M.participants} AS v
            FROM entries WHERE ${LIVE} AND date >= '2026-01-01' GROUP BY 1`,
  },
  {
    question: 'montako kävijää viime vuonna verrattuna edelliseen vuoteen',
    sql: `SELECT ${M.participants} AS v FROM entries WHERE ${LIVE} AND date BETWEEN '2025-01-01' AND '2025-12-31'`,
    cmp: `SELECT ${M.participants} AS v FROM entries WHERE ${LIVE} AND date BETWEEN '2024-01-01' AND '2024-12-31'`,
  },
  {
    question: 'how many participants talked about bullying this year',
    sql: `SELECT ${M.participants} AS v FROM entries WHERE ${LIVE} AND 'bullying' = ANY(themes) AND date >= '2026-01-01'`,
  },
  { question: 'hur många nya ungdomar i våras', sql: `SELECT ${M.new} AS v FROM entries WHERE ${LIVE} AND date BETWEEN '2026-01-01' AND '2026-05-31'` },
  { question: 'how many non-binary participants last year', sql: `SELECT ${M.nonBinary} AS v FROM entries WHERE ${LIVE} AND date BETWEEN '2025-01-01' AND '2025-12-31'` },
  { question: 'montako kävijää viikolla 12', sql: `SELECT ${M.participants} AS v FROM entries WHERE ${LIVE} AND date BETWEEN '2026-03-16' AND '2026-03-22'` },
  {
    question: 'participants in the last 30 days by unit',
    sql: `SELECT unit_id::text AS k, ${M.participants} AS v FROM entries WHERE ${LIVE} AND date > DATE '2026-11-25' - 30 AND date <= '2026-11-25' GROUP BY unit_id`,
  },
  {
    question: 'how many participants this month compared to last month',
    sql: `SELECT ${M.participants} AS v FROM entries WHERE ${LIVE} AND date BETWEEN '2026-11-01' AND '2026-11-25'`,
    cmp: `SELECT ${M.participants} AS v FROM entries WHERE ${LIVE} AND date BETWEEN '2026-10-01' AND '2026-10-25'`,
  },
  {
    question: 'antal deltagare per enhet i mars jämfört med samma period förra året',
    sql: `SELECT unit_id::text AS k, ${M.participants} AS v FROM entries WHERE ${LIVE} AND date BETWEEN '2026-03-01' AND '2026-03-31' GROUP BY unit_id`,
    cmp: `SELECT unit_id::text AS k, ${M.participants} AS v FROM entries WHERE ${LIVE} AND date BETWEEN '2025-03-01' AND '2025-03-31' GROUP BY unit_id`,
  },
  {
    question: 'girls share by unit this year as a bar chart',
    sql: `SELECT unit_id::text AS k, ${M.girlsShare} AS v FROM entries WHERE ${LIVE} AND date >= '2026-01-01' GROUP BY unit_id`,
  },
  {
    question: 'montako kävijää kesällä digitiimissä',
    sql: `SELECT ${M.participants} AS v FROM entries WHERE ${LIVE} AND unit_id = ${unit('Digitiimi')} AND date BETWEEN '2026-06-01' AND '2026-07-31'`,
  },
  { question: 'hur många deltagare i fältarbete i år', sql: `SELECT ${M.participants} AS v FROM entries WHERE ${LIVE} AND work_form = 'outreach' AND date >= '2026-01-01'` },
  {
    question: 'how many girls in the drama group this spring',
    sql: `SELECT ${M.girls} AS v FROM entries WHERE ${LIVE} AND activity_id = ${activity('Draamaryhmä')} AND date BETWEEN '2026-01-01' AND '2026-05-31'`,
  },
  {
    question: 'top 3 units by participants this year',
    sql: `SELECT unit_id::text AS k, ${M.participants} AS v FROM entries WHERE ${LIVE} AND date >= '2026-01-01' GROUP BY unit_id`,
  },
  { question: 'hur stor andel var ungdomsledda i år?', sql: `SELECT ${M.youthLedShare} AS v FROM entries WHERE ${LIVE} AND date >= '2026-01-01'` },
  {
    question: 'montako tuntia viikoittain syyskuussa',
    sql: `SELECT to_char(date, 'IYYY') || '-W' || to_char(date, 'IW') AS k, ${M.hours} AS v FROM entries WHERE ${LIVE} AND date BETWEEN '2026-09-01' AND '2026-09-30' GROUP BY 1`,
  },
  {
    question: 'how many participants talked about school or bullying last year',
    sql: `SELECT ${M.participants} AS v FROM entries WHERE ${LIVE} AND ('school' = ANY(themes) OR 'bullying' = ANY(themes)) AND date BETWEEN '2025-01-01' AND '2025-12-31'`,
  },
  {
    question: 'participants by theme in March',
    sql: `SELECT t AS k, coalesce(sum(total), 0) AS v FROM (SELECT DISTINCT e.id, e.total, t FROM entries e, unnest(e.themes) AS t
            WHERE e.organisation_id = $1 AND e.deleted_at IS NULL AND e.date BETWEEN '2026-03-01' AND '2026-03-31') d GROUP BY t`,
  },
  {
    question: 'deltagare per kön i mars',
    sql: `SELECT 'girls' AS k, ${M.girls} AS v FROM entries WHERE ${LIVE} AND date BETWEEN '2026-03-01' AND '2026-03-31'
          UNION ALL SELECT 'boys', ${M.boys} FROM entries WHERE ${LIVE} AND date BETWEEN '2026-03-01' AND '2026-03-31'
          UNION ALL SELECT 'nonBinary', ${M.nonBinary} FROM entries WHERE ${LIVE} AND date BETWEEN '2026-03-01' AND '2026-03-31'`,
  },
  {
    question: 'how many hours by work form last autumn compared to the previous autumn',
    sql: `SELECT work_form AS k, ${M.hours} AS v FROM entries WHERE ${LIVE} AND date BETWEEN '2025-08-01' AND '2025-12-31' GROUP BY work_form`,
    cmp: `SELECT work_form AS k, ${M.hours} AS v FROM entries WHERE ${LIVE} AND date BETWEEN '2024-08-01' AND '2024-12-31' GROUP BY work_form`,
  },
];

function keyOf(result: ReportResult, keys: (string | null)[]): string {
  return result.dimensions.length > 1 ? `${keys[0]}|${keys[1] ?? '-'}` : String(keys[0]);
}

function expectClose(actual: number | null, expected: number | null, what: string): void {
  if (expected === null) {
    expect({ what, actual }).toEqual({ what, actual: null });
    return;
  }
  expect({ what, actual: actual === null ? null : Math.round(actual * 1e9) / 1e9 }).toEqual({ what, actual: Math.round(expected * 1e9) / 1e9 });
}

describe(`report numbers on ${engineName()}`, () => {
  let database: Database;
  let ds: DataSource;
  let orgA: string;
  let orgB: string;
  let ctx: ReportContext;

  const independent = async (sql: string, organisationId = orgA): Promise<Map<string, number | null>> => {
    const rows = (await ds.query(sql, [organisationId])) as { k?: string | null; v: number | string | null }[];
    return new Map(rows.map((row) => [String(row.k ?? null), row.v === null ? null : Number(row.v)]));
  };

  const ask = async (question: string, scope: { organisationId: string; unitIds?: string[] | null } = { organisationId: orgA }) => {
    const parsed = parseReportQuestion(question, ctx);
    if (parsed?.kind !== 'query') throw new Error(`"${question}" did not parse: ${JSON.stringify(parsed)}`);
    return runReport(ds, parsed.query, scope, { asOf: TODAY });
  };

  beforeAll(async () => {
    database = await openTestDatabase();
    ds = database.dataSource;
    orgA = await seedEntries(ds, { organisation: 'Reports A', entries: 3000, timeZone: 'Europe/Helsinki', seed: 7, until: UNTIL });
    orgB = await seedEntries(ds, { organisation: 'Reports B', entries: 1500, timeZone: 'Europe/Helsinki', seed: 8, until: UNTIL });
    const kipina = `(SELECT id FROM units WHERE organisation_id = $1 AND name = 'Nuorisotalo Kipinä')`;
    // Edge cases, written after the rollups exist, so the triggers must keep them right.
    await ds.query(
      `INSERT INTO entries (organisation_id, date, unit_id, work_form, duration_minutes, total, girls, boys, non_binary, new_participants, youth_led, themes, notes, channel, deleted_at)
       VALUES ($1, '2026-03-10', ${kipina}, 'open', 600, 999, 500, 499, 0, 99, true, '{school}', 'deleted', 'test', now()),
              ($1, '2026-03-11', ${kipina}, 'group', 90, NULL, NULL, 4, NULL, NULL, NULL, '{school,school,bullying}', 'no total', 'test', NULL),
              ($1, '2026-10-05', NULL, NULL, NULL, 7, 3, 4, NULL, 1, false, '{}', 'no unit', 'test', NULL),
              ($1, '2026-03-12', ${kipina}, 'open', 120, 10, NULL, NULL, NULL, 2, NULL, '{bullying}', 'girls unknown', 'test', NULL),
              ($1, '2025-08-15', ${kipina}, 'camp', 2880, 30, 16, 14, 0, 5, true, '{sports,health}', 'camp', 'test', NULL)`,
      [orgA],
    );
    // Changes to seeded entries: a move to another unit and month, a soft delete and a hard delete.
    await ds.query(
      `UPDATE entries SET unit_id = (SELECT id FROM units WHERE organisation_id = $1 AND name = 'Digitiimi'), total = total + 5, date = date - 40
        WHERE id IN (SELECT id FROM entries WHERE organisation_id = $1 AND channel = 'seed' ORDER BY id LIMIT 25)`,
      [orgA],
    );
    await ds.query(`UPDATE entries SET deleted_at = now() WHERE id IN (SELECT id FROM entries WHERE organisation_id = $1 ORDER BY id DESC LIMIT 30)`, [orgA]);
    await ds.query(`DELETE FROM entries WHERE id IN (SELECT id FROM entries WHERE organisation_id = $1 AND channel = 'seed' ORDER BY created_at LIMIT 20)`, [orgA]);
    ctx = { today: TODAY, catalogue: await loadReportCatalogue(ds, orgA) };
  }, 180_000);
  afterAll(() => database.close());

  it('has at least 30 questions across the three languages', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CASES.map((c) => [c.question, c] as const))('"%s" gives the numbers of the independent SQL', async (_question, c) => {
    const result = await ask(c.question);
    const expected = await independent(c.sql);
    const expectedCmp = c.cmp ? await independent(c.cmp) : null;
    if (!result.dimensions.length) {
      expect(result.rows).toHaveLength(1);
      expectClose(result.rows[0].value, expected.get('null') ?? null, 'value');
      if (expectedCmp) expectClose(result.rows[0].comparisonValue, expectedCmp.get('null') ?? null, 'comparison');
      return;
    }
    const limit = result.query.limit;
    if (limit !== null) expect(result.rows.length).toBe(Math.min(limit, expected.size));
    else if (!expectedCmp) expect(result.rows.length).toBe(expected.size);
    for (const row of result.rows) {
      const key = keyOf(result, row.keys);
      expectClose(row.value, expected.get(key) ?? (expectedCmp ? 0 : null), `${c.question} ${key}`);
      if (expectedCmp) expectClose(row.comparisonValue, expectedCmp.get(key) ?? (result.query.metric.endsWith('Share') ? null : 0), `cmp ${key}`);
    }
    if (limit !== null) {
      // The largest groups, and none larger was left out.
      const shown = new Set(result.rows.map((row) => keyOf(result, row.keys)));
      const smallestShown = Math.min(...result.rows.map((row) => row.value ?? 0));
      for (const [key, value] of expected) if (!shown.has(key)) expect(value ?? 0).toBeLessThanOrEqual(smallestShown);
    }
  });

  it('the row over all groups equals the ungrouped number', async () => {
    const grouped = await ask('how many participants by unit per month this year');
    const [{ v }] = await ds.query(`SELECT ${M.participants} AS v FROM entries WHERE ${LIVE} AND date >= '2026-01-01'`, [orgA]);
    expect(grouped.total?.value).toBe(Number(v));
  });

  it('reads whole months from the rollups and the days around them from entries', () => {
    const query = reportQuery({ metric: 'participants', filters: { period: { from: '2026-02-14', to: '2026-05-20' } }, groupBy: 'unit' });
    expect(buildReportSql(query, { organisationId: orgA }).sources).toEqual(['rollup', 'entries']);
    const weeks = reportQuery({ metric: 'participants', filters: { period: { from: '2026-01-01', to: '2026-12-31' } }, groupBy: 'week' });
    expect(buildReportSql(weeks, { organisationId: orgA }).sources).toEqual(['entries']);
  });

  it('keeps the rollups equal to the entries through inserts, updates and deletes', async () => {
    const measures = `count(*)::bigint, coalesce(sum(total), 0)::bigint, coalesce(sum(girls), 0)::bigint, coalesce(sum(boys), 0)::bigint,
      coalesce(sum(non_binary), 0)::bigint, coalesce(sum(new_participants), 0)::bigint, coalesce(sum(duration_minutes), 0)::bigint,
      coalesce(sum(girls) FILTER (WHERE girls IS NOT NULL AND total IS NOT NULL), 0)::bigint,
      coalesce(sum(total) FILTER (WHERE girls IS NOT NULL AND total IS NOT NULL), 0)::bigint,
      count(*) FILTER (WHERE youth_led)::bigint, count(youth_led)::bigint`;
    const columns = `entries, total, girls, boys, non_binary, new_participants, duration_minutes, share_girls, share_total, youth_led, youth_led_known`;
    const fresh = `SELECT organisation_id, to_char(date, 'YYYY-MM') AS m, unit_id, activity_id, work_form, ${measures}
                     FROM entries WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5`;
    const stored = `SELECT organisation_id, to_char(month, 'YYYY-MM'), unit_id, activity_id, work_form, ${columns} FROM entry_rollups`;
    const diff = async () => [
      ...(await ds.query(`(${fresh}) EXCEPT ALL (${stored})`)),
      ...(await ds.query(`(${stored}) EXCEPT ALL (${fresh})`)),
    ];
    expect(await diff()).toEqual([]);
    const themeFresh = `SELECT organisation_id, to_char(date, 'YYYY-MM') AS m, t, unit_id, activity_id, work_form, ${measures}
                          FROM (SELECT DISTINCT e.*, t FROM entries e, unnest(e.themes) AS t WHERE e.deleted_at IS NULL) d GROUP BY 1, 2, 3, 4, 5, 6`;
    const themeStored = `SELECT organisation_id, to_char(month, 'YYYY-MM'), theme, unit_id, activity_id, work_form, ${columns} FROM entry_theme_rollups`;
    expect(await ds.query(`(${themeFresh}) EXCEPT ALL (${themeStored})`)).toEqual([]);
    expect(await ds.query(`(${themeStored}) EXCEPT ALL (${themeFresh})`)).toEqual([]);

    // One more round of changes, then the same check.
    await ds.query(`UPDATE entries SET themes = themes || '{school}', girls = NULL WHERE organisation_id = $1 AND date BETWEEN '2026-04-01' AND '2026-04-03'`, [orgA]);
    await ds.query(`UPDATE entries SET deleted_at = NULL WHERE organisation_id = $1 AND deleted_at IS NOT NULL AND notes IS DISTINCT FROM 'deleted'`, [orgA]);
    expect(await diff()).toEqual([]);
    expect(await ds.query(`SELECT 1 FROM entry_rollups WHERE entries = 0`)).toEqual([]);
  });

  describe('scope', () => {
    it("never counts another organisation's entries", async () => {
      const a = await ask('how many participants last year by unit');
      const b = await ask('how many participants last year by unit', { organisationId: orgB });
      const [{ v: onlyA }] = await ds.query(`SELECT ${M.participants} AS v FROM entries WHERE ${LIVE} AND date BETWEEN '2025-01-01' AND '2025-12-31'`, [orgA]);
      const [{ v: onlyB }] = await ds.query(`SELECT ${M.participants} AS v FROM entries WHERE ${LIVE} AND date BETWEEN '2025-01-01' AND '2025-12-31'`, [orgB]);
      expect(a.total?.value).toBe(Number(onlyA));
      expect(b.total?.value).toBe(Number(onlyB));
      const unitsOfB = new Set(((await ds.query('SELECT id::text AS id FROM units WHERE organisation_id = $1', [orgB])) as { id: string }[]).map((u) => u.id));
      expect(a.rows.some((row) => unitsOfB.has(row.keys[0] ?? ''))).toBe(false);
      // A filter naming B's unit finds nothing in A.
      const query = reportQuery({ metric: 'participants', filters: { period: { from: '2025-01-01', to: '2025-12-31' }, unitIds: [...unitsOfB] } });
      expect((await runReport(ds, query, { organisationId: orgA })).rows[0].value).toBe(0);
      expect(buildReportSql(query, { organisationId: orgA }).text).toContain('organisation_id = $1::uuid');
    });

    it('limits an asker to the units they may see', async () => {
      const [kipina] = ctx.catalogue.units.filter((u) => u.name === 'Nuorisotalo Kipinä');
      const [majakka] = ctx.catalogue.units.filter((u) => u.name === 'Nuorisotalo Majakka');
      const scoped = await ask('how many participants last year by unit', { organisationId: orgA, unitIds: [kipina.id] });
      expect(scoped.rows.map((row) => row.keys[0])).toEqual([kipina.id]);
      const [{ v }] = await ds.query(
        `SELECT ${M.participants} AS v FROM entries WHERE ${LIVE} AND unit_id = $2 AND date BETWEEN '2025-01-01' AND '2025-12-31'`,
        [orgA, kipina.id],
      );
      expect(scoped.total?.value).toBe(Number(v));
      const elsewhere = await ask('hur många besökare i Majakka förra året', { organisationId: orgA, unitIds: [kipina.id] });
      expect(elsewhere.rows[0].value).toBe(0);
      const none = await ask('tyttöjen osuus viime vuonna', { organisationId: orgA, unitIds: [] });
      expect(none.rows[0].value).toBeNull();
      expect(majakka).toBeDefined();
    });

    it('the national roll-up groups every organisation', async () => {
      const query = reportQuery({ metric: 'participants', filters: { period: { from: '2025-01-01', to: '2025-12-31' } }, groupBy: 'month' });
      const national = await runNationalReport(ds, query, { asOf: TODAY });
      const expected = await independent(
        `SELECT organisation_id::text || '|' || to_char(date, 'YYYY-MM') AS k, ${M.participants} AS v
           FROM entries WHERE deleted_at IS NULL AND date BETWEEN '2025-01-01' AND '2025-12-31' AND $1::text IS NOT NULL GROUP BY 1`,
      );
      expect(national.dimensions).toEqual(['org', 'month']);
      expect(national.rows.length).toBe(expected.size);
      for (const row of national.rows) expect(row.value).toBe(expected.get(`${row.keys[0]}|${row.keys[1]}`));
      expect(new Set(national.rows.map((row) => row.labels[0]))).toEqual(new Set(['Reports A', 'Reports B']));
      const [{ v }] = await ds.query(`SELECT ${M.participants} AS v FROM entries WHERE deleted_at IS NULL AND date BETWEEN '2025-01-01' AND '2025-12-31'`);
      expect(national.total?.value).toBe(Number(v));
    });
  });

  it('names units, activities, themes and months in the asker’s language', async () => {
    const parsed = parseReportQuestion('montako kävijää viime vuonna yksiköittäin', ctx);
    const query = parsed?.kind === 'query' ? parsed.query : null;
    const fi = await runReport(ds, query!, { organisationId: orgA }, { locale: 'fi', asOf: TODAY });
    expect(fi.rows.map((row) => row.labels[0])).toEqual(expect.arrayContaining(['Nuorisotalo Kipinä', 'Digitiimi']));
    const themes = await runReport(ds, reportQuery({ ...query!, groupBy: 'theme' }), { organisationId: orgA }, { locale: 'sv' });
    expect(themes.rows.map((row) => row.labels[0])).toContain('Skola och studier');
    const months = await runReport(ds, reportQuery({ ...query!, groupBy: 'month' }), { organisationId: orgA }, { locale: 'fi' });
    expect(months.rows[0].labels[0]).toBe('tammikuu 2025');
    const noUnit = await ask('how many participants last month by unit');
    expect(noUnit.rows.find((row) => row.keys[0] === null)?.labels[0]).toBe('(no unit)');
  });

  it('fetches the notes of the period within the scope, for the summary', async () => {
    await ds.query(
      `INSERT INTO entries (organisation_id, date, total, themes, notes, channel) VALUES ($1, '2026-03-11', 5, '{school}', 'B secret note', 'test')`,
      [orgB],
    );
    const query = reportQuery({ metric: 'entries', filters: { period: { from: '2026-03-01', to: '2026-03-31' } } });
    const notes = await fetchPeriodNotes(ds, query, { organisationId: orgA }, { asOf: TODAY });
    const texts = notes.map((n) => n.notes);
    expect(texts).toEqual(expect.arrayContaining(['no total', 'girls unknown']));
    expect(texts).not.toContain('deleted');
    expect(texts).not.toContain('B secret note');
    const [{ n }] = await ds.query(
      `SELECT count(*) AS n FROM entries WHERE ${LIVE} AND date BETWEEN '2026-03-01' AND '2026-03-31' AND (btrim(coalesce(notes, '')) <> '' OR cardinality(themes) > 0)`,
      [orgA],
    );
    expect(notes).toHaveLength(Number(n));
    const digitiimi = ctx.catalogue.units.find((u) => u.name === 'Digitiimi')!.id;
    const scoped = await fetchPeriodNotes(ds, query, { organisationId: orgA, unitIds: [digitiimi] }, { asOf: TODAY });
    expect(scoped.map((row) => row.notes)).not.toContain('no total');
    const summary = summariseNotes(notes, { locale: 'fi', themes: ctx.catalogue.themes });
    expect(summary.topThemes.length).toBeGreaterThan(0);
    expect(summary.text).toMatch(/^Yleisimmät teemat: /);
  });

  it('truncating the entries empties the rollups', async () => {
    await ds.query('TRUNCATE entries');
    expect(await ds.query('SELECT count(*) AS n FROM entry_rollups')).toEqual([{ n: 0 }]);
    expect(await ds.query('SELECT count(*) AS n FROM entry_theme_rollups')).toEqual([{ n: 0 }]);
  });
});

