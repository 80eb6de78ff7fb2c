/** The catalogue a report question is read against: units and activities with their ids, and themes. */
import type { WorkForm } from '../bot/entry';
import type { CatalogueTheme } from '../bot/nlu/catalogue';
import type { ReportCatalogue } from '../bot/reports/question';
import type { ReportDb } from './run';

/** Archived units and activities are included: their entries still count in reports. */
export async function loadReportCatalogue(db: ReportDb, organisationId: string): Promise<ReportCatalogue> {
  const [units, activities, themes] = await Promise.all([
    db.query(
      'SELECT id::text AS id, name, aliases FROM units WHERE organisation_id = $1 ORDER BY archived_at NULLS FIRST, name',
      [organisationId],
    ) as Promise<{ id: string; name: string; aliases: string[] }[]>,
    db.query(
      `SELECT a.id::text AS id, a.name, u.name AS unit, a.aliases, a.work_form
         FROM activities a
         LEFT JOIN units u ON u.organisation_id = a.organisation_id AND u.id = a.unit_id
        WHERE a.organisation_id = $1 ORDER BY a.archived_at NULLS FIRST, a.name`,
      [organisationId],
    ) as Promise<{ id: string; name: string; unit: string | null; aliases: string[]; work_form: WorkForm | null }[]>,
    db.query('SELECT key, labels, keywords FROM themes WHERE organisation_id = $1 AND archived_at IS NULL ORDER BY key', [
      organisationId,
    ]) as Promise<CatalogueTheme[]>,
  ]);
  return {
    units,
    activities: activities.map((a) => ({ id: a.id, name: a.name, unit: a.unit, aliases: a.aliases, workForm: a.work_form })),
    themes,
  };
}
