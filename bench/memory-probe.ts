/**
 * Preloaded into a bench server (`node -r dist/bench/memory-probe.js …`) with LOGBOOK_BENCH_MEMORY_FILE
 * set: samples process.memoryUsage() and writes, when the process exits, where its memory went at the
 * largest resident set it reached, and the largest value of each part.
 */
import { writeFileSync } from 'node:fs';
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
}

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
  process.once('exit', () => {
    sample();
    const report: MemoryProbeReport = { samples, atPeakRss, spacesAtPeakRss, v8PeakMallocedMb: mb(getHeapStatistics().peak_malloced_memory), max };
    writeFileSync(file, JSON.stringify(report));
  });
}
