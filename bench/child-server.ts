/** A server under test in its own process on 127.0.0.1, so it does not share a thread with the load generator. */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { createServer } from 'node:net';

export interface ChildServer {
  url: string;
  pid: number;
  /** Whether the process is still running. */
  alive(): boolean;
  /** Stops the process (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
}

export interface ChildServerOptions {
  name: string;
  /** Node's arguments: options, the compiled script, and its arguments. */
  args: string[];
  env: Record<string, string>;
  /** A GET on this path answers once the server is ready; `ok` asks for a 2xx, otherwise any answer does. */
  readyPath: string;
  ok: boolean;
  /** Gets each line the server writes to stdout (its JSON logs); without it stdout is ignored. */
  onLog?: (line: string) => void;
  /** The server's stdout (its logs) goes to this file; dropped without it. */
  stdoutFile?: string;
}

/** A port that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export async function startChildServer(options: ChildServerOptions): Promise<ChildServer> {
  const port = await freePort();
  const stdout = options.stdoutFile ? openSync(options.stdoutFile, 'w') : 'ignore';
  const child: ChildProcess = spawn(process.execPath, options.args, {
    env: { ...process.env, ...options.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', options.onLog ? 'pipe' : stdout, 'inherit'],
  });
  if (typeof stdout === 'number') closeSync(stdout);
  if (options.onLog && child.stdout) {
    const onLog = options.onLog;
    let partial = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) if (line) onLog(line);
    });
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${options.name} exited with ${child.exitCode ?? child.signalCode}`);
    try {
      const response = await fetch(`${url}${options.readyPath}`);
      await response.arrayBuffer();
      if (!options.ok || response.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${options.name} did not become ready in 60 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (child.pid === undefined) throw new Error(`${options.name} has no pid`);
  return {
    url,
    pid: child.pid,
    alive: () => child.exitCode === null && child.signalCode === null,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timeout = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timeout);
    },
  };
}
