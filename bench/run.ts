import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchExtraction } from './extraction';
import { prepareReportData } from './report-data';
import { benchReports } from './reports';
import { benchRoundTrip, startServer } from './round-trip';

/**
 * npm run bench: extraction throughput on one core, the log round trip over HTTP at 10 concurrent
 * users on embedded PGlite and (with BENCH_DATABASE_URL) on PostgreSQL, and, on that PostgreSQL,
 * report latency on 1,000,000 entries beside naive SQL. Writes bench/results.json and prints a markdown table.
 */
async function main(): Promise<void> {
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const rows: [string, string][] = [];
  const results: Record<string, unknown> = {};

  const extraction = benchExtraction(3);
  results.extraction = { messagesPerSecond: Math.round(extraction.messagesPerSecond) };
  rows.push(['extraction, rules only, one core', `${Math.round(extraction.messagesPerSecond).toLocaleString('en')} messages/s`]);

  const engines: [string, Record<string, string>][] = [['pglite', {}]];
  if (process.env.BENCH_DATABASE_URL) engines.push(['postgres', { DATABASE_URL: process.env.BENCH_DATABASE_URL }]);
  const roundTrips: Record<string, unknown> = {};
  for (const [engine, env] of engines) {
    process.stderr.write(`log round trip on ${engine}: 10 users for ${seconds} s…\n`);
    const server = await startServer(env);
    try {
      const result = await benchRoundTrip(server.url, 10, seconds);
      roundTrips[engine] = { ...result, p50Ms: round(result.p50Ms), p99Ms: round(result.p99Ms), perSecond: round(result.perSecond) };
      rows.push([
        `log round trip (message + Save) on ${engine}, 10 users`,
        `p50 ${round(result.p50Ms)} ms, p99 ${round(result.p99Ms)} ms, ${round(result.perSecond)}/s, ${result.errors} errors`,
      ]);
    } finally {
      await server.stop();
    }
  }
  results.logRoundTrip = { at10: roundTrips };

  if (process.env.BENCH_DATABASE_URL) {
    process.stderr.write('report latency on 1,000,000 entries (seeded once into logbook_bench_reports)…\n');
    const reportsUrl = await prepareReportData(process.env.BENCH_DATABASE_URL);
    const reports = await benchReports(reportsUrl, { iterations: Number(process.env.BENCH_ITERATIONS ?? 30) });
    results.reports = {
      entries: reports.entries,
      organisations: reports.organisations,
      typicalP50Ms: reports.typical.p50Ms,
      typicalNaiveP50Ms: reports.typical.naiveP50Ms,
      ratioToNaive: reports.typical.speedup,
      nationalP50Ms: reports.national.p50Ms,
      nationalNaiveP50Ms: reports.national.naiveP50Ms,
      nationalRatioToNaive: reports.national.speedup,
    };
    const scale = `${reports.entries.toLocaleString('en')} entries, ${reports.organisations} organisations, ${reports.year}`;
    rows.push(
      [`typical report (one organisation, year, month × unit), ${scale}`, `p50 ${reports.typical.p50Ms} ms; naive ${reports.typical.naiveP50Ms} ms; ${reports.typical.speedup}× faster`],
      [`national roll-up (all organisations, year), ${scale}`, `p50 ${reports.national.p50Ms} ms; naive ${reports.national.naiveP50Ms} ms; ${reports.national.speedup}× faster`],
    );
  } else {
    rows.push(['report latency on 1,000,000 entries', 'skipped: set BENCH_DATABASE_URL to a PostgreSQL server']);
  }

  const dir = join(__dirname, '..', '..', 'bench');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'results.json'), `${JSON.stringify({ measuredAt: new Date().toISOString(), ...results }, null, 2)}\n`);
  process.stdout.write(['| measure | result |', '| --- | --- |', ...rows.map(([a, b]) => `| ${a} | ${b} |`)].join('\n') + '\n');
}

const round = (value: number) => Math.round(value * 10) / 10;

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${String(error)}\n`);
  process.exitCode = 1;
});
