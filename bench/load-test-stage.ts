/**
 * The load test as a stage of `npm run bench` (or alone: `npm run load-test`, `npm run bench -- --only load`,
 * BENCH_ONLY=load): on embedded PGlite, and on PostgreSQL with BENCH_DATABASE_URL. Settings:
 * LOAD_USERS (200), LOAD_ORG_SIZE (10 users an organisation), LOAD_SECONDS (60), LOAD_WARMUP_SECONDS (5),
 * LOAD_ENGINES (pglite,postgres), LOAD_NODE_ARGS (node options for the server, e.g. a heap limit to compare).
 */
import { loadTestFailures, runLoadTest, type LoadTestRun } from './load-test';
import { markdownTable } from './table';

export interface LoadTestStage {
  /** results.json's `loadTest`. */
  result: Record<string, unknown>;
  /** Rows of the bench's summary table: measure, result, target. */
  rows: [string, string, string][];
  /** The per-channel table. */
  details: string;
  /** Errors, lost, duplicated or mismatched entries, or server errors, summed over the engines. */
  failures: number;
}

const RSS_TARGET_MB = 300;

export async function loadTestStage(serverUrl: string | undefined): Promise<LoadTestStage> {
  const options = {
    users: Number(process.env.LOAD_USERS ?? 200),
    organisationSize: Number(process.env.LOAD_ORG_SIZE ?? 10),
    seconds: Number(process.env.LOAD_SECONDS ?? 60),
    warmupSeconds: Number(process.env.LOAD_WARMUP_SECONDS ?? 5),
    nodeArgs: (process.env.LOAD_NODE_ARGS ?? '').split(/\s+/).filter(Boolean),
  };
  const wanted = (process.env.LOAD_ENGINES ?? 'pglite,postgres').split(',').map((engine) => engine.trim());
  const engines = (['pglite', 'postgres'] as const).filter((engine) => wanted.includes(engine) && (engine === 'pglite' || serverUrl));
  const runs: Partial<Record<'pglite' | 'postgres', LoadTestRun>> = {};
  for (const engine of engines) {
    process.stderr.write(`load test on ${engine}: ${options.users} users, ${options.warmupSeconds} s warm-up + ${options.seconds} s…\n`);
    const run = await runLoadTest(engine, serverUrl, options);
    for (const error of [...run.firstErrors, ...run.serverLog.firstErrors, ...run.entries.examples]) process.stderr.write(`  ${error}\n`);
    runs[engine] = run;
  }

  const rows: [string, string, string][] = [];
  const met = (ok: boolean) => (ok ? 'met' : 'missed');
  const channels = (run: LoadTestRun) =>
    Object.entries(run.byChannel)
      .map(([channel, c]) => `${channel} ${c.organisations} × ${c.users / Math.max(1, c.organisations)}`)
      .join(', ');
  for (const run of Object.values(runs)) {
    const failures = loadTestFailures(run);
    rows.push(
      [
        `load test, ${run.users} users in ${run.organisations} organisations (${channels(run)}), ${run.seconds} s, ${run.engine}`,
        `${run.roundTrips} round trips (${run.roundTripsPerSecond}/s, ${run.turnsPerSecond} turns/s, server CPU ${run.serverCpuMsPerRoundTrip} ms each); round trip p50 ${run.p50Ms} ms, p99 ${run.p99Ms} ms; ` +
          `each turn p99 ${run.turnP99Ms} ms; ${run.slowTeamsTurns} Teams turns over 1.5 s answered "working on it" first; ${run.errors} errors; entries confirmed ${run.entries.confirmed}, stored ${run.entries.stored}: ` +
          `${run.lost} lost, ${run.duplicated} duplicated, ${run.entries.mismatched} mismatched; server logged ${run.serverLog.errors} errors; rate limit ${run.rateLimit}`,
        `0 errors, 0 lost, 0 duplicated: ${met(failures === 0)}`,
      ],
      [
        `server RSS during the load test, ${run.engine}`,
        `peak ${run.memory.peakRssMb} MB (VmHWM; sampled max ${run.memory.maxSampledRssMb} MB, idle ${run.memory.idleRssMb} MB)` +
          (run.memory.parts
            ? `; at the peak V8 heap ${run.memory.parts.atPeakRss.heapUsedMb} MB used of ${run.memory.parts.atPeakRss.heapTotalMb} MB, external ${run.memory.parts.atPeakRss.externalMb} MB; ` +
              `GC ${run.memory.parts.gc.major.count} full collections (${run.memory.parts.gc.major.ms} ms), ${run.memory.parts.gc.minor.count} scavenges (${run.memory.parts.gc.minor.ms} ms)`
            : '') +
          (run.nodeArgs.length ? `; node ${run.nodeArgs.join(' ')}` : ''),
        `< ${RSS_TARGET_MB} MB: ${met(run.memory.peakRssMb < RSS_TARGET_MB)}`,
      ],
    );
  }
  const details = markdownTable(
    ['engine', 'channel', 'users', 'organisations', 'round trips', 'round trip p50 / p99 ms'],
    Object.values(runs).flatMap((run) =>
      Object.entries(run.byChannel).map(([channel, c]) => [run.engine, channel, String(c.users), String(c.organisations), String(c.roundTrips), `${c.p50Ms} / ${c.p99Ms}`]),
    ),
  );

  const headline = runs.pglite ?? runs.postgres;
  const result: Record<string, unknown> = headline
    ? {
        definition:
          'users log complete entries (message, work-form question, answer, summary card, Save; every fifth Save delivered twice) through Teams /api/messages, signed Slack events and interactions, and the local web chat; ' +
          'afterwards the entries table is counted against the entries the bot confirmed. The top-level figures are on ' +
          `${headline.engine}; peakRssMb is the server's VmHWM`,
        engine: headline.engine,
        users: headline.users,
        organisations: headline.organisations,
        seconds: headline.seconds,
        roundTrips: headline.roundTrips,
        roundTripsPerSecond: headline.roundTripsPerSecond,
        errors: headline.errors,
        lost: headline.lost,
        duplicated: headline.duplicated,
        p50Ms: headline.p50Ms,
        p99Ms: headline.p99Ms,
        turnP99Ms: headline.turnP99Ms,
        peakRssMb: headline.memory.peakRssMb,
        rateLimit: headline.rateLimit,
        engines: runs,
        targets: Object.fromEntries(
          Object.values(runs).map((run) => [
            run.engine,
            {
              noErrorsLostOrDuplicated: { target: '0', met: loadTestFailures(run) === 0 },
              peakRssMb: { target: `< ${RSS_TARGET_MB}`, met: run.memory.peakRssMb < RSS_TARGET_MB },
            },
          ]),
        ),
      }
    : { skipped: 'no engine selected (LOAD_ENGINES)' };
  return { result, rows, details, failures: Object.values(runs).reduce((sum, run) => sum + loadTestFailures(run), 0) };
}
