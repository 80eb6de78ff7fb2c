import { createHash, randomUUID } from 'node:crypto';
import type { RunningApp } from '../app/app';
import { parseCommand } from '../bot/commands';
import { PHRASES } from '../bot/i18n';
import type { Reply } from '../bot/messages';
import { createDirectoryStore } from '../storage/directory-store';
import { eraseMember } from '../storage/member-erasure';
import { ensureOrganisation, findOrganisationByName } from '../storage/organisations';
import { runRetention } from '../storage/retention';
import { postJson, startTestApp } from './support/app';
import { engineName } from './support/database';
import { openDashboard, signIn, signInToken, type DashboardClient, type Json } from './support/dashboard';
import { texts, type ChatUser } from './support/local-chat';
import { localMember } from './support/members';

const TENANT_B = '7b9c2f0e-0000-4000-8000-00000000000b';

interface EntrySpec {
  date: string;
  unit: string | null;
  total: number | null;
  girls?: number | null;
  boys?: number | null;
  newParticipants?: number | null;
  durationMinutes?: number | null;
  youthLed?: boolean | null;
  workForm?: string | null;
  themes?: string[];
  notes?: string | null;
  deleted?: boolean;
}

describe(`dashboard API on ${engineName()}`, () => {
  let app: RunningApp;
  const query = (sql: string, params: unknown[] = []): Promise<Json[]> => app.database.dataSource.query(sql, params);
  const ids: Record<string, string> = {};
  const units: Record<string, string> = {};
  const users: Record<string, ChatUser> = {};
  const entries: Record<string, string> = {};
  let mentorB: { userId: string; memberId: string };
  let orgA: string;
  let orgB: string;

  async function memberOf(user: ChatUser): Promise<string> {
    const [row] = await query('SELECT member_id FROM channel_identities WHERE user_id = $1', [user.user]);
    return row.member_id;
  }

  async function insertEntry(organisationId: string, authorId: string, spec: EntrySpec): Promise<string> {
    const [row] = await query(
      `INSERT INTO entries (organisation_id, date, unit_id, work_form, duration_minutes, total, girls, boys, new_participants,
                            youth_led, themes, notes, author_id, channel, deleted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'local', $14) RETURNING id`,
      [
        organisationId,
        spec.date,
        spec.unit,
        spec.workForm ?? 'open',
        spec.durationMinutes ?? 120,
        spec.total,
        spec.girls ?? null,
        spec.boys ?? null,
        spec.newParticipants ?? null,
        spec.youthLed ?? null,
        spec.themes ?? [],
        spec.notes ?? null,
        authorId,
        spec.deleted ? new Date() : null,
      ],
    );
    return row.id;
  }

  /** The dashboard link org B's mentor gets from the core, as the Teams channel would ask for it. */
  async function mentorBLink(kind: 'personal' | 'group' | 'channel' = 'personal'): Promise<Reply[]> {
    return app.core.handle({
      channel: 'teams',
      tenant: TENANT_B,
      user: { id: mentorB.userId },
      conversation: { id: `b-${randomUUID()}`, kind },
      text: 'koontinäkymä',
      locale: 'fi-FI',
    });
  }

  beforeAll(async () => {
    app = await startTestApp();
    const ds = app.database.dataSource;
    orgA = (await findOrganisationByName(ds, 'Demo'))!.id;
    const other = await ensureOrganisation(ds, { name: 'Toinen kunta', timeZone: 'Europe/Helsinki', teamsTenantId: TENANT_B });
    orgB = other.id;
    for (const row of await query('SELECT id, name, organisation_id FROM units WHERE organisation_id IN ($1, $2)', [orgA, orgB])) {
      units[`${row.organisation_id === orgA ? 'A' : 'B'}:${row.name}`] = row.id;
    }

    users.mentor = await localMember(app, 'mentor', 'en-GB', 'Mia Mentor');
    users.manager = await localMember(app, 'manager', 'en-GB', 'Max Manager');
    users.worker = await localMember(app, 'worker', 'en-GB', 'Wes Worker');
    users.colleague = await localMember(app, 'worker', 'sv-SE', 'Wanda Worker');
    for (const [key, user] of Object.entries(users)) ids[key] = await memberOf(user);
    await query('UPDATE members SET unit_ids = $2 WHERE id = $1', [ids.manager, [units['A:Nuorisotalo Kipinä']]]);

    const userB = `aad-${randomUUID()}`;
    const added = await createDirectoryStore(ds).addMember(
      orgB,
      { displayName: 'Bea Other', email: null, role: 'mentor', locale: null },
      { channel: 'teams', tenant: TENANT_B, userId: userB },
    );
    mentorB = { userId: userB, memberId: added.id };

    const kipina = units['A:Nuorisotalo Kipinä'];
    const majakka = units['A:Nuorisotalo Majakka'];
    entries.worker1 = await insertEntry(orgA, ids.worker, { date: '2025-03-04', unit: kipina, total: 12, girls: 5, boys: 6, newParticipants: 2, youthLed: true, themes: ['school', 'sports'], notes: 'Quiet evening' });
    entries.worker2 = await insertEntry(orgA, ids.worker, { date: '2025-03-18', unit: kipina, total: 8, girls: 4, boys: 4, youthLed: false, themes: ['school'] });
    entries.worker3 = await insertEntry(orgA, ids.worker, { date: '2025-04-02', unit: majakka, total: 15, girls: null, boys: null, durationMinutes: 90, themes: ['mental_health'], workForm: 'group' });
    entries.colleague1 = await insertEntry(orgA, ids.colleague, { date: '2025-03-10', unit: majakka, total: 20, girls: 12, boys: 8, newParticipants: 5, themes: ['school', 'bullying'] });
    entries.colleague2 = await insertEntry(orgA, ids.colleague, { date: '2025-03-25', unit: majakka, total: 6, girls: 3, boys: 3, workForm: 'group', themes: ['sports'] });
    entries.colleagueDeleted = await insertEntry(orgA, ids.colleague, { date: '2025-03-12', unit: majakka, total: 99, deleted: true });
    entries.manager1 = await insertEntry(orgA, ids.manager, { date: '2025-03-20', unit: null, total: 4, themes: [] });
    entries.other1 = await insertEntry(orgB, mentorB.memberId, { date: '2025-03-05', unit: units['B:Nuorisotalo Kipinä'], total: 30, girls: 10, boys: 20 });
  });
  afterAll(() => app.stop());

  describe('signing in with a link from chat', () => {
    it('answers the chat command with a one-time link whose token is stored only as a hash', async () => {
      const replies = await users.worker.say('dashboard');
      const token = signInToken(replies);
      expect(texts(replies)).toBe(PHRASES.dashboardLink.en.replace('{url}', `/tab#signin=${token}`));
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const hash = createHash('sha256').update(token).digest('hex');
      const [row] = await query('SELECT organisation_id, member_id, used_at, expires_at - created_at AS valid FROM dashboard_sign_ins WHERE token_hash = $1', [hash]);
      expect(row).toMatchObject({ organisation_id: orgA, member_id: ids.worker, used_at: null });
      // Nothing in the database holds the token itself, not even the stored replies of handled messages.
      expect(await query("SELECT 1 FROM dashboard_sign_ins WHERE token_hash = $1 OR token_hash LIKE '%' || $1 || '%'", [token])).toEqual([]);
      expect(await query('SELECT 1 FROM processed_messages WHERE replies::text LIKE $1', [`%${token}%`])).toEqual([]);
    });

    it.each(['dashboard', 'Dashboard!', '/dashboard', 'koontinäkymä', 'kojelauta', 'översikt', 'instrumentpanel'])('reads "%s" as the command', (text) => {
      expect(parseCommand(text)).toEqual({ kind: 'dashboard' });
    });

    it('reads the command in Finnish and Swedish too', async () => {
      expect(texts(await users.worker.say('koontinäkymä'))).toContain('/tab#signin=');
      expect(texts(await users.colleague.say('översikt'))).toMatch(/^Här är din länk till översikten/);
    });

    it('opens a session once; the same link then answers 401', async () => {
      const token = signInToken(await users.worker.say('dashboard'));
      const first = await postJson(`${app.url}/api/tab/session`, { signInToken: token });
      expect(first.status).toBe(200);
      expect(first.body).toEqual({
        session: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        expiresAt: expect.any(String),
        member: { id: ids.worker, name: 'Wes Worker', role: 'worker', locale: 'en' },
        organisation: { id: orgA, name: 'Demo' },
      });
      const hours = (Date.parse(first.body.expiresAt) - Date.now()) / 3_600_000;
      expect(hours).toBeGreaterThan(7.9);
      expect(hours).toBeLessThanOrEqual(8);
      const again = await postJson(`${app.url}/api/tab/session`, { signInToken: token });
      expect(again.status).toBe(401);
      expect(again.body.error).toBe('unauthenticated');
      expect((await query('SELECT token_hash FROM dashboard_sessions WHERE token_hash = $1', [first.body.session])).length).toBe(0);
    });

    it('refuses a link older than 10 minutes, and an unknown one', async () => {
      const token = signInToken(await users.worker.say('dashboard'));
      const hash = createHash('sha256').update(token).digest('hex');
      await query("UPDATE dashboard_sign_ins SET expires_at = now() - interval '1 second' WHERE token_hash = $1", [hash]);
      expect((await postJson(`${app.url}/api/tab/session`, { signInToken: token })).status).toBe(401);
      expect((await postJson(`${app.url}/api/tab/session`, { signInToken: 'x'.repeat(43) })).status).toBe(401);
      expect((await postJson(`${app.url}/api/tab/session`, { signInToken: 42 })).status).toBe(401);
    });

    it('asks for a token or a Teams token when the body has neither', async () => {
      const { status, body } = await postJson(`${app.url}/api/tab/session`, {});
      expect(status).toBe(400);
      expect(body.error).toBe('invalid');
    });

    it('answers 401 without a session, with an unknown one, an expired one, or a removed member', async () => {
      const anonymous = await fetch(`${app.url}/api/tab/me`);
      expect(anonymous.status).toBe(401);
      expect(await anonymous.json()).toMatchObject({ error: 'unauthenticated' });
      const unknown = await fetch(`${app.url}/api/tab/entries`, { headers: { Authorization: `Bearer ${'a'.repeat(43)}` } });
      expect(unknown.status).toBe(401);

      const expiring = await openDashboard(app, users.worker);
      expect((await expiring.get('/api/tab/me')).status).toBe(200);
      const hash = createHash('sha256').update(expiring.session).digest('hex');
      await query("UPDATE dashboard_sessions SET expires_at = now() - interval '1 second' WHERE token_hash = $1", [hash]);
      expect((await expiring.get('/api/tab/me')).status).toBe(401);

      const leaving = await localMember(app, 'worker', 'en-GB', 'Lea Leaving');
      const session = await openDashboard(app, leaving);
      await query('UPDATE members SET removed_at = now() WHERE id = $1', [await memberOf(leaving)]);
      expect((await session.get('/api/tab/me')).status).toBe(401);
    });
  });

  describe('as a worker', () => {
    let worker: DashboardClient;
    beforeAll(async () => {
      worker = await openDashboard(app, users.worker);
    });

    it('shows who they are and what they may do, never cached', async () => {
      const { status, headers, body } = await worker.get('/api/tab/me');
      expect(status).toBe(200);
      expect(headers.get('cache-control')).toBe('no-store');
      expect(body.member).toEqual({ id: ids.worker, name: 'Wes Worker', role: 'worker', locale: 'en' });
      expect(body.can).toEqual({ overview: false, structure: false, editAnyEntry: false, export: false });
      expect(body.units.map((u: Json) => u.id).sort()).toEqual(Object.entries(units).filter(([k]) => k.startsWith('A:')).map(([, id]) => id).sort());
      expect(body.workForms).toEqual(['open', 'group', 'individual', 'event', 'outreach', 'digital', 'camp']);
      expect(body.themes).toContainEqual({ key: 'school', label: expect.any(String) });
      expect((await worker.get('/api/tab/me', { lang: 'fi' })).body.member.locale).toBe('fi');
    });

    it('lists only their own entries', async () => {
      const { status, body } = await worker.get('/api/tab/entries');
      expect(status).toBe(200);
      expect(body.total).toBe(3);
      expect(body.entries.map((e: Json) => e.id)).toEqual([entries.worker3, entries.worker2, entries.worker1]);
      expect(body.entries[2]).toEqual({
        id: entries.worker1,
        date: '2025-03-04',
        unitId: units['A:Nuorisotalo Kipinä'],
        unit: 'Nuorisotalo Kipinä',
        activity: null,
        workForm: 'open',
        durationMinutes: 120,
        participants: { total: 12, girls: 5, boys: 6, nonBinary: null, new: 2 },
        youthLed: true,
        themes: ['school', 'sports'],
        notes: 'Quiet evening',
        author: 'Wes Worker',
        editable: true,
      });
      const march = await worker.get('/api/tab/entries', { from: '2025-03-01', to: '2025-03-31', limit: '1', offset: '1' });
      expect(march.body).toMatchObject({ total: 2, entries: [{ id: entries.worker1 }] });
      const group = await worker.get('/api/tab/entries', { workForm: 'group' });
      expect(group.body.entries.map((e: Json) => e.id)).toEqual([entries.worker3]);
      expect((await worker.get('/api/tab/entries', { from: '2025-04-01', to: '2025-03-01' })).status).toBe(400);
      expect((await worker.get('/api/tab/entries', { workForm: 'knitting' })).status).toBe(400);
    });

    it('edits their own entry, audited in the same transaction', async () => {
      const { status, body } = await worker.patch(`/api/tab/entries/${entries.worker2}`, {
        notes: 'Talked about exams',
        participants: { total: 9, new: 1 },
        durationMinutes: 150,
      });
      expect(status).toBe(200);
      expect(body).toMatchObject({ id: entries.worker2, notes: 'Talked about exams', durationMinutes: 150, participants: { total: 9, girls: 4, boys: 4, new: 1 }, editable: true });
      const [row] = await query('SELECT total, new_participants, duration_minutes, notes FROM entries WHERE id = $1', [entries.worker2]);
      expect(row).toEqual({ total: 9, new_participants: 1, duration_minutes: 150, notes: 'Talked about exams' });
      const audits = await query("SELECT actor_id, before, after FROM audit_events WHERE action = 'entry.update' AND target_id = $1", [entries.worker2]);
      expect(audits).toHaveLength(1);
      expect(audits[0].actor_id).toBe(ids.worker);
      expect(audits[0].before).toMatchObject({ id: entries.worker2, total: 8, notes: null, duration_minutes: 120 });
      expect(audits[0].after).toMatchObject({ id: entries.worker2, total: 9, notes: 'Talked about exams', duration_minutes: 150 });
    });

    // Found by the fuzz run: PostgreSQL stores no NUL or lone surrogate, so such notes were answered 500.
    it('keeps NUL characters and lone surrogates out of edited notes', async () => {
      const { status, body } = await worker.patch(`/api/tab/entries/${entries.worker2}`, { notes: 'Talked \u0000about \ud800exams' });
      expect(status).toBe(200);
      expect(body.notes).toBe('Talked  about \ufffdexams');
      const [row] = await query('SELECT notes FROM entries WHERE id = $1', [entries.worker2]);
      expect(row.notes).toBe('Talked  about \ufffdexams');
    });

    it('refuses another member\'s entry, the structure, the overview and the export, changing nothing', async () => {
      const before = await query('SELECT * FROM entries ORDER BY id');
      const audits = await query('SELECT count(*)::int AS n FROM audit_events');
      const edit = await worker.patch(`/api/tab/entries/${entries.colleague1}`, { notes: 'mine now' });
      expect(edit.status).toBe(403);
      expect(edit.body).toEqual({ error: 'forbidden', message: PHRASES.refusedMentorsOnly.en });
      const structure = await worker.get('/api/tab/structure');
      expect(structure.status).toBe(403);
      expect(structure.body).toEqual({ error: 'forbidden', message: PHRASES.refusedMentorsOnly.en });
      const overview = await worker.get('/api/tab/overview', { from: '2025-03-01', to: '2025-03-31' });
      expect(overview.body).toEqual({ error: 'forbidden', message: PHRASES.refusedReports.en });
      expect((await worker.get('/api/tab/export', { format: 'csv', from: '2025-03-01', to: '2025-03-31' })).status).toBe(403);
      expect((await worker.get('/api/tab/chart.png', { from: '2025-03-01', to: '2025-03-31' })).status).toBe(403);
      expect(await query('SELECT * FROM entries ORDER BY id')).toEqual(before);
      expect(await query('SELECT count(*)::int AS n FROM audit_events')).toEqual(audits);
    });

    it('checks an edit like a log: fields, counts, units, themes and personal data', async () => {
      const before = await query('SELECT * FROM entries WHERE id = $1', [entries.worker1]);
      const cases: [unknown, number, string][] = [
        [{ durationMinutes: -5 }, 400, 'invalid'],
        [{ date: '2025-02-30' }, 400, 'invalid'],
        [{ colour: 'blue' }, 400, 'invalid'],
        [{}, 400, 'invalid'],
        [{ participants: { girls: 10 } }, 400, 'invalid'],
        [{ unitId: units['B:Nuorisotalo Kipinä'] }, 400, 'invalid'],
        [{ themes: ['astrology'] }, 400, 'invalid'],
        [{ date: null }, 400, 'invalid'],
        [{ notes: 'Met Matti Virtanen, phone 040 123 4567' }, 400, 'personalData'],
      ];
      for (const [patch, status, error] of cases) {
        const answer = await worker.patch(`/api/tab/entries/${entries.worker1}`, patch);
        expect([JSON.stringify(patch), answer.status, answer.body.error]).toEqual([JSON.stringify(patch), status, error]);
        expect(answer.body.message).toEqual(expect.any(String));
      }
      const personal = await worker.patch(`/api/tab/entries/${entries.worker1}`, { notes: 'Met Matti Virtanen, phone 040 123 4567' });
      expect(personal.body.message).toContain('a name, a phone number');
      expect((await worker.patch(`/api/tab/entries/${randomUUID()}`, { notes: 'x' })).status).toBe(404);
      expect((await worker.patch('/api/tab/entries/not-an-id', { notes: 'x' })).status).toBe(404);
      expect(await query('SELECT * FROM entries WHERE id = $1', [entries.worker1])).toEqual(before);
    });
  });

  describe('as a manager', () => {
    let manager: DashboardClient;
    beforeAll(async () => {
      manager = await openDashboard(app, users.manager);
    });

    it('lists the entries of their units and their own', async () => {
      const { body } = await manager.get('/api/tab/entries');
      expect(body.entries.map((e: Json) => e.id).sort()).toEqual([entries.worker1, entries.worker2, entries.manager1].sort());
      expect(body.entries.find((e: Json) => e.id === entries.worker1).editable).toBe(false);
      expect(body.entries.find((e: Json) => e.id === entries.manager1).editable).toBe(true);
      const me = await manager.get('/api/tab/me');
      expect(me.body.units).toEqual([{ id: units['A:Nuorisotalo Kipinä'], name: 'Nuorisotalo Kipinä' }]);
      expect(me.body.can).toEqual({ overview: true, structure: false, editAnyEntry: false, export: true });
    });

    it('sees the numbers of their units only, and edits only their own entries', async () => {
      const overview = await manager.get('/api/tab/overview', { from: '2025-03-01', to: '2025-04-30' });
      expect(overview.status).toBe(200);
      const [sums] = await query(
        `SELECT count(*)::int AS entries, sum(total)::int AS participants FROM entries
          WHERE organisation_id = $1 AND unit_id = $2 AND deleted_at IS NULL AND date BETWEEN '2025-03-01' AND '2025-04-30'`,
        [orgA, units['A:Nuorisotalo Kipinä']],
      );
      expect(overview.body.figures).toMatchObject(sums);
      const elsewhere = await manager.get('/api/tab/overview', { from: '2025-03-01', to: '2025-04-30', unit: units['A:Nuorisotalo Majakka'] });
      expect(elsewhere.status).toBe(403);
      expect(elsewhere.body.message).toBe(PHRASES.dashboardOwnUnitsOnly.en);
      expect((await manager.patch(`/api/tab/entries/${entries.worker1}`, { notes: 'x' })).status).toBe(403);
      expect((await manager.patch(`/api/tab/entries/${entries.manager1}`, { youthLed: true })).status).toBe(200);
      expect((await manager.get('/api/tab/structure')).status).toBe(403);
    });
  });

  describe('as a mentor', () => {
    let mentor: DashboardClient;
    beforeAll(async () => {
      mentor = await openDashboard(app, users.mentor);
    });

    it('lists every entry of the organisation, and none of another', async () => {
      const { body } = await mentor.get('/api/tab/entries', { limit: '200' });
      const [{ count }] = await query('SELECT count(*)::int AS count FROM entries WHERE organisation_id = $1 AND deleted_at IS NULL', [orgA]);
      expect(body.total).toBe(count);
      const listed = body.entries.map((e: Json) => e.id);
      expect(listed).toEqual(expect.arrayContaining([entries.worker1, entries.colleague1, entries.manager1]));
      expect(listed).not.toContain(entries.other1);
      expect(listed).not.toContain(entries.colleagueDeleted);
      expect(body.entries.every((e: Json) => e.editable)).toBe(true);
      const majakka = await mentor.get('/api/tab/entries', { unit: units['A:Nuorisotalo Majakka'], from: '2025-03-01', to: '2025-03-31' });
      expect(majakka.body.entries.map((e: Json) => e.id)).toEqual([entries.colleague2, entries.colleague1]);
    });

    it("edits anyone's entry, audited as the mentor's change", async () => {
      const { status, body } = await mentor.patch(`/api/tab/entries/${entries.colleague2}`, {
        workForm: 'event',
        themes: ['sports', 'culture'],
        unitId: units['A:Nuorisotalo Kipinä'],
      });
      expect(status).toBe(200);
      expect(body).toMatchObject({ workForm: 'event', themes: ['sports', 'culture'], unit: 'Nuorisotalo Kipinä', author: 'Wanda Worker' });
      const [audit] = await query("SELECT actor_id, before, after FROM audit_events WHERE action = 'entry.update' AND target_id = $1", [entries.colleague2]);
      expect(audit.actor_id).toBe(ids.mentor);
      expect(audit.before).toMatchObject({ work_form: 'group', themes: ['sports'], unit_id: units['A:Nuorisotalo Majakka'] });
      expect(audit.after).toMatchObject({ work_form: 'event', themes: ['sports', 'culture'], unit_id: units['A:Nuorisotalo Kipinä'] });
    });

    it('never reaches another organisation', async () => {
      const before = await query('SELECT * FROM entries WHERE id = $1', [entries.other1]);
      expect((await mentor.patch(`/api/tab/entries/${entries.other1}`, { notes: 'x' })).status).toBe(404);
      expect(await query('SELECT * FROM entries WHERE id = $1', [entries.other1])).toEqual(before);
      const foreignUnit = await mentor.get('/api/tab/overview', { from: '2025-03-01', to: '2025-03-31', unit: units['B:Nuorisotalo Kipinä'] });
      expect(foreignUnit.status).toBe(400);
      expect((await mentor.get('/api/tab/entries', { unit: units['B:Nuorisotalo Kipinä'] })).status).toBe(400);
      const structure = await mentor.get('/api/tab/structure');
      expect(structure.body.units.map((u: Json) => u.id)).not.toContain(units['B:Nuorisotalo Kipinä']);
      expect(structure.body.members.map((m: Json) => m.id)).not.toContain(mentorB.memberId);
    });

    it('shows the overview with numbers equal to the entries', async () => {
      const period = { from: '2025-03-01', to: '2025-04-30' };
      const { status, body } = await mentor.get('/api/tab/overview', period);
      expect(status).toBe(200);
      const [sums] = await query(
        `SELECT count(*)::int AS entries, sum(total)::int AS participants, sum(girls)::int AS girls, sum(boys)::int AS boys,
                coalesce(sum(non_binary), 0)::int AS "nonBinary", sum(new_participants)::int AS new, sum(duration_minutes) / 60.0 AS hours,
                sum(girls) FILTER (WHERE girls IS NOT NULL AND total IS NOT NULL)::float / sum(total) FILTER (WHERE girls IS NOT NULL AND total IS NOT NULL) AS "girlsShare",
                count(*) FILTER (WHERE youth_led)::float / count(*) FILTER (WHERE youth_led IS NOT NULL) AS "youthLedShare"
           FROM entries WHERE organisation_id = $1 AND deleted_at IS NULL AND date BETWEEN $2 AND $3`,
        [orgA, period.from, period.to],
      );
      expect(body.period).toEqual(period);
      expect(body.figures).toEqual({ ...sums, hours: expect.closeTo(Number(sums.hours), 6), girlsShare: expect.closeTo(sums.girlsShare, 6), youthLedShare: expect.closeTo(sums.youthLedShare, 6) });
      const months = await query(
        `SELECT to_char(date, 'YYYY-MM') AS month, sum(total)::int AS participants FROM entries
          WHERE organisation_id = $1 AND deleted_at IS NULL AND date BETWEEN $2 AND $3 GROUP BY 1 ORDER BY 1`,
        [orgA, period.from, period.to],
      );
      expect(body.byMonth).toEqual(months);
      const themes = await query(
        `SELECT theme AS key, count(*)::int AS entries FROM entries, unnest(themes) AS theme
          WHERE organisation_id = $1 AND deleted_at IS NULL AND date BETWEEN $2 AND $3 GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 5`,
        [orgA, period.from, period.to],
      );
      expect(body.topThemes.map(({ key, entries: n }: Json) => ({ key, entries: n })).sort((a: Json, b: Json) => b.entries - a.entries || a.key.localeCompare(b.key))).toEqual(themes);
      expect(body.topThemes[0].label).toEqual(expect.any(String));
      expect(body.goals).toEqual([]);
      expect(body.chart).toBe(`/api/tab/chart.png?from=2025-03-01&to=2025-04-30&unit=&metric=participants`);

      const kipina = await mentor.get('/api/tab/overview', { ...period, unit: units['A:Nuorisotalo Kipinä'] });
      const [unitSums] = await query(
        `SELECT count(*)::int AS entries, sum(total)::int AS participants FROM entries
          WHERE organisation_id = $1 AND unit_id = $4 AND deleted_at IS NULL AND date BETWEEN $2 AND $3`,
        [orgA, period.from, period.to, units['A:Nuorisotalo Kipinä']],
      );
      expect(kipina.body.figures).toMatchObject(unitSums);
      expect(kipina.body.chart).toContain(`unit=${units['A:Nuorisotalo Kipinä']}`);
      expect((await mentor.get('/api/tab/overview', { from: '2025-03-31', to: '2025-03-01' })).status).toBe(400);
    });

    it('draws the chart of the overview as a PNG', async () => {
      const { body } = await mentor.get('/api/tab/overview', { from: '2025-03-01', to: '2025-04-30' });
      const response = await mentor.fetch(body.chart);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect([...new Uint8Array(await response.arrayBuffer()).slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect((await mentor.fetch('/api/tab/chart.png', { from: '2025-03-01', to: '2025-04-30', metric: 'bogus' })).status).toBe(400);
      const empty = await mentor.fetch('/api/tab/chart.png', { from: '2019-01-01', to: '2019-12-31' });
      expect(empty.status).toBe(200);
    });

    it('exports the period\'s entries as CSV and XLSX', async () => {
      const response = await mentor.fetch('/api/tab/export', { format: 'csv', from: '2025-03-01', to: '2025-03-31' });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(response.headers.get('content-disposition')).toBe('attachment; filename="logbook-2025-03.csv"');
      const lines = (await response.text()).trim().split('\n');
      expect(lines[0]).toMatch(/^id,date,unit,/);
      const exported = lines.slice(1).map((line) => line.split(',')[0]).sort();
      const expected = await query(
        `SELECT id FROM entries WHERE organisation_id = $1 AND deleted_at IS NULL AND date BETWEEN '2025-03-01' AND '2025-03-31' ORDER BY id`,
        [orgA],
      );
      expect(exported).toEqual(expected.map((row) => row.id).sort());
      const xlsx = await mentor.fetch('/api/tab/export', { format: 'xlsx', from: '2025-03-01', to: '2025-03-31', unit: units['A:Nuorisotalo Kipinä'] });
      expect(xlsx.status).toBe(200);
      expect(xlsx.headers.get('content-disposition')).toBe('attachment; filename="logbook-nuorisotalo-kipina-2025-03.xlsx"');
      expect([...new Uint8Array(await xlsx.arrayBuffer()).slice(0, 2)]).toEqual([0x50, 0x4b]);
      expect((await mentor.fetch('/api/tab/export', { format: 'pdf' })).status).toBe(400);
    });

    it('shows the structure with ids, archived items, members and goals', async () => {
      await query("UPDATE units SET archived_at = now() WHERE id = $1", [units['A:Digitiimi']]);
      await query(`INSERT INTO goals (organisation_id, metric, comparator, target, per) VALUES ($1, 'girlsShare', 'atLeast', 0.4, 'period')`, [orgA]);
      const { status, body } = await mentor.get('/api/tab/structure');
      expect(status).toBe(200);
      expect(body.units).toContainEqual({ id: units['A:Nuorisotalo Kipinä'], name: 'Nuorisotalo Kipinä', aliases: expect.arrayContaining(['Kipinä']), archived: false });
      expect(body.units).toContainEqual(expect.objectContaining({ id: units['A:Digitiimi'], archived: true }));
      expect(body.activities).toContainEqual({ id: expect.any(String), name: 'Avoin ilta', unit: 'Nuorisotalo Kipinä', workForm: 'open', archived: false });
      expect(body.themes).toContainEqual({ key: 'school', label: expect.any(String), archived: false });
      expect(body.members).toContainEqual({ id: ids.worker, name: 'Wes Worker', email: null, role: 'worker', units: [] });
      expect(body.members).toContainEqual({ id: ids.manager, name: 'Max Manager', email: null, role: 'manager', units: ['Nuorisotalo Kipinä'] });
      expect(body.goals).toEqual([expect.stringMatching(/^Share of girls — at least 40\s?%$/)]);
      const overview = await mentor.get('/api/tab/overview', { from: '2025-03-01', to: '2025-04-30' });
      expect(overview.body.goals).toEqual([expect.stringMatching(/^Share of girls \d/)]);
      expect((await mentor.get('/api/tab/structure', { lang: 'fi' })).body.goals).toEqual([expect.stringMatching(/^Tyttöjen osuus — vähintään 40\s?%$/)]);
    });
  });

  describe("another organisation's mentor", () => {
    it('gets no link in a group chat or channel, where others could use it first', async () => {
      const before = await query('SELECT count(*)::int AS n FROM dashboard_sign_ins');
      for (const kind of ['group', 'channel'] as const) expect(texts(await mentorBLink(kind))).toBe(PHRASES.dashboardPrivateOnly.fi);
      expect(await query('SELECT count(*)::int AS n FROM dashboard_sign_ins')).toEqual(before);
    });

    it('signs in with a link the core gives in Teams and sees only their organisation', async () => {
      const replies = await mentorBLink();
      expect(texts(replies)).toMatch(/^Tässä linkkisi koontinäkymään/);
      const mentor = await signIn(app.url, signInToken(replies));
      expect(mentor.signedIn.organisation).toEqual({ id: orgB, name: 'Toinen kunta' });
      expect(mentor.signedIn.member).toMatchObject({ id: mentorB.memberId, role: 'mentor', locale: 'fi' });
      const list = await mentor.get('/api/tab/entries');
      expect(list.body.entries.map((e: Json) => e.id)).toEqual([entries.other1]);
      expect((await mentor.get('/api/tab/me')).body.units.map((u: Json) => u.id)).not.toContain(units['A:Nuorisotalo Kipinä']);
      const overview = await mentor.get('/api/tab/overview', { from: '2025-03-01', to: '2025-03-31' });
      expect(overview.body.figures).toMatchObject({ entries: 1, participants: 30, girls: 10, boys: 20 });
      expect((await mentor.patch(`/api/tab/entries/${entries.worker1}`, { notes: 'x' })).status).toBe(404);
      const csv = await (await mentor.fetch('/api/tab/export', { format: 'csv', from: '2025-01-01', to: '2025-12-31' })).text();
      expect(csv.trim().split('\n').slice(1).map((line) => line.split(',')[0])).toEqual([entries.other1]);
    });
  });

  describe('clean-up', () => {
    it('deletes expired sign-ins and sessions in the retention run, and a member\'s with their erasure', async () => {
      const leaver = await localMember(app, 'worker', 'en-GB', 'Ella Erased');
      const leaverId = await memberOf(leaver);
      await openDashboard(app, leaver);
      await leaver.say('dashboard');
      await query("UPDATE dashboard_sign_ins SET expires_at = now() - interval '1 minute' WHERE member_id = $1 AND used_at IS NOT NULL", [ids.worker]);
      const live = await query('SELECT count(*)::int AS n FROM dashboard_sessions WHERE expires_at > now()');
      await runRetention(app.database.dataSource);
      expect(await query('SELECT token_hash FROM dashboard_sign_ins WHERE expires_at <= now() UNION ALL SELECT token_hash FROM dashboard_sessions WHERE expires_at <= now()')).toEqual([]);
      expect(await query('SELECT count(*)::int AS n FROM dashboard_sessions WHERE expires_at > now()')).toEqual(live);

      const report = await eraseMember(app.database.dataSource, orgA, leaverId);
      expect(report?.dashboardSessions).toBe(3);
      expect(await query('SELECT 1 FROM dashboard_sign_ins WHERE member_id = $1 UNION ALL SELECT 1 FROM dashboard_sessions WHERE member_id = $1', [leaverId])).toEqual([]);
    });
  });

  describe('the page', () => {
    it('serves /tab, its assets and the Teams client with a strict Content-Security-Policy', async () => {
      const page = await fetch(`${app.url}/tab`);
      expect(page.status).toBe(200);
      const policy = page.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("style-src 'self'");
      expect(policy).toContain("img-src 'self' data:");
      expect(policy).toMatch(/frame-ancestors 'self' https:\/\/teams\.microsoft\.com https:\/\/\*\.teams\.microsoft\.com https:\/\/\*\.office\.com https:\/\/\*\.cloud\.microsoft/);
      for (const [path, type] of [['/tab.js', /javascript/], ['/tab.css', /text\/css/], ['/teams-js.js', /javascript/]] as const) {
        const asset = await fetch(`${app.url}${path}`);
        expect([path, asset.status]).toEqual([path, 200]);
        expect(asset.headers.get('content-type')).toMatch(type);
      }
    });
  });
});
