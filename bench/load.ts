/**
 * The load generator: closed-loop users, each sending its next HTTP turn as soon as the last one was
 * answered, over keep-alive connections. After the users' first turns and a warm-up, turns and round
 * trips that end inside the measured window are counted; users then finish the round trip they are in.
 */
import { Agent, request } from 'node:http';
import { cpuSeconds, machineBusySeconds } from './cpu';

/**
 * Posts JSON (to the load's path unless `path` names another) and returns the parsed answer; the time it
 * took is recorded under `step`. A status other than 200 throws.
 */
export type PostTurn = (step: string, body: unknown, path?: string) => Promise<unknown>;

/** For turns whose answer comes back another way (e.g. through a fake Slack Web API). */
export interface TurnTools {
  /** Records the time `work` takes under `step`. */
  time<T>(step: string, work: () => Promise<T>): Promise<T>;
  /** Posts raw bytes with these headers over the load's keep-alive agent; not timed by itself. */
  send(path: string, body: string, headers: Record<string, string>): Promise<{ status: number; text: string }>;
}

export interface Scenario<User> {
  /** A user's first turns, not measured (e.g. the sign-up that creates its organisation). */
  prepare(index: number, post: PostTurn, tools: TurnTools): Promise<User>;
  /** One round trip; throws when a reply is not the one expected. */
  roundTrip(user: User, post: PostTurn, tools: TurnTools): Promise<void>;
  /** Round trips are also summed per group (e.g. per channel) when given. */
  group?(user: User): string;
}

export interface LoadOptions {
  url: string;
  path: string;
  users: number;
  warmupSeconds: number;
  seconds: number;
  /** The server's process, whose CPU time is read at the window's edges. */
  serverPid: number;
}

export interface Latency {
  count: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
}

export interface LoadResult {
  users: number;
  seconds: number;
  /** HTTP turns of successful round trips that ended inside the window. */
  turns: number;
  turnsPerSecond: number;
  turn: Latency;
  /** Each step of the round trip on its own. */
  steps: Record<string, Latency>;
  roundTrips: number;
  roundTripsPerSecond: number;
  roundTrip: Latency;
  /** Round trips of each group that ended inside the window, when the scenario has groups. */
  groups: Record<string, { roundTrips: number; roundTrip: Latency }>;
  /** Round trips that failed (a wrong reply, an HTTP error), warm-up included. */
  errors: number;
  firstErrors: string[];
  /** CPU used during the window, in % of one core. */
  serverCpuPercent: number;
  generatorCpuPercent: number;
  /** Everything else the machine ran during the window (PostgreSQL, other programs), in % of one core. */
  otherCpuPercent: number;
}

interface Timed {
  step: string;
  endedAt: number;
  ms: number;
}

function post(agent: Agent, url: URL, payload: Buffer, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent, headers: { ...headers, 'Content-Length': payload.length } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function postJson(agent: Agent, url: URL, body: unknown): Promise<unknown> {
  const { status, text } = await post(agent, url, Buffer.from(JSON.stringify(body)), { 'Content-Type': 'application/json' });
  if (status !== 200) throw new Error(`HTTP ${status}: ${text.slice(0, 200)}`);
  return text ? JSON.parse(text) : null;
}

/** Nearest-rank percentiles of the latencies in ms. */
export function latency(values: number[]): Latency {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length ? sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] : NaN);
  const mean = sorted.length ? sorted.reduce((sum, value) => sum + value, 0) / sorted.length : NaN;
  return { count: sorted.length, p50Ms: round(at(0.5)), p99Ms: round(at(0.99)), meanMs: round(mean) };
}

const round = (value: number) => Math.round(value * 10) / 10;

const IDLE_CONNECTION_MS = 2000;
const AFTER_ERROR_MS = 100;

/** NaN once the server has exited, which the results then show. */
function serverCpuSeconds(pid: number): number {
  try {
    return cpuSeconds(pid);
  } catch {
    return NaN;
  }
}

export async function runLoad<User>(scenario: Scenario<User>, options: LoadOptions): Promise<LoadResult> {
  // An idle connection is dropped well before the server's keep-alive timeout (Node's 5 s), so a request
  // never goes out on a connection the server is closing at that moment (ECONNRESET).
  const agent = new Agent({ keepAlive: true, maxSockets: options.users, timeout: IDLE_CONNECTION_MS });
  const target = new URL(options.path, options.url);
  const turns: Timed[] = [];
  const roundTrips: Timed[] = [];
  const firstErrors: string[] = [];
  let errors = 0;
  try {
    const timer = async <T>(into: Timed[], step: string, work: () => Promise<T>): Promise<T> => {
      const started = performance.now();
      const result = await work();
      const ended = performance.now();
      into.push({ step, endedAt: ended, ms: ended - started });
      return result;
    };
    const poster = (into: Timed[]): PostTurn => (step, body, path) =>
      timer(into, step, () => postJson(agent, path ? new URL(path, options.url) : target, body));
    const tools = (into: Timed[]): TurnTools => ({
      time: (step, work) => timer(into, step, work),
      send: (path, body, headers) => post(agent, new URL(path, options.url), Buffer.from(body), headers),
    });
    const people = await Promise.all(Array.from({ length: options.users }, (_, index) => scenario.prepare(index, poster([]), tools([]))));

    const windowStart = performance.now() + options.warmupSeconds * 1000;
    const windowEnd = windowStart + options.seconds * 1000;
    const cpu = { generator: process.cpuUsage(), server: 0, machine: 0, at: 0 };
    const atStart = new Promise<void>((resolve) =>
      setTimeout(() => {
        cpu.generator = process.cpuUsage();
        cpu.server = serverCpuSeconds(options.serverPid);
        cpu.machine = machineBusySeconds();
        cpu.at = performance.now();
        resolve();
      }, options.warmupSeconds * 1000),
    );
    let generatorCpuPercent = NaN;
    let serverCpuPercent = NaN;
    let otherCpuPercent = NaN;
    const atEnd = new Promise<void>((resolve) =>
      setTimeout(() => {
        const generator = process.cpuUsage(cpu.generator);
        const elapsed = (performance.now() - cpu.at) / 1000;
        const generatorSeconds = (generator.user + generator.system) / 1e6;
        const serverSeconds = serverCpuSeconds(options.serverPid) - cpu.server;
        const machineSeconds = machineBusySeconds() - cpu.machine;
        generatorCpuPercent = round((generatorSeconds / elapsed) * 100);
        serverCpuPercent = round((serverSeconds / elapsed) * 100);
        otherCpuPercent = round((Math.max(0, machineSeconds - generatorSeconds - serverSeconds) / elapsed) * 100);
        resolve();
      }, (options.warmupSeconds + options.seconds) * 1000),
    );

    await Promise.all([
      atStart,
      atEnd,
      ...people.map(async (person) => {
        while (performance.now() < windowEnd) {
          const own: Timed[] = [];
          const started = performance.now();
          try {
            await scenario.roundTrip(person, poster(own), tools(own));
            const ended = performance.now();
            turns.push(...own);
            roundTrips.push({ step: scenario.group?.(person) ?? 'roundTrip', endedAt: ended, ms: ended - started });
          } catch (error) {
            errors++;
            if (firstErrors.length < 3) firstErrors.push(String(error).slice(0, 300));
            // A server that fails at once (or has died) is not hammered in a tight loop.
            await new Promise((resolve) => setTimeout(resolve, AFTER_ERROR_MS));
          }
        }
      }),
    ]);

    const inWindow = (timed: Timed) => timed.endedAt >= windowStart && timed.endedAt <= windowEnd;
    const measuredTurns = turns.filter(inWindow);
    const measuredRoundTrips = roundTrips.filter(inWindow);
    const steps: Record<string, Latency> = {};
    for (const step of [...new Set(measuredTurns.map((turn) => turn.step))]) {
      steps[step] = latency(measuredTurns.filter((turn) => turn.step === step).map((turn) => turn.ms));
    }
    const groups: LoadResult['groups'] = {};
    if (scenario.group) {
      for (const group of [...new Set(measuredRoundTrips.map((trip) => trip.step))].sort()) {
        const own = measuredRoundTrips.filter((trip) => trip.step === group);
        groups[group] = { roundTrips: own.length, roundTrip: latency(own.map((trip) => trip.ms)) };
      }
    }
    return {
      users: options.users,
      seconds: options.seconds,
      turns: measuredTurns.length,
      turnsPerSecond: round(measuredTurns.length / options.seconds),
      turn: latency(measuredTurns.map((turn) => turn.ms)),
      steps,
      roundTrips: measuredRoundTrips.length,
      roundTripsPerSecond: round(measuredRoundTrips.length / options.seconds),
      roundTrip: latency(measuredRoundTrips.map((trip) => trip.ms)),
      groups,
      errors,
      firstErrors,
      serverCpuPercent,
      generatorCpuPercent,
      otherCpuPercent,
    };
  } finally {
    agent.destroy();
  }
}
