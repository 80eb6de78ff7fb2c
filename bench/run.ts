import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { createBenchDatabase, type BenchDatabase } from './bench-database';
import type { ChildServer } from './child-server';
import { benchExtraction } from './extraction';
import { runLoad, type LoadResult, type Scenario } from './load';
import { loadTestStage, type LoadTestStage } from './load-test-stage';
import { sampleRss, statusMb } from './memory';
import { prepareReportData } from './report-data';
import { benchReports } from './reports';
import { echoTurn, logRoundTrip } from './round-trip';
import { startEchoBot, startLogbook } from './servers';
import { loadTable, markdownTable } from './table';

/**
 * npm run bench: extraction throughput on one core; the log round trip through Teams' /api/messages
 * (expectReplies) at 10 and 50 concurrent users beside botbuilder's stock echo bot under the same load;
 * the server's peak RSS; on PostgreSQL too with BENCH_DATABASE_URL, and there report latency on
 * 1,000,000 entries beside naive SQL; then the load test (bench/load-test-stage.ts), which fails the run
 * on any error, lost or duplicated entry. Writes bench/results.json and prints markdown tables.
 * `--only load` (or BENCH_ONLY=load) runs the load test alone and updates its part of results.json.
 */

const LEVELS = [10, 50] as const;
const RATIO_DEFINITION = "ratioToEcho = the app's HTTP turns/s ÷ the echo bot's HTTP turns/s, both at 50 concurrent users (a log round trip is 3 turns)";

interface ServerRun {
  at: Record<number, LoadResult>;
  /** VmHWM at the end of the runs. */
  peakRssMb: number;
  maxSampledRssMb: number;
  /** VmRSS once started, before any load. */
  startRssMb: number;
}

/** Starts a server, loads it at each level in turn, and reads its memory. */
async function measure<User>(label: string, start: () => Promise<ChildServer>, scenario: Scenario<User>, seconds: number, warmupSeconds: number): Promise<ServerRun> {
  const server = await start();
  const rss = sampleRss(server.pid);
  try {
    const at: Record<number, LoadResult> = {};
    for (const users of LEVELS) {
      process.stderr.write(`${label}: ${users} users, ${warmupSeconds} s warm-up + ${seconds} s…\n`);
      at[users] = await runLoad(scenario, { url: server.url, path: '/api/messages', users, seconds, warmupSeconds, serverPid: server.pid });
      for (const error of at[users].firstErrors) process.stderr.write(`  failed: ${error}\n`);
    }
    const { maxSampledMb, firstMb } = rss.stop();
    return { at, peakRssMb: round(statusMb(server.pid, 'VmHWM')), maxSampledRssMb: round(maxSampledMb), startRssMb: round(firstMb) };
  } finally {
    rss.stop();
    await server.stop();
  }
}

/** The existing per-level summary of the log round trip (kept from earlier results). */
const brief = (result: LoadResult) => ({
  users: result.users,
  roundTrips: result.roundTrips,
  perSecond: result.roundTripsPerSecond,
  p50Ms: result.roundTrip.p50Ms,
  p99Ms: result.roundTrip.p99Ms,
  errors: result.errors,
});

const RESULTS_DIR = join(__dirname, '..', '..', 'bench');
const RESULTS_FILE = join(RESULTS_DIR, 'results.json');

function onlyStage(): string | null {
  const at = process.argv.indexOf('--only');
  const only = at >= 0 ? process.argv[at + 1] : process.env.BENCH_ONLY;
  if (!only) return null;
  if (only !== 'load') throw new Error(`--only knows one stage, load; got "${only}"`);
  return only;
}

function loadTestNote(stage: LoadTestStage): string {
  return [
    'Load test: closed-loop users over keep-alive HTTP, each in an organisation of one channel (a Slack turn lasts until its reply reaches the loopback Web API); per channel:',
    '',
    stage.details,
  ].join('\n');
}

/** The load test alone; the rest of results.json is kept. */
async function loadOnly(): Promise<void> {
  const stage = await loadTestStage(process.env.BENCH_DATABASE_URL);
  const previous = existsSync(RESULTS_FILE) ? (JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Record<string, unknown>) : {};
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify({ ...previous, loadTestMeasuredAt: new Date().toISOString(), loadTest: stage.result }, null, 2)}\n`);
  process.stdout.write([markdownTable(['measure', 'result', 'target'], stage.rows), '', loadTestNote(stage)].join('\n') + '\n');
  if (stage.failures) process.exitCode = 1;
}

async function main(): Promise<void> {
  if (onlyStage() === 'load') return loadOnly();
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
  const serverUrl = process.env.BENCH_DATABASE_URL;
  const rows: [string, string, string][] = [];
  const results: Record<string, unknown> = {};

  const cores = cpus().length;
  const machineNote =
    `${cores} cores; the load generator runs in the bench process and each server in its own child process, ` +
    `so they never share a thread, but they share the ${cores} cores` +
    (serverUrl ? ' (with PostgreSQL, its server processes too)' : '');
  results.machine = { cores, cpu: cpus()[0]?.model ?? 'unknown', node: process.version, note: machineNote };
  results.settings = { seconds, warmupSeconds, users: LEVELS };
  rows.push(['machine', machineNote, '']);

  const extraction = benchExtraction(3);
  results.extraction = { messagesPerSecond: Math.round(extraction.messagesPerSecond) };
  rows.push(['extraction, rules only, one core', `${Math.round(extraction.messagesPerSecond).toLocaleString('en')} messages/s`, '']);

  const echo = await measure('echo bot', startEchoBot, echoTurn, seconds, warmupSeconds);
  const engines: Record<string, ServerRun> = {};
  for (const engine of serverUrl ? ['pglite', 'postgres'] : ['pglite']) {
    let database: BenchDatabase | null = null;
    try {
      if (engine === 'postgres' && serverUrl) database = await createBenchDatabase(serverUrl);
      engines[engine] = await measure(`log round trip on ${engine}`, () => startLogbook(database?.url), logRoundTrip, seconds, warmupSeconds);
    } finally {
      await database?.drop();
    }
  }

  const ratio = (run: ServerRun, users: number) => Math.round((run.at[users].turnsPerSecond / echo.at[users].turnsPerSecond) * 100) / 100;
  const headline = engines.pglite;
  const ratioToEcho = ratio(headline, 50);
  const p99MsAt50 = headline.at[50].roundTrip.p99Ms;
  const peakRssMb = headline.peakRssMb;
  results.logRoundTrip = {
    definition: `${RATIO_DEFINITION}; p99MsAt50 is the p99 of the whole round trip (message, follow-up, Save) at 50 users; the headline figures are on embedded PGlite`,
    ratioToEcho,
    p99MsAt50,
    turnP99MsAt50: headline.at[50].turn.p99Ms,
    p50MsAt50: headline.at[50].roundTrip.p50Ms,
    turnsPerSecondAt50: headline.at[50].turnsPerSecond,
    roundTripsPerSecondAt50: headline.at[50].roundTripsPerSecond,
    echoTurnsPerSecondAt50: echo.at[50].turnsPerSecond,
    at10: Object.fromEntries(Object.entries(engines).map(([engine, run]) => [engine, brief(run.at[10])])),
    at50: Object.fromEntries(Object.entries(engines).map(([engine, run]) => [engine, brief(run.at[50])])),
    engines: Object.fromEntries(
      Object.entries(engines).map(([engine, run]) => [engine, { ratioToEcho: ratio(run, 50), ratioToEchoAt10: ratio(run, 10), at10: run.at[10], at50: run.at[50] }]),
    ),
    echo: { at10: echo.at[10], at50: echo.at[50] },
  };
  results.server = {
    peakRssMb,
    engines: Object.fromEntries(Object.entries(engines).map(([engine, run]) => [engine, { peakRssMb: run.peakRssMb, maxSampledRssMb: run.maxSampledRssMb, startRssMb: run.startRssMb }])),
    echoPeakRssMb: echo.peakRssMb,
    echoStartRssMb: echo.startRssMb,
    note: 'VmHWM of the server process (PGlite for peakRssMb) at the end of its runs at 10 and 50 users; PostgreSQL’s own processes are not included',
  };
  results.targets = {
    ratioToEcho: { target: '>= 0.6', met: ratioToEcho >= 0.6 },
    p99MsAt50: { target: '< 100', met: p99MsAt50 < 100 },
    peakRssMb: { target: '< 300', met: peakRssMb < 300 },
  };

  const met = (ok: boolean) => (ok ? 'met' : 'missed');
  for (const [engine, run] of Object.entries(engines)) {
    const r = ratio(run, 50);
    rows.push(
      [
        `ratioToEcho, 50 users, ${engine}`,
        `${r} (${run.at[50].turnsPerSecond} ÷ ${echo.at[50].turnsPerSecond} turns/s; ${run.at[50].roundTripsPerSecond} round trips/s); at 10 users ${ratio(run, 10)}`,
        `≥ 0.6: ${met(r >= 0.6)}`,
      ],
      [
        `log round trip p99, 50 users, ${engine}`,
        `whole round trip ${run.at[50].roundTrip.p99Ms} ms (p50 ${run.at[50].roundTrip.p50Ms} ms); each turn ${run.at[50].turn.p99Ms} ms; ${run.at[50].errors} errors`,
        `< 100 ms, whole round trip: ${met(run.at[50].roundTrip.p99Ms < 100)}`,
      ],
      [
        `peak RSS of the server (VmHWM), ${engine}`,
        `${run.peakRssMb} MB (idle after start ${run.startRssMb} MB); echo bot ${echo.peakRssMb} MB (idle ${echo.startRssMb} MB)`,
        `< 300 MB: ${met(run.peakRssMb < 300)}`,
      ],
    );
  }

  if (serverUrl) {
    process.stderr.write('report latency on 1,000,000 entries (seeded once into logbook_bench_reports)…\n');
    const reportsUrl = await prepareReportData(serverUrl);
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
      [`typical report (one organisation, year, month × unit), ${scale}`, `p50 ${reports.typical.p50Ms} ms; naive ${reports.typical.naiveP50Ms} ms; ${reports.typical.speedup}× faster`, ''],
      [`national roll-up (all organisations, year), ${scale}`, `p50 ${reports.national.p50Ms} ms; naive ${reports.national.naiveP50Ms} ms; ${reports.national.speedup}× faster`, ''],
    );
  } else {
    results.reports = { typicalP50Ms: null, ratioToNaive: null, skipped: 'set BENCH_DATABASE_URL to a PostgreSQL server' };
    rows.push(['report latency on 1,000,000 entries', 'skipped: set BENCH_DATABASE_URL to a PostgreSQL server', '']);
  }

  const load = await loadTestStage(serverUrl);
  results.loadTest = load.result;
  rows.push(...load.rows);

  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify({ measuredAt: new Date().toISOString(), ...results }, null, 2)}\n`);
  const loads: [string, ServerRun][] = [['echo bot', echo], ...Object.entries(engines).map(([engine, run]): [string, ServerRun] => [`logbook, ${engine}`, run])];
  process.stdout.write(
    [
      markdownTable(['measure', 'result', 'target'], rows),
      '',
      `${RATIO_DEFINITION}. The headline results.json figures are on embedded PGlite.`,
      '',
      `Load: closed-loop users over keep-alive HTTP, ${warmupSeconds} s warm-up then ${seconds} s measured per level. Latencies in ms as p50 / p99; CPU in % of one core during the window (other = the rest of the machine: PostgreSQL, other programs).`,
      '',
      loadTable(loads.flatMap(([server, run]) => LEVELS.map((users) => ({ server, result: run.at[users] })))),
      '',
      loadTestNote(load),
    ].join('\n') + '\n',
  );
  if (load.failures) process.exitCode = 1;
}

const round = (value: number) => Math.round(value * 10) / 10;

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
