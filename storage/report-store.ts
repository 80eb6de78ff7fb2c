import { Writable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { ExportTooLargeError, type ReportStore } from '../bot/ports';
import { loadReportCatalogue } from '../reports/catalogue';
import { countEntries, streamEntries, type ExportFilter } from '../reports/export/entry-stream';
import { writeExport } from '../reports/export/formats';
import { goalProgress } from '../reports/goals';
import { runReport } from '../reports/run';
import { fetchPeriodNotes } from '../reports/summary';

/** The most entries an export in chat holds in memory; larger ones are for the command line export. */
export const EXPORT_ROW_LIMIT = 100_000;

export interface ReportStoreOptions {
  exportRowLimit?: number;
}

/** Report questions from chat, delegated to the report queries of reports/. */
export function createReportStore(dataSource: DataSource, options: ReportStoreOptions = {}): ReportStore {
  const exportRowLimit = options.exportRowLimit ?? EXPORT_ROW_LIMIT;
  return {
    catalogue(organisationId) {
      return loadReportCatalogue(dataSource, organisationId);
    },
    async memberUnits(organisationId, memberId) {
      const [row] = await dataSource.query<{ unit_ids: string[] }[]>(
        'SELECT unit_ids FROM members WHERE organisation_id = $1 AND id = $2 AND removed_at IS NULL',
        [organisationId, memberId],
      );
      return row?.unit_ids ?? [];
    },
    run(organisationId, scope, query, options) {
      return runReport(dataSource, query, { organisationId, unitIds: scope.unitIds }, options);
    },
    notes(organisationId, scope, query, asOf) {
      return fetchPeriodNotes(dataSource, query, { organisationId, unitIds: scope.unitIds }, { asOf });
    },
    goals(organisationId, scope, period, asOf, only) {
      return goalProgress(dataSource, { organisationId, unitIds: scope.unitIds }, period, asOf, only);
    },
    async exportEntries(organisationId, scope, filters, format) {
      const filter: ExportFilter = {
        organisationId,
        from: filters.period.from,
        to: filters.period.to,
        unitIds: unitsWithin(scope.unitIds, filters.unitIds),
      };
      // Counted first, on its own connection: the stream below holds one for as long as it runs.
      const total = await countEntries(dataSource, filter);
      if (total > exportRowLimit) throw new ExportTooLargeError(total, exportRowLimit);
      const { entries, release } = await streamEntries(dataSource, filter);
      try {
        const file = new MemorySink();
        const count = await writeExport(entries, format, file);
        return { data: file.bytes(), count };
      } finally {
        await release();
      }
    },
  };
}

/** The named units the scope allows, or the scope itself when none are named; null means every unit. */
function unitsWithin(scope: string[] | null, named: string[]): string[] | null {
  if (!named.length) return scope;
  return scope ? named.filter((id) => scope.includes(id)) : named;
}

/** Collects what is written to it, for a file small enough to send in a reply. */
class MemorySink extends Writable {
  private readonly chunks: Uint8Array[] = [];

  override _write(chunk: Uint8Array, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.chunks.push(chunk);
    callback();
  }

  /** Everything written, in one array of its own (not a view into a shared pool). */
  bytes(): Uint8Array {
    const out = new Uint8Array(this.chunks.reduce((size, chunk) => size + chunk.length, 0));
    let at = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }
}
