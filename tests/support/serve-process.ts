import { spawn, type ChildProcess } from 'node:child_process';
import { CLI } from './cli';
import { freePort } from '../../bench/child-server';

/** `logbook serve` from the build, in a process of its own that a test can kill. */
export interface ServeProcess {
  url: string;
  /** What it wrote on stdout and stderr, for failure messages. */
  output(): string;
  /** SIGKILL: the process dies at once, as in a crash or an OOM kill. */
  kill(): Promise<void>;
  /** SIGTERM: the service shuts down as it does in production. */
  stop(): Promise<void>;
}


/** Starts `logbook serve` on a free loopback port and waits until /healthz answers 200. */
export async function startServeProcess(env: Record<string, string>, timeoutMs = 60_000): Promise<ServeProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [CLI, 'serve'], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const running = () => child.exitCode === null && child.signalCode === null;
  const end = async (signal: NodeJS.Signals) => {
    if (running()) child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!running()) throw new Error(`logbook serve exited with ${child.exitCode ?? child.signalCode}: ${output}`);
    try {
      const response = await fetch(`${url}/healthz`);
      await response.arrayBuffer();
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await end('SIGKILL');
      throw new Error(`logbook serve was not ready in ${timeoutMs} ms: ${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, output: () => output, kill: () => end('SIGKILL'), stop: () => end('SIGTERM') };
}
