/**
 * After the load test: the entries in the database, counted against those the bot confirmed. Read
 * straight from the database with SQL (PostgreSQL through pg; PGlite by opening its data directory once
 * the server has stopped), not through the app.
 */
import { Client } from 'pg';
import type { ConfirmedEntry } from './load-test-users';

/** One stored entry with the channel identity of its author. */
export interface StoredEntry {
  source: string | null;
  total: number | null;
  girls: number | null;
  workForm: string | null;
  deleted: boolean;
  tenant: string | null;
  userId: string | null;
}

export interface EntryCount {
  /** Entries the bot confirmed to the users. */
  confirmed: number;
  /** Rows in the entries table (soft-deleted ones included). */
  stored: number;
  /** Confirmed entries missing from the database (or soft-deleted). */
  lost: number;
  /** Rows beyond one per confirmed entry: a second row of a confirmed log, or a row nobody was told was saved. */
  duplicated: number;
  /** Of the duplicated: rows whose source message no user saw confirmed. */
  unconfirmed: number;
  /** Confirmed entries stored with other counts, work form, organisation or author than the user logged. */
  mismatched: number;
  /** A few examples of each problem. */
  examples: string[];
}

const ENTRIES_SQL = `
  SELECT e.source_message_id AS source, e.total, e.girls, e.work_form AS "workForm", e.deleted_at IS NOT NULL AS deleted,
         ci.tenant_id AS tenant, ci.user_id AS "userId"
    FROM entries e
    LEFT JOIN LATERAL (
      SELECT tenant_id, user_id FROM channel_identities
       WHERE organisation_id = e.organisation_id AND member_id = e.author_id AND channel = e.channel
       ORDER BY created_at LIMIT 1
    ) ci ON true`;

export async function entriesOnPostgres(databaseUrl: string): Promise<StoredEntry[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<StoredEntry>(ENTRIES_SQL)).rows;
  } finally {
    await client.end();
  }
}

/** Opens the stopped server's PGlite directory in this process. */
export async function entriesOnPglite(pgliteDir: string): Promise<StoredEntry[]> {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(pgliteDir);
  try {
    return (await db.query<StoredEntry>(ENTRIES_SQL)).rows;
  } finally {
    await db.close();
  }
}

export function countEntries(stored: StoredEntry[], confirmed: ConfirmedEntry[]): EntryCount {
  const examples: string[] = [];
  const note = (text: string) => void (examples.length < 10 && examples.push(text));
  const bySource = new Map<string, StoredEntry[]>();
  for (const row of stored) {
    const key = row.source ?? '(no source message id)';
    bySource.set(key, [...(bySource.get(key) ?? []), row]);
  }
  const confirmedSources = new Map(confirmed.map((entry) => [entry.sourceMessageId, entry]));
  let lost = 0;
  let mismatched = 0;
  let duplicated = 0;
  let unconfirmed = 0;
  for (const entry of confirmed) {
    const rows = (bySource.get(entry.sourceMessageId) ?? []).filter((row) => !row.deleted);
    if (!rows.length) {
      lost++;
      note(`lost: ${entry.sourceMessageId}`);
      continue;
    }
    const [row] = rows;
    const same =
      row.total === entry.total && row.girls === entry.girls && row.workForm === entry.workForm && row.tenant === entry.tenant && row.userId === entry.userId;
    if (!same) {
      mismatched++;
      note(`mismatched: ${entry.sourceMessageId}: stored ${JSON.stringify(row)}, logged ${JSON.stringify(entry)}`);
    }
  }
  if (confirmedSources.size !== confirmed.length) {
    duplicated += confirmed.length - confirmedSources.size;
    note('duplicated: one source message id was confirmed more than once');
  }
  for (const [source, rows] of bySource) {
    const extra = confirmedSources.has(source) ? rows.length - 1 : rows.length;
    if (extra <= 0) continue;
    duplicated += extra;
    if (!confirmedSources.has(source)) unconfirmed += extra;
    note(`${confirmedSources.has(source) ? 'duplicated' : 'unconfirmed'}: ${rows.length} × ${source}`);
  }
  return { confirmed: confirmed.length, stored: stored.length, lost, duplicated, unconfirmed, mismatched, examples };
}
