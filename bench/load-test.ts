/**
 * The load test: many users of many organisations log complete entries at once for a minute through the
 * real endpoints (Teams, Slack with its durable queue, the local web chat); afterwards the entries in the
 * database are counted against those the bot confirmed, and the server's memory is read.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBenchDatabase, type BenchDatabase } from './bench-database';
import { countEntries, entriesOnPglite, entriesOnPostgres, type EntryCount } from './entry-count';
import { BenchConnector } from './fake-connector';
import { BenchSlack } from './fake-slack';
import { runLoad, type Latency } from './load';
import { createLoadTestScenario, type LoadChannel } from './load-test-users';
import type { MemoryProbeReport } from './memory-probe';
import { sampleRss, statusMb } from './memory';
import { NO_RATE_LIMIT, startLogbook } from './servers';

export interface LoadTestOptions {
  users: number;
  organisationSize: number;
  seconds: number;
  warmupSeconds: number;
  /** Extra node options for the server, e.g. a heap limit to compare. */
  nodeArgs?: string[];
}

export interface LoadTestRun {
  engine: 'pglite' | 'postgres';
  users: number;
  organisations: number;
  byChannel: Record<LoadChannel, { users: number; organisations: number; roundTrips: number; p50Ms: number; p99Ms: number }>;
  seconds: number;
  warmupSeconds: number;
  rateLimit: string;
  /** Round trips that ended inside the measured window. */
  roundTrips: number;
  roundTripsPerSecond: number;
  turnsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  turnP50Ms: number;
  turnP99Ms: number;
  steps: Record<string, Latency>;
  /** Round trips that failed: an HTTP error, a wrong or missing reply (warm-up included). */
  errors: number;
  firstErrors: string[];
  /** Teams turns slower than TEAMS_SLOW_REPLY_MS (default 1.5 s): "working on it", then the result through the connector. */
  slowTeamsTurns: number;
  /** Entries the bot confirmed during the whole run (warm-up included), and what the database holds. */
  entries: EntryCount;
  lost: number;
  duplicated: number;
  /** Lines the server logged at error level or above, and its warnings (e.g. a turn retried after a concurrent change). */
  serverLog: { errors: number; firstErrors: string[]; warnings: Record<string, number> };
  memory: {
    /** VmRSS once started, before any user. */
    idleRssMb: number;
    /** VmHWM at the end of the run. */
    peakRssMb: number;
    /** The largest VmRSS sampled every 200 ms. */
    maxSampledRssMb: number;
    /** process.memoryUsage() inside the server, from bench/memory-probe.ts. */
    parts: MemoryProbeReport | null;
  };
  cpuPercent: { server: number; generator: number; other: number };
  /** The server's CPU time per round trip in the window: its cost, whatever else the machine is doing. */
  serverCpuMsPerRoundTrip: number;
  nodeArgs: string[];
}

const REPLY_TIMEOUT_MS = 30_000;

export async function runLoadTest(engine: 'pglite' | 'postgres', serverUrl: string | undefined, options: LoadTestOptions): Promise<LoadTestRun> {
  const work = mkdtempSync(join(tmpdir(), 'logbook-load-'));
  const slack = await new BenchSlack().start();
  const connector = await new BenchConnector().start();
  let database: BenchDatabase | null = null;
  try {
    if (engine === 'postgres') {
      if (!serverUrl) throw new Error('the load test on PostgreSQL needs BENCH_DATABASE_URL');
      database = await createBenchDatabase(serverUrl);
    }
    const signingSecret = randomBytes(24).toString('hex');
    const { scenario, confirmed, tally, organisations, users } = createLoadTestScenario({
      users: options.users,
      organisationSize: options.organisationSize,
      slackSigningSecret: signingSecret,
      slack,
      connector,
      replyTimeoutMs: REPLY_TIMEOUT_MS,
    });
    const dataDir = join(work, 'data');
    const logFile = join(work, 'server.log');
    const memoryFile = join(work, 'memory.json');
    const nodeArgs = options.nodeArgs ?? [];
    const server = await startLogbook(database?.url, {
      dataDir,
      stdoutFile: logFile,
      nodeArgs: ['-r', join(__dirname, 'memory-probe.js'), ...nodeArgs],
      env: {
        LOGBOOK_BENCH_MEMORY_FILE: memoryFile,
        LOCAL_CHAT: 'true',
        SLACK_SIGNING_SECRET: signingSecret,
        SLACK_BOT_TOKEN: 'xoxb-load-test',
        SLACK_API_URL: slack.apiUrl,
      },
    });
    let load: Awaited<ReturnType<typeof runLoad<unknown>>>;
    let memory: Omit<LoadTestRun['memory'], 'parts'>;
    const rss = sampleRss(server.pid);
    try {
      const idleRssMb = statusMb(server.pid, 'VmRSS');
      load = await runLoad(scenario, { url: server.url, path: '/api/messages', users: options.users, seconds: options.seconds, warmupSeconds: options.warmupSeconds, serverPid: server.pid });
      const { maxSampledMb } = rss.stop();
      if (!existsSync(`/proc/${server.pid}/status`)) throw new Error('the server exited during the load test');
      memory = { idleRssMb: round(idleRssMb), peakRssMb: round(statusMb(server.pid, 'VmHWM')), maxSampledRssMb: round(maxSampledMb) };
    } finally {
      rss.stop();
      await server.stop();
    }

    const stored = database ? await entriesOnPostgres(database.url) : await entriesOnPglite(join(dataDir, 'pglite'));
    const entries = countEntries(stored, confirmed);
    const byChannel = {} as LoadTestRun['byChannel'];
    for (const channel of ['teams', 'slack', 'local'] as const) {
      const group = load.groups[channel];
      byChannel[channel] = { users: users[channel], organisations: organisations[channel], roundTrips: group?.roundTrips ?? 0, p50Ms: group?.roundTrip.p50Ms ?? NaN, p99Ms: group?.roundTrip.p99Ms ?? NaN };
    }
    const run: LoadTestRun = {
      engine,
      users: options.users,
      organisations: organisations.teams + organisations.slack + organisations.local,
      byChannel,
      seconds: options.seconds,
      warmupSeconds: options.warmupSeconds,
      rateLimit: `off in the server under test (RATE_LIMIT_PER_MINUTE=${NO_RATE_LIMIT.RATE_LIMIT_PER_MINUTE})`,
      roundTrips: load.roundTrips,
      roundTripsPerSecond: load.roundTripsPerSecond,
      turnsPerSecond: load.turnsPerSecond,
      p50Ms: load.roundTrip.p50Ms,
      p99Ms: load.roundTrip.p99Ms,
      turnP50Ms: load.turn.p50Ms,
      turnP99Ms: load.turn.p99Ms,
      steps: load.steps,
      errors: load.errors,
      firstErrors: load.firstErrors,
      slowTeamsTurns: tally.slowTeamsTurns,
      entries,
      lost: entries.lost,
      duplicated: entries.duplicated,
      serverLog: readServerLog(logFile),
      memory: { ...memory, parts: existsSync(memoryFile) ? (JSON.parse(readFileSync(memoryFile, 'utf8')) as MemoryProbeReport) : null },
      cpuPercent: { server: load.serverCpuPercent, generator: load.generatorCpuPercent, other: load.otherCpuPercent },
      serverCpuMsPerRoundTrip: round((load.serverCpuPercent * 10 * options.seconds) / load.roundTrips),
      nodeArgs,
    };
    if (loadTestFailures(run)) keepServerLog(logFile);
    return run;
  } catch (error) {
    keepServerLog(join(work, 'server.log'));
    throw error;
  } finally {
    await slack.stop();
    await connector.stop();
    await database?.drop();
    rmSync(work, { recursive: true, force: true });
  }
}

/** A failed run's server log is kept for a look. */
function keepServerLog(file: string): void {
  if (!existsSync(file)) return;
  const kept = join(tmpdir(), `logbook-load-test-${Date.now()}.log`);
  copyFileSync(file, kept);
  process.stderr.write(`the server's log: ${kept}\n`);
}

/** pino's JSON lines: level 50 and above are errors, 40 warnings. */
function readServerLog(file: string): LoadTestRun['serverLog'] {
  const result: LoadTestRun['serverLog'] = { errors: 0, firstErrors: [], warnings: {} };
  if (!existsSync(file)) return result;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.startsWith('{')) continue;
    let record: { level?: number; msg?: string; err?: { message?: string } };
    try {
      record = JSON.parse(line) as typeof record;
    } catch {
      continue;
    }
    if ((record.level ?? 0) >= 50) {
      result.errors++;
      if (result.firstErrors.length < 3) result.firstErrors.push(`${record.msg ?? ''}${record.err?.message ? `: ${record.err.message}` : ''}`.slice(0, 300));
    } else if (record.level === 40) {
      const message = record.msg ?? '';
      result.warnings[message] = (result.warnings[message] ?? 0) + 1;
    }
  }
  return result;
}

/** The load test's problems: anything but zero fails the bench. */
export const loadTestFailures = (run: LoadTestRun) => run.errors + run.lost + run.duplicated + run.entries.mismatched + run.serverLog.errors;

const round = (value: number) => Math.round(value * 10) / 10;
