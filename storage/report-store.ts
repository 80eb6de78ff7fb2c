import type { DataSource } from 'typeorm';
import type { ReportStore } from '../bot/ports';
import { loadReportCatalogue } from '../reports/catalogue';
import { runReport } from '../reports/run';
import { fetchPeriodNotes } from '../reports/summary';

/** Report questions from chat, delegated to the report queries of reports/. */
export function createReportStore(dataSource: DataSource): ReportStore {
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
  };
}
