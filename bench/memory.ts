/** A process's memory from /proc/<pid>/status (Linux): resident set now, and its peak (high-water mark). */
import { readFileSync } from 'node:fs';

/** A `Vm…` line of /proc/<pid>/status in MB. */
export function statusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  if (!match) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(match[1]) / 1024;
}

/** Samples VmRSS every `everyMs` until stopped; the first and the largest sample are kept. */
export function sampleRss(pid: number, everyMs = 200): { stop(): { firstMb: number; maxSampledMb: number; samples: number } } {
  let firstMb = NaN;
  let maxSampledMb = 0;
  let samples = 0;
  const read = () => {
    try {
      const mb = statusMb(pid, 'VmRSS');
      if (!samples) firstMb = mb;
      maxSampledMb = Math.max(maxSampledMb, mb);
      samples++;
    } catch {
      // The process has exited.
    }
  };
  read();
  const timer = setInterval(read, everyMs);
  return {
    stop() {
      clearInterval(timer);
      read();
      return { firstMb, maxSampledMb, samples };
    },
  };
}
