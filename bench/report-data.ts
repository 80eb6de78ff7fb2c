/**
 * The report bench's data set: 1,000,000 entries across 50 organisations, seeded once into its own
 * database on the bench's PostgreSQL server (as `npx logbook seed` would), and reused by later runs.
 */
import { Client } from 'pg';
import { migrate, openDatabase } from '../storage/database';
import { seedEntries } from '../storage/seed';

export interface ReportDataOptions {
  organisations?: number;
  entriesPerOrganisation?: number;
  /** The database to create on the server. */
  databaseName?: string;
  log?: (line: string) => void;
}

/** Creates (if missing) and seeds the report bench's database; returns its URL. */
export async function prepareReportData(serverUrl: string, options: ReportDataOptions = {}): Promise<string> {
  const organisations = options.organisations ?? 50;
  const perOrganisation = options.entriesPerOrganisation ?? 20_000;
  const name = options.databaseName ?? 'logbook_bench_reports';
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;

  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!exists.rowCount) await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }

  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: null });
  try {
    await migrate(database);
    const counts = new Map<string, number>(
      (
        await database.dataSource.query<{ name: string; entries: number }[]>(
          `SELECT o.name, count(e.id)::int AS entries FROM organisations o LEFT JOIN entries e ON e.organisation_id = o.id GROUP BY o.name`,
        )
      ).map((row) => [row.name, row.entries]),
    );
    for (let n = 1; n <= organisations; n++) {
      const organisation = `Bench organisation ${n}`;
      const missing = perOrganisation - (counts.get(organisation) ?? 0);
      if (missing <= 0) continue;
      log(`seeding ${organisation}: ${missing.toLocaleString('en')} entries (${n}/${organisations})`);
      await seedEntries(database.dataSource, { organisation, entries: missing, timeZone: 'Europe/Helsinki', seed: n * 7919 + missing });
    }
  } finally {
    await database.close();
  }
  return url.toString();
}
