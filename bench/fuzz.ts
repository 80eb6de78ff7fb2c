/**
 * npm run fuzz: starts `logbook serve` in a child process (embedded PGlite, or a fresh database on
 * BENCH_DATABASE_URL's PostgreSQL server) with Slack on, and sends it over real HTTP FUZZ_MESSAGES garbage chat
 * messages (default 100,000) and then FUZZ_BODIES malformed requests (default 10,000), generated from FUZZ_SEED.
 * Fails (exit code 1) on any 5xx, any request without an answer, any body over the limit not answered 413, any
 * "I failed" chat reply, or a server that died or no longer answers. Writes bench/fuzz-results.json.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBenchDatabase, type BenchDatabase } from './bench-database';
import type { ChildServer } from './child-server';
import { malformedRequest, type BodyTargets } from './fuzz-bodies';
import { runFuzz, type FuzzTally } from './fuzz-http';
import { chatMessage, chatUsers } from './fuzz-messages';
import { seedFrom } from './fuzz-random';
import { greetUsers, openDashboardSession, serverStillAnswers } from './fuzz-setup';
import { startChannelStandIns } from './fuzz-stand-ins';
import { sampleRss, statusMb } from './memory';
import { startLogbook } from './servers';
import { markdownTable } from './table';

const SLACK_SIGNING_SECRET = 'fuzz-signing-secret-0123456789abcdef';
const MAX_BODY_BYTES = 1024 * 1024;

function count(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number`);
  return value;
}

/** The server's own log lines of level warn and above, counted by message. */
class LogCounts {
  readonly errors: Record<string, number> = {};
  readonly warnings: Record<string, number> = {};

  add(line: string): void {
    let entry: { level?: number; msg?: string; err?: { message?: string } };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      return;
    }
    if ((entry.level ?? 0) < 40) return;
    const key = `${entry.msg ?? '?'}${entry.err?.message ? `: ${entry.err.message.slice(0, 120)}` : ''}`;
    const into = (entry.level ?? 0) >= 50 ? this.errors : this.warnings;
    into[key] = (into[key] ?? 0) + 1;
  }
}

const seconds = (ms: number) => Math.round(ms / 100) / 10;

function summary(tally: FuzzTally, ms: number) {
  return {
    sent: tally.sent,
    seconds: seconds(ms),
    perSecond: Math.round(tally.sent / (ms / 1000)),
    classes: tally.classes,
    statuses: tally.statuses,
    categories: tally.categories,
    meanMsByCategory: Object.fromEntries(
      Object.entries(tally.categoryMs).map(([category, ms]) => [category, Math.round(ms / Object.values(tally.categories[category]).reduce((a, b) => a + b, 0))]),
    ),
    failures: tally.failureCounts,
    firstFailures: tally.failures,
    slowestMs: Math.round(tally.slowestMs),
    busyReplies: tally.busyReplies,
    retriedAfterKeepAliveReset: tally.retried,
    ...(tally.oversizedSent ? { oversized: { sent: tally.oversizedSent, answered413: tally.oversizedAnswered413 } } : {}),
  };
}

async function main(): Promise<void> {
  const seed = seedFrom(process.env.FUZZ_SEED);
  const messages = count('FUZZ_MESSAGES', 100_000);
  const bodies = count('FUZZ_BODIES', 10_000);
  const lanes = count('FUZZ_LANES', 16) || 1;
  const serverUrl = process.env.BENCH_DATABASE_URL;
  const engine = serverUrl ? 'postgres' : 'pglite';
  process.stderr.write(
    `fuzz: seed ${seed} (FUZZ_SEED=${seed} repeats this run), ${messages} messages, ${bodies} malformed requests, ${lanes} lanes, on ${engine}; ` +
      'the per-user rate limit is off (RATE_LIMIT_PER_MINUTE=0), as in the bench\n',
  );

  const standIns = await startChannelStandIns();
  let database: BenchDatabase | null = null;
  let server: ChildServer | null = null;
  const logs = new LogCounts();
  let exitCode = 0;
  try {
    if (serverUrl) database = await createBenchDatabase(serverUrl);
    server = await startLogbook(database?.url, {
      nodeArgs: (process.env.FUZZ_NODE_ARGS ?? '').split(/\s+/).filter(Boolean),
      env: {
        SLACK_SIGNING_SECRET,
        SLACK_BOT_TOKEN: 'xoxb-fuzz-not-a-real-token',
        SLACK_API_URL: standIns.slackApiUrl,
        // Every address the server may call is a loopback stand-in, the Teams sign-in keys too.
        TEAMS_SSO_JWKS_URL: `${standIns.teamsServiceUrl}jwks`,
        LOG_LEVEL: 'warn',
        MAX_BODY_BYTES: String(MAX_BODY_BYTES),
      },
      onLog: (line) => logs.add(line),
    });
    const running = server;
    const rss = sampleRss(running.pid);
    const started = performance.now();

    // Users are a multiple of the lanes, so each user's messages go through one lane, in order.
    const users = chatUsers(seed, lanes * 8);
    await greetUsers(running.url, users, standIns.teamsServiceUrl);
    const dashboard = await openDashboardSession(running.url);
    const stop = () => !running.alive();

    const messagesStarted = performance.now();
    const messageTally = await runFuzz({
      baseUrl: running.url,
      count: messages,
      lanes,
      make: (index) => chatMessage(seed, index, users, standIns.teamsServiceUrl),
      stop,
      onProgress: (done) => process.stderr.write(`  messages: ${done}/${messages} (${seconds(performance.now() - messagesStarted)} s)\n`),
    });
    const messagesMs = performance.now() - messagesStarted;

    const targets: BodyTargets = {
      slackSigningSecret: SLACK_SIGNING_SECRET,
      teamsServiceUrl: standIns.teamsServiceUrl,
      slackResponseUrl: standIns.slackResponseUrl,
      dashboard,
      maxBodyBytes: MAX_BODY_BYTES,
    };
    const bodiesStarted = performance.now();
    const bodyTally = await runFuzz({
      baseUrl: running.url,
      count: bodies,
      lanes,
      make: (index) => malformedRequest(seed, index, targets),
      stop,
      onProgress: (done) => process.stderr.write(`  malformed requests: ${done}/${bodies} (${seconds(performance.now() - bodiesStarted)} s)\n`),
    });
    const bodiesMs = performance.now() - bodiesStarted;

    const alive = running.alive();
    const after = alive ? await serverStillAnswers(running.url) : { ok: false, detail: 'the server process exited' };
    const { maxSampledMb } = rss.stop();
    const peakRssMb = alive ? Math.round(statusMb(running.pid, 'VmHWM')) : null;
    const totalMs = performance.now() - started;

    const allOversized413 = bodyTally.oversizedAnswered413 === bodyTally.oversizedSent;
    const failed = messageTally.failed + bodyTally.failed > 0 || !alive || !after.ok || !allOversized413;
    const result = {
      measuredAt: new Date().toISOString(),
      seed,
      engine,
      settings: { messages, bodies, lanes, users: users.length, maxBodyBytes: MAX_BODY_BYTES, rateLimit: 'off (RATE_LIMIT_PER_MINUTE=0)' },
      passed: !failed,
      seconds: seconds(totalMs),
      messages: summary(messageTally, messagesMs),
      bodies: summary(bodyTally, bodiesMs),
      server: { alive, afterwards: after.detail, peakRssMb, maxSampledRssMb: Math.round(maxSampledMb), errorLogs: logs.errors, warningLogs: logs.warnings },
      standInCalls: standIns.calls(),
    };
    writeResults(engine, result);

    const failures = (tally: FuzzTally) =>
      Object.entries(tally.failureCounts)
        .filter(([, n]) => n)
        .map(([kind, n]) => `${n} ${kind}`)
        .join(', ') || 'none';
    const classes = (tally: FuzzTally) =>
      Object.entries(tally.classes)
        .filter(([, n]) => n)
        .map(([name, n]) => `${name} ${n.toLocaleString('en')}`)
        .join(' · ') + (tally.busyReplies ? ` (${tally.busyReplies} asked to send again: one user's messages at once)` : '');
    const rows: string[][] = [
      ['chat messages', `${messageTally.sent.toLocaleString('en')} in ${seconds(messagesMs)} s (${result.messages.perSecond}/s)`, classes(messageTally), failures(messageTally)],
      ['malformed requests', `${bodyTally.sent.toLocaleString('en')} in ${seconds(bodiesMs)} s`, classes(bodyTally), failures(bodyTally)],
      ['bodies over 1 MB', `${bodyTally.oversizedSent}`, `413: ${bodyTally.oversizedAnswered413}`, allOversized413 ? 'none' : `${bodyTally.oversizedSent - bodyTally.oversizedAnswered413} not 413`],
      ['server afterwards', alive ? 'alive' : 'exited', after.detail, after.ok ? 'none' : 'not answering'],
      ['peak RSS (VmHWM)', peakRssMb === null ? 'n/a' : `${peakRssMb} MB`, '', ''],
    ];
    const errorLines = Object.entries(logs.errors).sort((a, b) => b[1] - a[1]);
    process.stdout.write(
      [
        `## Fuzz run on ${engine}: ${failed ? 'FAILED' : 'passed'}`,
        '',
        `Seed ${seed} (FUZZ_SEED), ${seconds(totalMs)} s in all, ${lanes} lanes, ${users.length} chat users; rate limiting off (RATE_LIMIT_PER_MINUTE=0).`,
        '',
        markdownTable(['what', 'sent', 'answers', 'failures'], rows),
        '',
        `Statuses: messages ${JSON.stringify(messageTally.statuses)}; malformed ${JSON.stringify(bodyTally.statuses)}`,
        errorLines.length ? `\nServer error logs: ${errorLines.map(([msg, n]) => `${n}× ${msg}`).join('; ')}` : '\nServer error logs: none',
        ...[...messageTally.failures, ...bodyTally.failures].slice(0, 20).map((f) => `- ${f.kind}: #${f.index} ${f.category} ${f.method} ${f.path} → ${f.status ?? 'no answer'} ${f.detail}`),
        '',
      ].join('\n'),
    );
    if (failed) exitCode = 1;
  } finally {
    await server?.stop();
    await database?.drop();
    await standIns.stop();
  }
  process.exitCode = exitCode;
}

/** bench/fuzz-results.json keeps the last run on each engine. */
function writeResults(engine: string, result: object): void {
  const dir = join(__dirname, '..', '..', 'bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'fuzz-results.json');
  let runs: Record<string, unknown> = {};
  if (existsSync(file)) {
    try {
      runs = (JSON.parse(readFileSync(file, 'utf8')) as { runs?: Record<string, unknown> }).runs ?? {};
    } catch {
      runs = {};
    }
  }
  runs[engine] = result;
  writeFileSync(file, `${JSON.stringify({ runs }, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`fuzz failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
