import { Transform, type Readable } from 'node:stream';
import type { DataSource, QueryRunner } from 'typeorm';
import type { EntryFields, WorkForm } from '../../bot/entry';

/** One exported entry: the entry schema plus its id and when it was written. */
export interface ExportedEntry extends EntryFields {
  id: string;
  createdAt: string;
}

export interface ExportFilter {
  organisationId: string;
  /** Inclusive dates, YYYY-MM-DD. */
  from?: string | null;
  to?: string | null;
  /** Only these units' entries; null or undefined for all. */
  unitIds?: string[] | null;
}

interface EntryRow {
  id: string;
  date: string;
  unit: string | null;
  activity: string | null;
  work_form: WorkForm | null;
  duration_minutes: number | null;
  total: number | null;
  girls: number | null;
  boys: number | null;
  non_binary: number | null;
  new_participants: number | null;
  age_groups: string[] | null;
  youth_led: boolean | null;
  staff_count: number | null;
  themes: string[];
  notes: string | null;
  created_at: Date;
}

/** The entries a filter selects; parameters $1–$4 are filterParams(filter). */
const WHERE = `
   WHERE e.organisation_id = $1 AND e.deleted_at IS NULL
     AND ($2::date IS NULL OR e.date >= $2::date)
     AND ($3::date IS NULL OR e.date <= $3::date)
     AND ($4::uuid[] IS NULL OR e.unit_id = ANY($4::uuid[]))`;

const QUERY = `
  SELECT e.id, to_char(e.date, 'YYYY-MM-DD') AS date, u.name AS unit, a.name AS activity, e.work_form,
         e.duration_minutes, e.total, e.girls, e.boys, e.non_binary, e.new_participants, e.age_groups,
         e.youth_led, e.staff_count, e.themes, e.notes, e.created_at
    FROM entries e
    LEFT JOIN units u ON u.organisation_id = e.organisation_id AND u.id = e.unit_id
    LEFT JOIN activities a ON a.organisation_id = e.organisation_id AND a.id = e.activity_id
  ${WHERE}
   ORDER BY e.date, e.created_at, e.id`;

const filterParams = (filter: ExportFilter) => [filter.organisationId, filter.from ?? null, filter.to ?? null, filter.unitIds ?? null];

/** How many entries the filter selects, so a caller can refuse an export too large to hold. */
export async function countEntries(dataSource: DataSource, filter: ExportFilter): Promise<number> {
  const [row] = await dataSource.query<{ count: number }[]>(`SELECT count(*)::int AS count FROM entries e ${WHERE}`, filterParams(filter));
  return row.count;
}

/**
 * Streams an organisation's entries through a server-side cursor, so no export holds every row.
 * The caller must call release() when the stream has ended or failed.
 */
export async function streamEntries(
  dataSource: DataSource,
  filter: ExportFilter,
): Promise<{ entries: Readable; release: () => Promise<void> }> {
  const runner: QueryRunner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const rows = await runner.stream(QUERY, filterParams(filter));
    const toEntries = new Transform({
      objectMode: true,
      transform(row: EntryRow, _encoding, callback) {
        callback(null, toExportedEntry(row));
      },
    });
    rows.on('error', (error) => toEntries.destroy(error));
    return { entries: rows.pipe(toEntries), release: () => runner.release() };
  } catch (error) {
    await runner.release();
    throw error;
  }
}

function toExportedEntry(row: EntryRow): ExportedEntry {
  return {
    id: row.id,
    date: row.date,
    unit: row.unit,
    activity: row.activity,
    workForm: row.work_form,
    durationMinutes: row.duration_minutes,
    participants: {
      total: row.total,
      girls: row.girls,
      boys: row.boys,
      nonBinary: row.non_binary,
      new: row.new_participants,
    },
    ageGroups: row.age_groups,
    youthLed: row.youth_led,
    staffCount: row.staff_count,
    themes: row.themes,
    notes: row.notes,
    createdAt: row.created_at.toISOString(),
  };
}
