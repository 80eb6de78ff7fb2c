import { PGlite } from '@electric-sql/pglite';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { projectRoot } from '../app/paths';

/**
 * PGlite's initdb takes several seconds and ~800 MB at its peak. `npm ci` (the prepare script) runs it
 * once into build/pglite-template; a new data directory then starts as a copy of that.
 */
const TEMPLATE_DIR = join(projectRoot(), 'build', 'pglite-template');
const VERSION_FILE = 'logbook-template-version';

/** The package does not export its package.json; its entry point lives in dist/. */
function pgliteVersion(): string {
  const manifest = join(dirname(require.resolve('@electric-sql/pglite')), '..', 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

function templateIsCurrent(): boolean {
  const versionFile = join(TEMPLATE_DIR, VERSION_FILE);
  return existsSync(versionFile) && readFileSync(versionFile, 'utf8') === pgliteVersion();
}

/** Fills an empty PGlite directory from the template; false when there is no current template. */
export function copyTemplateInto(pgliteDir: string): boolean {
  if (existsSync(join(pgliteDir, 'PG_VERSION')) || !templateIsCurrent()) return false;
  cpSync(TEMPLATE_DIR, pgliteDir, { recursive: true, filter: (source) => !source.endsWith(VERSION_FILE) });
  return true;
}

export async function buildTemplate(): Promise<void> {
  if (templateIsCurrent()) return;
  const staging = `${TEMPLATE_DIR}.${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const db = new PGlite(staging);
  await db.waitReady;
  await db.close();
  writeFileSync(join(staging, VERSION_FILE), pgliteVersion());
  rmSync(TEMPLATE_DIR, { recursive: true, force: true });
  renameSync(staging, TEMPLATE_DIR);
}

if (require.main === module) {
  buildTemplate().catch((error: unknown) => {
    process.stderr.write(`Could not prepare the embedded database template: ${String(error)}\n`);
    process.exitCode = 1;
  });
}
