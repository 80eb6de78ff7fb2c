import type { DataSource } from 'typeorm';
import type { EntryStore, EntrySummary } from '../bot/ports';

export function createEntryStore(dataSource: DataSource): EntryStore {
  return {
    async recentByAuthor(organisationId, authorId, limit) {
      const rows = await dataSource.query<
        { id: string; date: string; unit: string | null; work_form: string | null; total: number | null; duration_minutes: number | null; created_at: Date }[]
      >(
        `SELECT e.id, to_char(e.date, 'YYYY-MM-DD') AS date, u.name AS unit, e.work_form, e.total, e.duration_minutes, e.created_at
           FROM entries e
           LEFT JOIN units u ON u.organisation_id = e.organisation_id AND u.id = e.unit_id
          WHERE e.organisation_id = $1 AND e.author_id = $2 AND e.deleted_at IS NULL
          ORDER BY e.created_at DESC
          LIMIT $3`,
        [organisationId, authorId, limit],
      );
      return rows.map(
        (row): EntrySummary => ({
          id: row.id,
          date: row.date,
          unit: row.unit,
          workForm: row.work_form,
          total: row.total,
          durationMinutes: row.duration_minutes,
          createdAt: row.created_at,
        }),
      );
    },
  };
}
