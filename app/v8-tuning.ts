/**
 * V8 settings the service runs with, each measured with the load test (bench/load-test.ts: 200 users
 * for 60 s). Node's own options win: a flag given in NODE_OPTIONS or on node's command line is left as it is.
 */
import { setFlagsFromString } from 'node:v8';

/**
 * After each full collection V8 lets the old generation grow to up to four times its live data before
 * the next one. Under load, turns that wait on the database live long enough to be promoted, so a server
 * with ~70 MB of live data reached 400+ MB. Growing by 20 % keeps the heap near its live size. It is no
 * limit: a large export still gets the memory it needs. On PostgreSQL the peak RSS went from 380–470 to
 * 200–220 MB; full collections went from ~4 to ~20 per 40 s run, ~0.8 s more of the main thread
 * (about 1 ms per round trip, 3–4 % of the server's CPU), which the CPU per round trip did not show
 * beyond its ±10 % noise.
 */
export const HEAP_GROWING_PERCENT = 20;

/** For the server: see HEAP_GROWING_PERCENT. */
export function limitHeapGrowth(): void {
  setUnlessGiven('--heap-growing-percent', `=${HEAP_GROWING_PERCENT}`);
}

/**
 * Embedded PGlite is Postgres compiled to WebAssembly. V8 compiles it with its baseline compiler and then
 * recompiles hot functions with TurboFan, whose compiler memory (~70 MB at its peak) glibc keeps after.
 * With the baseline compiler only, the server's RSS is 40–80 MB lower and a chat turn costs the same CPU;
 * a query that aggregates hundreds of thousands of rows in PGlite takes about 1.5 times as long.
 * Call before PGlite is loaded; `--no-liftoff-only` in NODE_OPTIONS keeps TurboFan.
 */
export function compileWasmWithBaselineOnly(): void {
  setUnlessGiven('--liftoff-only', '', ['--liftoff', '--no-liftoff']);
}

function setUnlessGiven(flag: string, value: string, alsoMeaning: string[] = []): void {
  const options = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].map((option) => option.replace(/_/g, '-'));
  const names = [flag, `--no-${flag.slice(2)}`, ...alsoMeaning];
  if (options.some((option) => names.some((name) => option === name || option.startsWith(`${name}=`)))) return;
  setFlagsFromString(`${flag}${value}`);
}
