import type { DataSource } from 'typeorm';
import { ensureOrganisation } from '../storage/organisations';
import { runCli } from './support/cli';
import { cliStorage, type CliStorage } from './support/cli-storage';
import { engineName } from './support/database';

// Each CLI run opens the database anew (seconds on PGlite), several per test.
jest.setTimeout(180_000);

/** An entry `daysAgo` days before today in the organisation's time zone. */
async function entry(ds: DataSource, organisationId: string, daysAgo: number, notes: string, extra: { deleted?: boolean } = {}): Promise<string> {
  const [row] = await ds.query(
    `INSERT INTO entries (organisation_id, date, work_form, total, notes, channel, deleted_at)
     SELECT $1, (now() AT TIME ZONE o.time_zone)::date - $2::int, 'open', 10, $3, 'local', $4
       FROM organisations o WHERE o.id = $1
     RETURNING id`,
    [organisationId, daysAgo, notes, extra.deleted ? new Date() : null],
  );
  return row.id;
}

describe(`retention run on ${engineName()}`, () => {
  let store: CliStorage;
  const ids: Record<string, string> = {};
  let orgs: { kept: string; pruned: string };

  beforeAll(async () => {
    store = await cliStorage();
    const database = await store.open();
    try {
      const ds = database.dataSource;
      // Auckland is far ahead of UTC: the cutoff day is the organisation's own.
      const pruned = await ensureOrganisation(ds, { name: 'Thirty days', timeZone: 'Pacific/Auckland' });
      const kept = await ensureOrganisation(ds, { name: 'Keeps notes', timeZone: 'Europe/Helsinki' });
      const other = await ensureOrganisation(ds, { name: 'Bad setting', timeZone: 'Europe/Stockholm' });
      orgs = { kept: kept.id, pruned: pruned.id };
      await ds.query(`UPDATE organisations SET settings = '{"noteRetentionDays": 30, "requiredFields": ["date"]}' WHERE id = $1`, [pruned.id]);
      await ds.query(`UPDATE organisations SET settings = '{"noteRetentionDays": 0}' WHERE id = $1`, [other.id]);
      ids.old = await entry(ds, pruned.id, 400, 'old note');
      ids.justOver = await entry(ds, pruned.id, 31, 'thirty-one days');
      ids.boundary = await entry(ds, pruned.id, 30, 'thirty days');
      ids.recent = await entry(ds, pruned.id, 2, 'recent note');
      ids.deletedOld = await entry(ds, pruned.id, 90, 'deleted old note', { deleted: true });
      ids.otherOrgOld = await entry(ds, kept.id, 400, 'kept forever');
      ids.badSettingOld = await entry(ds, other.id, 400, 'zero means no period');
      // The audit log's snapshot of a deleted old entry carries its note too.
      await ds.query(
        `INSERT INTO audit_events (organisation_id, action, target_type, target_id, before)
         SELECT organisation_id, 'entry.delete', 'entry', id::text, to_jsonb(e) FROM entries e WHERE organisation_id = $1 AND id = $2`,
        [pruned.id, ids.deletedOld],
      );
      await ds.query(
        `INSERT INTO audit_events (organisation_id, action, target_type, target_id, before)
         SELECT organisation_id, 'entry.delete', 'entry', id::text, to_jsonb(e) FROM entries e WHERE organisation_id = $1 AND id = $2`,
        [pruned.id, ids.recent],
      );
      // Stored replies: one 31 days old, one from today; in both organisations.
      for (const org of [pruned.id, kept.id]) {
        await ds.query(
          `INSERT INTO processed_messages (organisation_id, channel, message_id, replies, processed_at)
           VALUES ($1, 'local', 'old', '[]', now() - interval '31 days'), ($1, 'local', 'new', '[]', now() - interval '29 days')`,
          [org],
        );
      }
      // Records of delivered replies: one 31 days old, one from yesterday.
      await ds.query(
        `INSERT INTO reply_deliveries (channel, turn_key, part, delivered_at)
         VALUES ('slack', 'message:T1:old', '0', now() - interval '31 days'), ('slack', 'message:T1:new', '0', now() - interval '1 day')`,
      );
      // Conversation references of a removed and of a current member.
      const [removed] = await ds.query(`INSERT INTO members (organisation_id, role, removed_at) VALUES ($1, 'worker', now()) RETURNING id`, [kept.id]);
      const [current] = await ds.query(`INSERT INTO members (organisation_id, role) VALUES ($1, 'worker') RETURNING id`, [kept.id]);
      await ds.query(
        `INSERT INTO conversation_references (organisation_id, channel, conversation_id, member_id, reference)
         VALUES ($1, 'teams', 'c-removed', $2, '{}'), ($1, 'teams', 'c-current', $3, '{}'), ($1, 'teams', 'c-nobody', NULL, '{}')`,
        [kept.id, removed.id, current.id],
      );
    } finally {
      await database.close();
    }
  });
  afterAll(() => store.remove());

  it('has --help', async () => {
    const result = await runCli(['retention', 'run', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: logbook retention run');
  });

  it('clears old notes, prunes old replies and references of removed members, and reports the counts', async () => {
    const result = await runCli(['retention', 'run', '--format', 'json'], store.env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toEqual({
      organisations: [
        {
          organisationId: orgs.pruned,
          name: 'Thirty days',
          retentionDays: 30,
          cutoff: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
          notesCleared: 3,
          auditValuesCleared: 1,
        },
      ],
      processedMessagesDeleted: 2,
      conversationReferencesDeleted: 1,
      downloadsDeleted: 0,
      replyDeliveriesDeleted: 1,
    });

    const database = await store.open();
    try {
      const ds = database.dataSource;
      const notes = Object.fromEntries(
        await Promise.all(
          Object.entries(ids).map(async ([key, id]) => [key, (await ds.query('SELECT notes FROM entries WHERE id = $1', [id]))[0].notes]),
        ),
      );
      expect(notes).toEqual({
        old: null,
        justOver: null,
        boundary: 'thirty days',
        recent: 'recent note',
        deletedOld: null,
        otherOrgOld: 'kept forever',
        badSettingOld: 'zero means no period',
      });
      // The entries themselves stay.
      const [{ n }] = await ds.query('SELECT count(*) AS n FROM entries');
      expect(n).toBe(7);
      const snapshots = await ds.query(`SELECT target_id, before->'notes' AS notes FROM audit_events WHERE action = 'entry.delete' ORDER BY target_id`);
      expect(Object.fromEntries(snapshots.map((s: { target_id: string; notes: unknown }) => [s.target_id, s.notes]))).toEqual({
        [ids.deletedOld]: null,
        [ids.recent]: 'recent note',
      });
      const audits = await ds.query(`SELECT organisation_id, target_id, after FROM audit_events WHERE action = 'retention.notes_cleared'`);
      expect(audits).toEqual([
        { organisation_id: orgs.pruned, target_id: orgs.pruned, after: { retentionDays: 30, cutoff: report.organisations[0].cutoff, entries: 3, auditValues: 1 } },
      ]);
      const replies = await ds.query('SELECT organisation_id, message_id FROM processed_messages ORDER BY organisation_id, message_id');
      expect(replies.map((r: { message_id: string }) => r.message_id)).toEqual(['new', 'new']);
      expect(await ds.query('SELECT turn_key FROM reply_deliveries')).toEqual([{ turn_key: 'message:T1:new' }]);
      const references = await ds.query('SELECT conversation_id FROM conversation_references ORDER BY conversation_id');
      expect(references.map((r: { conversation_id: string }) => r.conversation_id)).toEqual(['c-current', 'c-nobody']);
    } finally {
      await database.close();
    }
  });

  it('changes nothing and writes no audit event when run again', async () => {
    const result = await runCli(['retention', 'run'], store.env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Thirty days: notes kept 30 days; cleared on 0 entries dated before \d{4}-\d\d-\d\d\n/);
    expect(result.stdout).toContain('Deleted 0 stored replies older than 30 days and 0 conversation references of removed members.');
    const database = await store.open();
    try {
      const [{ n }] = await database.dataSource.query(`SELECT count(*) AS n FROM audit_events WHERE action = 'retention.notes_cleared'`);
      expect(n).toBe(1);
    } finally {
      await database.close();
    }
  });
});
