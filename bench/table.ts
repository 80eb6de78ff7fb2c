/** The bench's markdown tables. */
import type { Latency, LoadResult } from './load';

export function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

const pair = (latency: Latency | undefined) => (latency ? `${latency.p50Ms} / ${latency.p99Ms}` : '–');

/** One row per server and level: throughput, latencies of each turn and of the whole round trip, errors, CPU. */
export function loadTable(runs: { server: string; result: LoadResult }[]): string {
  return markdownTable(
    ['server', 'users', 'HTTP turns/s', 'round trips/s', 'turn p50 / p99', 'log message', 'follow-up', 'Save', 'round trip p50 / p99', 'errors', 'server CPU', 'generator CPU', 'other CPU'],
    runs.map(({ server, result }) => [
      server,
      String(result.users),
      String(result.turnsPerSecond),
      String(result.roundTripsPerSecond),
      pair(result.turn),
      pair(result.steps.message),
      pair(result.steps.followUp),
      pair(result.steps.save),
      pair(result.roundTrip),
      String(result.errors),
      `${result.serverCpuPercent} %`,
      `${result.generatorCpuPercent} %`,
      `${result.otherCpuPercent} %`,
    ]),
  );
}
