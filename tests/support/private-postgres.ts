import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../bench/child-server';

const run = promisify(execFile);
const POSTGRES_LIBS = '/usr/lib/postgresql';
/** initdb, pg_ctl and postgres refuse to run as root: as root they run as this OS user. */
const POSTGRES_OS_USER = 'postgres';

/**
 * A PostgreSQL server of one test's own, in a temporary directory on a free port of 127.0.0.1,
 * which the test may stop and start again (to take the database away from a running app).
 */
export class PrivatePostgres {
  private running = false;

  private constructor(
    private readonly bin: string,
    private readonly dir: string,
    readonly port: number,
  ) {}

  /** postgres://postgres@127.0.0.1:PORT/postgres, trusted without a password. */
  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  /** initdb into a new temporary directory and start the server; everything is removed again if that fails. */
  static async create(): Promise<PrivatePostgres> {
    const bin = postgresBinDir();
    const dir = mkdtempSync(join(tmpdir(), 'logbook-private-pg-'));
    try {
      if (asRoot()) chownSync(dir, ...(await osUserIds(POSTGRES_OS_USER)));
      const server = new PrivatePostgres(bin, dir, await freePort());
      await server.tool('initdb', ['-D', server.dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions']);
      await server.start();
      return server;
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  }

  private get dataDir(): string {
    return join(this.dir, 'data');
  }

  /** Starts the server and waits until it accepts connections. */
  async start(): Promise<void> {
    // fsync off only skips flushing to disk; a commit still waits for its WAL to be written, so a killed server keeps it.
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
    try {
      await this.tool('pg_ctl', ['-D', this.dataDir, '-l', join(this.dir, 'server.log'), '-o', options, '-w', '-t', '30', 'start']);
    } catch (error) {
      throw new Error(`${(error as Error).message}\nserver log:\n${this.log().slice(-2000)}`);
    }
    this.running = true;
  }

  /** Stops the server: 'fast' ends the sessions cleanly, 'immediate' kills them like a crash. */
  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    await this.tool('pg_ctl', ['-D', this.dataDir, '-m', mode, '-w', '-t', '30', 'stop']);
    this.running = false;
  }

  /**
   * Freezes (SIGSTOP) or thaws (SIGCONT) the server and its sessions: a frozen server keeps its connections
   * open and answers nothing, like one cut off by the network.
   */
  async signal(which: 'SIGSTOP' | 'SIGCONT'): Promise<void> {
    const postmaster = Number(readFileSync(join(this.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const { stdout } = await run('pgrep', ['-P', String(postmaster)]);
    for (const pid of [postmaster, ...stdout.split('\n').filter(Boolean).map(Number)]) process.kill(pid, which);
  }

  /** Stops the server if it runs and removes its directory; safe to call after any failure. */
  async destroy(): Promise<void> {
    try {
      if (this.running || existsSync(join(this.dataDir, 'postmaster.pid'))) {
        // A server a failed test left frozen could not act on the stop.
        await this.signal('SIGCONT').catch(() => undefined);
        await this.stop('immediate');
      }
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }

  log(): string {
    const file = join(this.dir, 'server.log');
    return existsSync(file) ? readFileSync(file, 'utf8') : '';
  }

  private async tool(name: string, args: string[]): Promise<void> {
    const program = join(this.bin, name);
    const [file, argv] = asRoot() ? ['runuser', ['-u', POSTGRES_OS_USER, '--', program, ...args]] : [program, args];
    try {
      await run(file, argv, { cwd: this.dir, timeout: 60_000 });
    } catch (error) {
      const failed = error as Error & { stderr?: string; stdout?: string };
      throw new Error(`${name} failed: ${failed.message}\n${failed.stderr ?? ''}${failed.stdout ?? ''}`);
    }
  }
}

/** The bin directory of the newest PostgreSQL under /usr/lib/postgresql that has initdb, pg_ctl and postgres. */
function postgresBinDir(): string {
  const versions = existsSync(POSTGRES_LIBS) ? readdirSync(POSTGRES_LIBS) : [];
  const usable = versions
    .filter((version) => ['initdb', 'pg_ctl', 'postgres'].every((tool) => existsSync(join(POSTGRES_LIBS, version, 'bin', tool))))
    .sort((a, b) => Number(b) - Number(a));
  if (!usable.length) {
    throw new Error(`No PostgreSQL server binaries (initdb, pg_ctl, postgres) under ${POSTGRES_LIBS}/<version>/bin: install Debian's postgresql package.`);
  }
  return join(POSTGRES_LIBS, usable[0], 'bin');
}

function asRoot(): boolean {
  return process.getuid?.() === 0;
}

async function osUserIds(name: string): Promise<[number, number]> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
    return [Number(uid.stdout.trim()), Number(gid.stdout.trim())];
  } catch {
    throw new Error(`Running as root, the private PostgreSQL needs the OS user "${name}" (Debian's postgresql package creates it).`);
  }
}

