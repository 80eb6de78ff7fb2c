/**
 * Report latency on a PostgreSQL database: the typical report (one organisation, one year, by month ×
 * unit) and the national roll-up (every organisation, one year), each beside a naive query that
 * computes the same numbers by scanning the entries (index scans switched off for the typical one).
 * Seed the database first, e.g. 50 × `npx logbook seed --org "Org N" --entries 20000`.
 */
import { Pool, type PoolClient } from 'pg';
import { reportQuery } from '../reports/query';
import { runNationalReport, runReport, type ReportDb } from '../reports/run';

export interface ReportBenchOptions {
  /** Measured runs of each query (after two warm-up runs). */
  iterations?: number;
  /** The calendar year reported; default: the year before the newest entry's year. */
  year?: number;
  /**
   * VACUUM ANALYZE the tables first (default true), as autovacuum would on a live server: the planner
   * then knows the seeded data, and the rollups' row versions left by the seeding are cleared.
   */
  vacuum?: boolean;
}

export interface LatencyPair {
  p50Ms: number;
  naiveP50Ms: number;
  /** naive / ours. */
  speedup: number;
}

export interface ReportBenchResult {
  entries: number;
  organisations: number;
  year: number;
  iterations: number;
  /** One organisation (taken in turn), one year, by month × unit; with unit and activity names resolved. */
  typical: LatencyPair;
  /** Every organisation, one year, by organisation. */
  national: LatencyPair;
}

const p50 = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
};

const round = (value: number) => Math.round(value * 100) / 100;

async function timed(run: () => Promise<unknown>, iterations: number): Promise<number> {
  for (let i = 0; i < 2; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return p50(times);
}

/** Measures on the database at `databaseUrl`; the database is only read (and vacuumed). */
export async function benchReports(databaseUrl: string, options: ReportBenchOptions = {}): Promise<ReportBenchResult> {
  const iterations = options.iterations ?? 30;
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  const naive: PoolClient = await pool.connect();
  try {
    if (options.vacuum ?? true) await pool.query('VACUUM (ANALYZE) entries, entry_rollups, entry_theme_rollups');
    const db: ReportDb = { query: async (text: string, params?: unknown[]) => (await pool.query(text, params)).rows };
    const [{ entries, newest }] = (
      await pool.query<{ entries: string; newest: string | null }>(
        "SELECT count(*) AS entries, to_char(max(date), 'YYYY-MM-DD') AS newest FROM entries WHERE deleted_at IS NULL",
      )
    ).rows;
    const organisations = (
      await pool.query<{ id: string }>('SELECT DISTINCT organisation_id AS id FROM entry_rollups ORDER BY 1')
    ).rows.map((row) => row.id);
    if (!organisations.length || !newest) throw new Error('the database has no entries: seed it first');
    const year = options.year ?? Number(newest.slice(0, 4)) - 1;
    const period = { from: `${year}-01-01`, to: `${year}-12-31` };

    const typicalQuery = reportQuery({ metric: 'participants', filters: { period }, groupBy: 'month', thenBy: 'unit' });
    let turn = 0;
    const nextOrg = () => organisations[turn++ % organisations.length];
    const typical = await timed(() => runReport(db, typicalQuery, { organisationId: nextOrg() }), iterations);

    // The same numbers the plain way: every entry of the organisation's year read from the table.
    await naive.query('SET enable_indexscan = off');
    await naive.query('SET enable_bitmapscan = off');
    await naive.query('SET enable_indexonlyscan = off');
    const typicalNaive = await timed(
      () =>
        naive.query(
          `SELECT to_char(date, 'YYYY-MM') AS month, unit_id, sum(total) AS participants
             FROM entries WHERE organisation_id = $1 AND deleted_at IS NULL AND date BETWEEN $2 AND $3 GROUP BY 1, 2`,
          [nextOrg(), period.from, period.to],
        ),
      iterations,
    );
    await naive.query('RESET ALL');

    const nationalQuery = reportQuery({ metric: 'participants', filters: { period } });
    const national = await timed(() => runNationalReport(db, nationalQuery), iterations);
    const nationalNaive = await timed(
      () =>
        naive.query(
          `SELECT organisation_id, sum(total) AS participants FROM entries
            WHERE deleted_at IS NULL AND date BETWEEN $1 AND $2 GROUP BY organisation_id`,
          [period.from, period.to],
        ),
      iterations,
    );
    const pair = (ours: number, plain: number): LatencyPair => ({ p50Ms: round(ours), naiveP50Ms: round(plain), speedup: round(plain / ours) });
    return {
      entries: Number(entries),
      organisations: organisations.length,
      year,
      iterations,
      typical: pair(typical, typicalNaive),
      national: pair(national, nationalNaive),
    };
  } finally {
    naive.release();
    await pool.end();
  }
}

if (require.main === module) {
  const url = process.argv[2] ?? process.env.BENCH_DATABASE_URL;
  if (!url) {
    process.stderr.write('usage: node dist/bench/reports.js postgres://… (or BENCH_DATABASE_URL)\n');
    process.exitCode = 1;
  } else {
    benchReports(url, { iterations: Number(process.env.BENCH_ITERATIONS ?? 30), vacuum: process.env.BENCH_VACUUM !== 'false' })
      .then((result) => process.stdout.write(`${JSON.stringify(result, null, 2)}\n`))
      .catch((error: unknown) => {
        process.stderr.write(`bench failed: ${String(error)}\n`);
        process.exitCode = 1;
      });
  }
}
