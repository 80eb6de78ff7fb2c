import { rmSync } from 'node:fs';
import { migrate, openDatabase, type Database } from '../../storage/database';
import { freshStorage, type TestStorage } from './app';

/** Storage that the test and the built CLI (a separate process) take turns to open. */
export interface CliStorage {
  storage: TestStorage;
  /** The environment that points the CLI at it. */
  env: Record<string, string>;
  /** Opens and migrates it in the test process; close it before running the CLI (PGlite has one process at a time). */
  open(): Promise<Database>;
  remove(): void;
}

export async function cliStorage(): Promise<CliStorage> {
  const storage = await freshStorage(true);
  const env: Record<string, string> = storage.databaseUrl
    ? { DATABASE_URL: storage.databaseUrl }
    : { LOGBOOK_DATA_DIR: storage.dataDir!, DATABASE_URL: '' };
  return {
    storage,
    env,
    async open() {
      const database = await openDatabase({ databaseUrl: storage.databaseUrl, dataDir: storage.dataDir, poolSize: 2 });
      await migrate(database);
      return database;
    },
    remove: () => {
      if (storage.dataDir) rmSync(storage.dataDir, { recursive: true, force: true });
    },
  };
}

/** Lower-cased mentions of any needle in every text-like column of every public table, found through information_schema. */
export async function sweepForMentions(database: Database, needles: string[]): Promise<{ table: string; column: string; needle: string; rows: number }[]> {
  const columns = await database.dataSource.query<{ table_name: string; column_name: string; data_type: string; udt_name: string }[]>(
    `SELECT c.table_name, c.column_name, c.data_type, c.udt_name
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = 'public'
        AND (c.data_type IN ('text', 'character varying', 'json', 'jsonb') OR c.udt_name IN ('_text', '_varchar'))`,
  );
  const hits: { table: string; column: string; needle: string; rows: number }[] = [];
  for (const { table_name, column_name } of columns) {
    for (const needle of needles) {
      const [{ rows }] = await database.dataSource.query<{ rows: number }[]>(
        `SELECT count(*) AS rows FROM "${table_name}" WHERE strpos(lower("${column_name}"::text), $1) > 0`,
        [needle.toLowerCase()],
      );
      if (rows > 0) hits.push({ table: table_name, column: column_name, needle, rows });
    }
  }
  return hits;
}
