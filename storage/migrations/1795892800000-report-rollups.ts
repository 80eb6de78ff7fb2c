import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Monthly rollups of the entries for reports: one row per organisation, month, unit, activity and
 * work form (and per theme in entry_theme_rollups), with the sums reports need. Statement-level
 * triggers with transition tables keep them exact on every insert, update, soft or hard delete and
 * truncate, in the writing transaction; a bulk insert (seed, import) costs one aggregate per statement.
 * Soft-deleted entries (deleted_at set) are not counted.
 */
const KEY = ['organisation_id', 'month', 'unit_id', 'activity_id', 'work_form'];
const THEME_KEY = ['organisation_id', 'month', 'theme', 'unit_id', 'activity_id', 'work_form'];

/** Rollup column and the per-entry value it sums. */
const MEASURES: [string, string][] = [
  ['entries', '1'],
  ['total', 'coalesce(total, 0)'],
  ['girls', 'coalesce(girls, 0)'],
  ['boys', 'coalesce(boys, 0)'],
  ['non_binary', 'coalesce(non_binary, 0)'],
  ['new_participants', 'coalesce(new_participants, 0)'],
  ['duration_minutes', 'coalesce(duration_minutes, 0)'],
  // The share of girls counts entries that give both the girls and the total.
  ['share_girls', 'CASE WHEN girls IS NOT NULL AND total IS NOT NULL THEN girls ELSE 0 END'],
  ['share_total', 'CASE WHEN girls IS NOT NULL AND total IS NOT NULL THEN total ELSE 0 END'],
  // The youth-led share counts entries that say whether they were youth-led.
  ['youth_led', 'CASE WHEN youth_led THEN 1 ELSE 0 END'],
  ['youth_led_known', 'CASE WHEN youth_led IS NOT NULL THEN 1 ELSE 0 END'],
];

function createTable(name: string, key: string[]): string {
  const columns = key.map((column) => {
    const type = column === 'month' ? 'date NOT NULL' : column === 'organisation_id' ? 'uuid NOT NULL' : column.endsWith('_id') ? 'uuid' : column === 'theme' ? 'text NOT NULL' : 'text';
    return `"${column}" ${type}`;
  });
  const measures = MEASURES.map(([column]) => `"${column}" bigint NOT NULL DEFAULT 0`);
  // Every write updates rollup rows in place: free room on each page keeps those updates HOT (no index
  // change, dead versions pruned on the page), and a low vacuum threshold keeps the table small.
  return `CREATE TABLE "${name}" (${[...columns, ...measures].join(', ')})
    WITH (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.05)`;
}

/** Entry rows (with a sign) as rollup rows; theme rollups count each distinct theme of an entry once. */
function signedRows(theme: boolean, sources: [number, string][]): string {
  return sources
    .map(([sign, table]) =>
      theme
        ? `SELECT ${sign} AS sign, e.*, t.theme FROM ${table} e CROSS JOIN LATERAL (SELECT DISTINCT unnest(e.themes) AS theme) t WHERE e.deleted_at IS NULL`
        : `SELECT ${sign} AS sign, e.* FROM ${table} e WHERE e.deleted_at IS NULL`,
    )
    .join(' UNION ALL ');
}

function keyExpressions(key: string[]): string {
  return key.map((column) => (column === 'month' ? `date_trunc('month', date)::date` : column)).join(', ');
}

/** Adds the signed rows' sums to the rollup, creating rows as needed, in key order to avoid deadlocks. */
function upsert(table: string, key: string[], rows: string): string {
  const positions = key.map((_, i) => i + 1).join(', ');
  const sums = MEASURES.map(([, value]) => `sum(sign * ${value})`);
  return `INSERT INTO "${table}" AS r (${[...key, ...MEASURES.map(([c]) => c)].join(', ')})
    SELECT ${keyExpressions(key)}, ${sums.join(', ')} FROM (${rows}) c
     GROUP BY ${positions}
    HAVING ${sums.map((s) => `${s} <> 0`).join(' OR ')}
     ORDER BY ${positions}
    ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${MEASURES.map(([c]) => `${c} = r.${c} + excluded.${c}`).join(', ')}`;
}

/** Drops the rows a delete or update brought to zero entries. */
function prune(table: string): string {
  return `DELETE FROM "${table}" r WHERE r.entries = 0
     AND (r.organisation_id, r.month) IN (SELECT DISTINCT organisation_id, date_trunc('month', date)::date FROM old_rows)`;
}

function branch(sources: [number, string][], pruning: boolean): string {
  const statements = [
    upsert('entry_rollups', KEY, signedRows(false, sources)),
    upsert('entry_theme_rollups', THEME_KEY, signedRows(true, sources)),
    ...(pruning ? [prune('entry_rollups'), prune('entry_theme_rollups')] : []),
  ];
  return statements.map((s) => `    ${s};`).join('\n');
}

const TRIGGER_FUNCTION = `CREATE FUNCTION "entry_rollups_apply"() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
  IF TG_OP = 'INSERT' THEN
${branch([[1, 'new_rows']], false)}
  ELSIF TG_OP = 'DELETE' THEN
${branch([[-1, 'old_rows']], true)}
  ELSE
${branch([[1, 'new_rows'], [-1, 'old_rows']], true)}
  END IF;
  RETURN NULL;
END
$body$`;

const TRUNCATE_FUNCTION = `CREATE FUNCTION "entry_rollups_truncate"() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
  TRUNCATE "entry_rollups", "entry_theme_rollups";
  RETURN NULL;
END
$body$`;

export class ReportRollups1795892800000 implements MigrationInterface {
  name = 'ReportRollups1795892800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(createTable('entry_rollups', KEY));
    await queryRunner.query(`CREATE UNIQUE INDEX "entry_rollups_key" ON "entry_rollups" (${KEY.join(', ')}) NULLS NOT DISTINCT`);
    await queryRunner.query(createTable('entry_theme_rollups', THEME_KEY));
    await queryRunner.query(`CREATE UNIQUE INDEX "entry_theme_rollups_key" ON "entry_theme_rollups" (${THEME_KEY.join(', ')}) NULLS NOT DISTINCT`);
    await queryRunner.query(TRIGGER_FUNCTION);
    await queryRunner.query(TRUNCATE_FUNCTION);
    // The triggers lock out writers until this transaction commits, so the backfill misses nothing.
    for (const [event, referencing] of [
      ['INSERT', 'NEW TABLE AS new_rows'],
      ['UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
      ['DELETE', 'OLD TABLE AS old_rows'],
    ]) {
      await queryRunner.query(
        `CREATE TRIGGER "entries_rollup_${event.toLowerCase()}" AFTER ${event} ON "entries" REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION "entry_rollups_apply"()`,
      );
    }
    await queryRunner.query(`CREATE TRIGGER "entries_rollup_truncate" AFTER TRUNCATE ON "entries" FOR EACH STATEMENT EXECUTE FUNCTION "entry_rollups_truncate"()`);
    await queryRunner.query(upsert('entry_rollups', KEY, signedRows(false, [[1, 'entries']])));
    await queryRunner.query(upsert('entry_theme_rollups', THEME_KEY, signedRows(true, [[1, 'entries']])));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const event of ['insert', 'update', 'delete', 'truncate']) {
      await queryRunner.query(`DROP TRIGGER IF EXISTS "entries_rollup_${event}" ON "entries"`);
    }
    await queryRunner.query(`DROP FUNCTION IF EXISTS "entry_rollups_apply"()`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS "entry_rollups_truncate"()`);
    await queryRunner.query(`DROP TABLE "entry_theme_rollups"`);
    await queryRunner.query(`DROP TABLE "entry_rollups"`);
  }
}
