import type { DataSource } from 'typeorm';
import type { RunningApp } from '../app/app';
import { createDirectoryStore } from '../storage/directory-store';
import { ensureOrganisation } from '../storage/organisations';
import { startTestApp } from './support/app';
import { runCli } from './support/cli';
import { cliStorage, sweepForMentions, type CliStorage } from './support/cli-storage';
import { engineName } from './support/database';
import { FakeConnector } from './support/fake-connector';
import { personalMessage, TENANT, teamsUser, type TeamsUser } from './support/teams-activities';

// Each CLI run opens the database anew (seconds on PGlite), several per test.
jest.setTimeout(180_000);

const ORG = 'Erasure youth services';
const NAME = 'Zephyrine Quillbottom-Ödegaard';
const EMAIL = 'zephyrine.quillbottom@nuoriso.example.fi';
const SLACK_ID = 'U0ZEPHYR9Q';
const SLACK_TEAM = 'T0ERASURE1';
const NOTE = 'Pool tournament, long talk about exams';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Teams answers are arbitrary JSON
async function teams(app: RunningApp, activity: unknown): Promise<any> {
  const response = await fetch(`${app.url}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...(activity as object), deliveryMode: 'expectReplies' }),
  });
  expect(response.status).toBe(200);
  return response.json();
}

const saveButton = (body: { activities: { attachments?: { content: { actions: { data: Record<string, unknown> }[] } }[] }[] }) =>
  body.activities.flatMap((a) => a.attachments ?? [])[0]?.content.actions.find((a) => a.data.action === 'save')?.data;

interface Seeded {
  organisationId: string;
  memberId: string;
  colleagueId: string;
  user: TeamsUser;
}

/** The member works through Teams for real (entry, draft, conversation reference, stored replies); the rest is added as the admin side would. */
async function seed(app: RunningApp, connector: FakeConnector): Promise<Seeded> {
  const ds: DataSource = app.database.dataSource;
  const organisation = await ensureOrganisation(ds, { name: ORG, timeZone: 'Europe/Helsinki', teamsTenantId: TENANT, slackTeamId: SLACK_TEAM });
  const directory = createDirectoryStore(ds);
  const user = teamsUser(NAME);
  const member = await directory.addMember(organisation.id, { displayName: NAME, email: EMAIL, role: 'worker', locale: null }, { channel: 'teams', tenant: TENANT, userId: user.aadObjectId });
  const colleagueUser = teamsUser('Colleague Mentor');
  const colleague = await directory.addMember(organisation.id, { displayName: 'Colleague Mentor', email: 'mentor@nuoriso.example.fi', role: 'mentor', locale: null }, { channel: 'teams', tenant: TENANT, userId: colleagueUser.aadObjectId });
  await ds.query(`INSERT INTO channel_identities (organisation_id, channel, tenant_id, user_id, member_id) VALUES ($1, 'slack', $2, $3, $4)`, [
    organisation.id,
    SLACK_TEAM,
    SLACK_ID,
    member.id,
  ]);
  await ds.query(`UPDATE members SET unit_ids = ARRAY(SELECT id FROM units WHERE organisation_id = $1 ORDER BY name LIMIT 1) WHERE organisation_id = $1 AND id = $2`, [
    organisation.id,
    member.id,
  ]);

  // A whole log through Teams, then a draft left open.
  const card = await teams(app, personalMessage(connector.serviceUrl, user, `Drop-in yesterday, 12 kids. ${NOTE}`));
  const saved = await teams(app, personalMessage(connector.serviceUrl, user, '', { value: saveButton(card) }));
  expect(JSON.stringify(saved)).toContain('Saved');
  await teams(app, personalMessage(connector.serviceUrl, user, 'Outreach in the town centre today'));

  // Older entries of theirs, one deleted by them (audited with its snapshot), and a colleague's note naming them.
  await ds.query(
    `INSERT INTO entries (organisation_id, date, work_form, total, notes, author_id, channel)
     VALUES ($1, '2026-03-02', 'group', 8, $3, $2, 'slack'), ($1, '2026-03-09', 'group', 9, NULL, $2, 'slack')`,
    [organisation.id, member.id, NOTE],
  );
  const [deleted] = await ds.query(
    `INSERT INTO entries (organisation_id, date, work_form, total, notes, author_id, channel, deleted_at)
     VALUES ($1, '2026-03-16', 'event', 40, $3, $2, 'slack', now()) RETURNING id, to_jsonb(entries) AS row`,
    [organisation.id, member.id, NOTE],
  );
  await ds.query(
    `INSERT INTO entries (organisation_id, date, work_form, total, notes, author_id, channel)
     VALUES ($1, '2026-03-20', 'camp', 20, $3, $2, 'teams')`,
    [organisation.id, colleague.id, `Camp led with ${NAME}; ${NAME.split(' ')[0]} did the night shift`],
  );
  const audit = (actor: string | null, action: string, targetType: string, targetId: string | null, before: unknown, after: unknown) =>
    ds.query(
      `INSERT INTO audit_events (organisation_id, actor_id, action, target_type, target_id, before, after) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [organisation.id, actor, action, targetType, targetId, before === null ? null : JSON.stringify(before), after === null ? null : JSON.stringify(after)],
    );
  await audit(colleague.id, 'member.add', 'member', member.id, null, {
    displayName: NAME,
    email: EMAIL,
    role: 'worker',
    identity: { channel: 'teams', tenant: TENANT, userId: user.aadObjectId },
    aliases: [NAME, SLACK_ID],
  });
  await audit(colleague.id, 'member.role', 'member', member.id, { role: 'worker' }, { role: 'mentor' });
  await audit(member.id, 'entry.delete', 'entry', deleted.id, deleted.row, null);
  await audit(colleague.id, 'identity.bind', 'identity', `slack:${SLACK_ID}`, null, { [SLACK_ID]: member.id, note: `asked by ${EMAIL.toUpperCase()}` });
  // A stored reply that greets them, and a group conversation whose reference still names them.
  await ds.query(`INSERT INTO processed_messages (organisation_id, channel, message_id, replies) VALUES ($1, 'slack', 'Ev0ERASE1', $2)`, [
    organisation.id,
    JSON.stringify([{ text: `Welcome, ${NAME}!`, locale: 'en' }]),
  ]);
  await ds.query(
    `INSERT INTO conversation_references (organisation_id, channel, conversation_id, member_id, reference) VALUES ($1, 'teams', '19:group@thread.v2', $2, $3)`,
    [organisation.id, colleague.id, JSON.stringify({ user: { id: user.id, name: NAME, aadObjectId: user.aadObjectId }, conversation: { id: '19:group@thread.v2' } })],
  );
  await ds.query(`INSERT INTO deployment_admins (channel, user_id) VALUES ('slack', $1), ('teams', 'someone-else')`, [SLACK_ID]);
  // A weekly digest, once sent.
  await ds.query(
    `INSERT INTO member_schedules (organisation_id, member_id, digest_weekday, digest_time, digest_enabled) VALUES ($1, $2, 1, '08:00', true)`,
    [organisation.id, member.id],
  );
  await ds.query(
    `INSERT INTO scheduled_sends (organisation_id, member_id, kind, period_key, status, claimed_at, sent_at) VALUES ($1, $2, 'digest', '2026-W47', 'sent', now(), now())`,
    [organisation.id, member.id],
  );
  return { organisationId: organisation.id, memberId: member.id, colleagueId: colleague.id, user };
}

describe(`member commands on ${engineName()}`, () => {
  let store: CliStorage;
  let seeded: Seeded;
  let needles: string[];

  beforeAll(async () => {
    store = await cliStorage();
    const connector = await new FakeConnector().start();
    const app = await startTestApp({}, store.storage);
    try {
      seeded = await seed(app, connector);
    } finally {
      await app.stop();
      await connector.stop();
    }
    needles = [NAME, EMAIL, seeded.user.aadObjectId, seeded.user.id, SLACK_ID];
  });
  afterAll(() => store.remove());

  it('has --help for each subcommand', async () => {
    for (const command of ['list', 'export', 'erase']) {
      const result = await runCli(['member', command, '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`Usage: logbook member ${command}`);
    }
  });

  it('lists the staff as JSON, and only JSON, on stdout', async () => {
    const result = await runCli(['member', 'list', '--org', ORG, '--format', 'json'], store.env);
    expect(result.code).toBe(0);
    const staff = JSON.parse(result.stdout);
    expect(Array.isArray(staff)).toBe(true);
    const member = staff.find((m: { id: string }) => m.id === seeded.memberId);
    expect(member).toEqual({
      id: seeded.memberId,
      displayName: NAME,
      email: EMAIL,
      role: 'worker',
      units: [expect.any(String)],
      identities: [`slack:${SLACK_ID}`, `teams:${seeded.user.aadObjectId}`],
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      removedAt: null,
      erasedAt: null,
    });
    expect(staff.map((m: { role: string }) => m.role).sort()).toEqual(['mentor', 'worker']);
  });

  it('lists the staff as a table', async () => {
    const result = await runCli(['member', 'list', '--org', ORG], store.env);
    expect(result.code).toBe(0);
    const [header, ...rows] = result.stdout.trim().split('\n');
    expect(header.split(/\s{2,}/)).toEqual(['ID', 'NAME', 'EMAIL', 'ROLE', 'UNITS', 'IDENTITIES', 'CREATED', 'REMOVED']);
    expect(rows).toHaveLength(2);
    expect(rows.find((row) => row.startsWith(seeded.memberId))).toContain(NAME);
  });

  it('says so for an unknown organisation or member', async () => {
    const list = await runCli(['member', 'list', '--org', 'Nobody'], store.env);
    expect(list.code).toBe(1);
    expect(list.stderr.trim()).toBe('logbook: no organisation is called "Nobody"');
    const exported = await runCli(['member', 'export', 'not-a-uuid'], store.env);
    expect(exported.code).toBe(1);
    expect(exported.stderr.trim()).toBe('logbook: no member has the id "not-a-uuid"');
    const erased = await runCli(['member', 'erase', '00000000-0000-4000-8000-000000000000', '--yes'], store.env);
    expect(erased.code).toBe(1);
    expect(erased.stderr.trim()).toBe('logbook: no member has the id "00000000-0000-4000-8000-000000000000"');
  });

  it('exports everything stored about the member, without the notes of their entries', async () => {
    const result = await runCli(['member', 'export', seeded.memberId], store.env);
    expect(result.code).toBe(0);
    const data = JSON.parse(result.stdout);
    expect(data.member).toMatchObject({ id: seeded.memberId, displayName: NAME, email: EMAIL, role: 'worker' });
    expect(data.organisation.name).toBe(ORG);
    expect(data.channelIdentities.map((i: { channel: string; userId: string }) => `${i.channel}:${i.userId}`).sort()).toEqual([
      `slack:${SLACK_ID}`,
      `teams:${seeded.user.aadObjectId}`,
    ]);
    expect(data.entries.count).toBe(4);
    expect(data.entries.items).toHaveLength(4);
    expect(Object.keys(data.entries.items[0]).sort()).toEqual(['createdAt', 'date', 'deletedAt', 'id', 'updatedAt']);
    expect(data.drafts).toHaveLength(1);
    expect(data.drafts[0].state.fields.workForm).toBe('outreach');
    expect(data.conversationReferences).toHaveLength(1);
    expect(data.conversationReferences[0].reference.user.aadObjectId).toBe(seeded.user.aadObjectId);
    expect(data.auditEvents.map((e: { action: string; as: string[] }) => [e.action, e.as.join()])).toEqual(
      expect.arrayContaining([
        ['member.add', 'target'],
        ['member.role', 'target'],
        ['entry.delete', 'actor'],
      ]),
    );
    expect(data.deploymentAdmin).toEqual([{ channel: 'slack', userId: SLACK_ID, createdAt: expect.any(String) }]);
    expect(data.schedules).toMatchObject({ digest_weekday: 1, digest_enabled: true });
    // The notes are about young people, not about the member: not even inside the audit snapshot.
    expect(result.stdout).not.toContain(NOTE);
  });

  it('refuses to erase without --yes when there is no terminal, and changes nothing', async () => {
    const result = await runCli(['member', 'erase', seeded.memberId], store.env);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('logbook: refusing to erase without --yes: there is no terminal to confirm on');
    const database = await store.open();
    try {
      const [member] = await database.dataSource.query('SELECT display_name, erased_at FROM members WHERE id = $1', [seeded.memberId]);
      expect(member).toEqual({ display_name: NAME, erased_at: null });
    } finally {
      await database.close();
    }
  });

  describe('erase --yes', () => {
    let before: { entries: { id: string; author_id: string }[]; auditEvents: number };
    let result: Awaited<ReturnType<typeof runCli>>;

    beforeAll(async () => {
      const database = await store.open();
      try {
        // Every needle is really there before: the sweep would find them.
        const found = await sweepForMentions(database, needles);
        expect(new Set(found.map((hit) => hit.needle))).toEqual(new Set(needles));
        before = {
          entries: await database.dataSource.query('SELECT id, author_id FROM entries WHERE organisation_id = $1 AND author_id = $2 ORDER BY id', [
            seeded.organisationId,
            seeded.memberId,
          ]),
          auditEvents: (await database.dataSource.query('SELECT count(*) AS n FROM audit_events WHERE organisation_id = $1', [seeded.organisationId]))[0].n,
        };
      } finally {
        await database.close();
      }
      result = await runCli(['member', 'erase', seeded.memberId, '--yes'], store.env);
    });

    it('reports what it did, with no personal data', () => {
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^Erased member [0-9a-f-]{36} of "Erasure youth services"\./);
      expect(result.stdout).toContain('2 channel identities');
      expect(result.stdout).toContain('Kept, anonymised: 4 entries');
      expect(result.stdout).toContain('2 digest or reminder records');
      for (const needle of needles) expect(result.stdout.toLowerCase()).not.toContain(needle.toLowerCase());
    });

    it('leaves no trace of the name, email or identity ids in any text or JSON column of any table', async () => {
      const database = await store.open();
      try {
        expect(await sweepForMentions(database, needles)).toEqual([]);
      } finally {
        await database.close();
      }
    });

    it('keeps the entries, still pointing at the anonymised member row', async () => {
      const database = await store.open();
      try {
        const ds = database.dataSource;
        const entries = await ds.query('SELECT id, author_id FROM entries WHERE organisation_id = $1 AND author_id = $2 ORDER BY id', [
          seeded.organisationId,
          seeded.memberId,
        ]);
        expect(entries).toEqual(before.entries);
        expect(entries).toHaveLength(4);
        const [member] = await ds.query('SELECT display_name, email, locale, unit_ids, role, removed_at, erased_at FROM members WHERE organisation_id = $1 AND id = $2', [
          seeded.organisationId,
          seeded.memberId,
        ]);
        expect(member).toMatchObject({ display_name: null, email: null, locale: null, unit_ids: [], role: 'worker' });
        expect(member.removed_at).toBeInstanceOf(Date);
        expect(member.erased_at).toBeInstanceOf(Date);
        const gone = await ds.query(
          `SELECT (SELECT count(*) FROM channel_identities WHERE organisation_id = $1 AND member_id = $2) AS identities,
                  (SELECT count(*) FROM drafts WHERE organisation_id = $1 AND member_id = $2) AS drafts,
                  (SELECT count(*) FROM conversation_references WHERE organisation_id = $1 AND member_id = $2) AS refs`,
          [seeded.organisationId, seeded.memberId],
        );
        expect(gone).toEqual([{ identities: 0, drafts: 0, refs: 0 }]);
        // The notes of their own entries are about young people and stay; a colleague's note loses only the name.
        const notes = (await ds.query('SELECT notes FROM entries WHERE organisation_id = $1 AND notes IS NOT NULL ORDER BY date', [seeded.organisationId])).map(
          (row: { notes: string }) => row.notes,
        );
        expect(notes.filter((note: string) => note.includes(NOTE)).length).toBeGreaterThanOrEqual(2);
        expect(notes).toContain('Camp led with [erased]; Zephyrine did the night shift');
        // The colleague and the other administrator are untouched.
        const [colleague] = await ds.query('SELECT display_name FROM members WHERE organisation_id = $1 AND id = $2', [seeded.organisationId, seeded.colleagueId]);
        expect(colleague.display_name).toBe('Colleague Mentor');
        expect(await ds.query('SELECT channel, user_id FROM deployment_admins')).toEqual([{ channel: 'teams', user_id: 'someone-else' }]);
      } finally {
        await database.close();
      }
    });

    it('keeps the audit events, scrubbed, and adds member.erased', async () => {
      const database = await store.open();
      try {
        const events = await database.dataSource.query(
          'SELECT actor_id, action, target_id, before, after FROM audit_events WHERE organisation_id = $1 ORDER BY created_at, action',
          [seeded.organisationId],
        );
        expect(events).toHaveLength(before.auditEvents + 1);
        const added = events.find((e: { action: string }) => e.action === 'member.add');
        expect(added).toMatchObject({
          actor_id: seeded.colleagueId,
          target_id: seeded.memberId,
          after: { displayName: '[erased]', email: '[erased]', role: 'worker', identity: { channel: 'teams', userId: '[erased]' }, aliases: ['[erased]', '[erased]'] },
        });
        const bound = events.find((e: { action: string }) => e.action === 'identity.bind');
        expect(bound.target_id).toBe('[erased]');
        expect(bound.after).toEqual({ '[erased]': seeded.memberId, note: '[erased]' });
        const erased = events.find((e: { action: string }) => e.action === 'member.erased');
        expect(erased).toMatchObject({ actor_id: null, target_id: seeded.memberId, before: null });
        expect(erased.after).toMatchObject({ channelIdentities: 2, drafts: 1, entriesKept: 4 });
      } finally {
        await database.close();
      }
    });

    it('lists and exports the erased member without personal data, and a second erase changes nothing', async () => {
      const listed = JSON.parse((await runCli(['member', 'list', '--org', ORG, '--format', 'json'], store.env)).stdout);
      expect(listed.find((m: { id: string }) => m.id === seeded.memberId)).toMatchObject({
        displayName: null,
        email: null,
        identities: [],
        removedAt: expect.any(String),
        erasedAt: expect.any(String),
      });
      const exported = await runCli(['member', 'export', seeded.memberId], store.env);
      for (const needle of needles) expect(exported.stdout.toLowerCase()).not.toContain(needle.toLowerCase());
      expect(JSON.parse(exported.stdout).entries.count).toBe(4);
      const again = await runCli(['member', 'erase', seeded.memberId], store.env);
      expect(again.code).toBe(0);
      expect(again.stdout).toMatch(/was erased already, on \d{4}-\d\d-\d\d/);
    });
  });
});
