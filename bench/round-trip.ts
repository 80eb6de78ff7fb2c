import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Reply } from '../bot/messages';

export interface RoundTripResult {
  users: number;
  roundTrips: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

const MESSAGES = [
  'Open evening tonight, {n} kids, 8 girls, talked about exams and vaping',
  'Avoin ilta tänään, {n} nuorta, juteltiin koulusta',
  'Öppen kväll ikväll, {n} ungdomar, pratade om gaming',
  'Boxing group 1h, {n} boys, fights at school',
  'Jalkautuva työ keskustassa, {n} nuorta',
];

/** A server process of the built app on a free port, with its own throwaway data. */
export async function startServer(env: Record<string, string>): Promise<{ url: string; process: ChildProcess; stop: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'logbook-bench-'));
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(process.execPath, [join(__dirname, '..', 'adapters', 'cli', 'logbook.js'), 'serve'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', LOGBOOK_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      if (i > 600) throw new Error('the server did not become healthy in 60 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    process: child,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function post(url: string, body: unknown): Promise<Reply[]> {
  const response = await fetch(`${url}/api/local/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`status ${response.status}`);
  return ((await response.json()) as { replies: Reply[] }).replies;
}

/** Users log sessions concurrently for `seconds`: message, summary card, Save. Latency is per round trip. */
export async function benchRoundTrip(url: string, users: number, seconds: number): Promise<RoundTripResult> {
  const latencies: number[] = [];
  let errors = 0;
  let sequence = 0;
  const warmUntil = Date.now() + 1000;
  const stopAt = warmUntil + seconds * 1000;
  let measuredFrom = 0;
  await Promise.all(
    Array.from({ length: users }, async (_, userIndex) => {
      const user = `bench-user-${userIndex}-${Date.now()}`;
      while (Date.now() < stopAt) {
        const n = 5 + (sequence++ % 30);
        const text = MESSAGES[sequence % MESSAGES.length].replace('{n}', String(n));
        const started = performance.now();
        try {
          const shown = await post(url, { user, text, messageId: `${user}-${sequence}-m`, locale: 'en-GB' });
          const save = shown.flatMap((r) => r.card?.buttons ?? []).find((b) => b.data.action === 'save');
          if (!save) throw new Error(`no summary card: ${shown.map((r) => r.text).join(' ')}`);
          const saved = await post(url, { user, text: '', actionData: save.data, messageId: `${user}-${sequence}-s`, locale: 'en-GB' });
          if (!saved[0]?.text.startsWith('Saved')) throw new Error(`not saved: ${saved[0]?.text}`);
          if (Date.now() >= warmUntil) {
            measuredFrom ||= Date.now();
            latencies.push(performance.now() - started);
          }
        } catch (error) {
          errors++;
          if (errors <= 3) process.stderr.write(`round trip failed: ${String(error)}\n`);
        }
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  const elapsed = (Date.now() - measuredFrom) / 1000;
  return {
    users,
    roundTrips: latencies.length,
    perSecond: latencies.length / elapsed,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    errors,
  };
}
