/**
 * Preloaded into a bench server (`node -r dist/bench/memory-probe.js …`) with LOGBOOK_BENCH_MEMORY_FILE
 * set: samples process.memoryUsage() and writes, when the process exits, where its memory went at the
 * largest resident set it reached, and the largest value of each part.
 */
import { writeFileSync } from 'node:fs';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, getHeapStatistics } from 'node:v8';

export interface MemoryParts {
  rssMb: number;
  /** V8's heap: reserved and in use. */
  heapTotalMb: number;
  heapUsedMb: number;
  /** Memory of C++ objects bound to JS objects, ArrayBuffers included (PGlite's WASM memory is one). */
  externalMb: number;
  arrayBuffersMb: number;
  /** Memory V8 itself took with malloc (compiler zones and the like). */
  v8MallocedMb: number;
}

export interface MemoryProbeReport {
  samples: number;
  /** The parts at the sample with the largest RSS. */
  atPeakRss: MemoryParts;
  /** V8's heap spaces at that sample: committed and used MB. */
  spacesAtPeakRss: Record<string, { sizeMb: number; usedMb: number }>;
  /** The most V8 ever took with malloc. */
  v8PeakMallocedMb: number;
  /** The largest value each part reached, at whatever sample. */
  max: MemoryParts;
  /** Garbage collections on the main thread while the process ran: count and milliseconds by kind. */
  gc: Record<'minor' | 'major' | 'incremental' | 'weakCallbacks', { count: number; ms: number }>;
}

const GC_KINDS: Record<number, keyof MemoryProbeReport['gc']> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weakCallbacks',
};

const EVERY_MS = 250;
const file = process.env.LOGBOOK_BENCH_MEMORY_FILE;
if (file) {
  const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;
  const read = (): MemoryParts => {
    const usage = process.memoryUsage();
    return {
      rssMb: mb(usage.rss),
      heapTotalMb: mb(usage.heapTotal),
      heapUsedMb: mb(usage.heapUsed),
      externalMb: mb(usage.external),
      arrayBuffersMb: mb(usage.arrayBuffers),
      v8MallocedMb: mb(getHeapStatistics().malloced_memory),
    };
  };
  const spaces = () =>
    Object.fromEntries(getHeapSpaceStatistics().map((space) => [space.space_name, { sizeMb: mb(space.space_size), usedMb: mb(space.space_used_size) }]));
  let samples = 0;
  let atPeakRss = read();
  let spacesAtPeakRss = spaces();
  const max = { ...atPeakRss };
  const sample = () => {
    const now = read();
    samples++;
    if (now.rssMb >= atPeakRss.rssMb) {
      atPeakRss = now;
      spacesAtPeakRss = spaces();
    }
    for (const key of Object.keys(max) as (keyof MemoryParts)[]) max[key] = Math.max(max[key], now[key]);
  };
  setInterval(sample, EVERY_MS).unref();
  const gc: MemoryProbeReport['gc'] = { minor: { count: 0, ms: 0 }, major: { count: 0, ms: 0 }, incremental: { count: 0, ms: 0 }, weakCallbacks: { count: 0, ms: 0 } };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = GC_KINDS[(entry as unknown as { detail?: { kind?: number } }).detail?.kind ?? -1];
      if (!kind) continue;
      gc[kind].count++;
      gc[kind].ms += entry.duration;
    }
  }).observe({ entryTypes: ['gc'] });
  process.once('exit', () => {
    sample();
    for (const kind of Object.values(gc)) kind.ms = Math.round(kind.ms);
    const report: MemoryProbeReport = { samples, atPeakRss, spacesAtPeakRss, v8PeakMallocedMb: mb(getHeapStatistics().peak_malloced_memory), max, gc };
    writeFileSync(file, JSON.stringify(report));
  });
}
