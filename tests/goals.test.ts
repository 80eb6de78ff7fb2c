import type { RunningApp } from '../app/app';
import { parseAdminCommand, type AdminCommand } from '../bot/admin/commands';
import { isAllowed } from '../bot/admin/permissions';
import { PHRASES } from '../bot/i18n';
import type { Locale } from '../bot/locale';
import type { MemberInfo, Role } from '../bot/ports';
import type { ReportChatContext } from '../bot/reports/chat';
import { parseGoalsQuestion } from '../bot/reports/goal-question';
import { answerGoalsQuestion, goalLines } from '../bot/reports/goals-chat';
import type { Goal } from '../reports/goal';
import { goalStatusLine } from '../reports/goal-status';
import { periodUnits, type GoalProgress } from '../reports/goals';
import { reportQuery, type Period } from '../reports/query';
import { createAdminStore } from '../storage/admin-store';
import { createDirectoryStore } from '../storage/directory-store';
import { ensureOrganisation, findOrganisationByName } from '../storage/organisations';
import { createReportStore } from '../storage/report-store';
import { startTestApp } from './support/app';
import { engineName } from './support/database';
import { ChatUser, texts } from './support/local-chat';
import { localMember } from './support/members';

type SetGoal = Extract<AdminCommand, { kind: 'setGoal' }>;
const set = (goal: Partial<SetGoal>): SetGoal => ({
  kind: 'setGoal',
  metric: null,
  unit: null,
  comparator: 'atLeast',
  target: null,
  percent: false,
  per: null,
  ...goal,
});

const COMMANDS: [Locale, string, AdminCommand][] = [
  ['en', 'goal girls share at least 40%', set({ metric: 'girlsShare', target: 40, percent: true })],
  ['en', 'goal youth-led 20 %', set({ metric: 'youthLedShare', target: 20, percent: true })],
  ['en', 'goal participants 300 per month', set({ metric: 'participants', target: 300, per: 'month' })],
  ['en', 'goal Kallio new 10 per month', set({ metric: 'new', unit: 'Kallio', target: 10, per: 'month' })],
  ['en', 'Goal: at most 20 hours a week.', set({ metric: 'hours', comparator: 'atMost', target: 20, per: 'week' })],
  ['en', 'set a goal for Nuorisotalo Kipinä: new participants 2.5/week', set({ metric: 'new', unit: 'Nuorisotalo Kipinä', target: 2.5, per: 'week' })],
  ['en', 'goal girls 45 %', set({ metric: 'girlsShare', target: 45, percent: true })],
  ['en', 'set goal something vague', set({ unit: 'something vague' })],
  ['en', 'remove goal girls share', { kind: 'removeGoal', metric: 'girlsShare', unit: null, per: null }],
  ['en', 'delete the goal for Kallio new per week', { kind: 'removeGoal', metric: 'new', unit: 'Kallio', per: 'week' }],
  ['en', 'remove goal', { kind: 'removeGoal', metric: null, unit: null, per: null }],
  ['en', 'goals', { kind: 'listGoals' }],
  ['en', 'Show our goals', { kind: 'listGoals' }],
  ['fi', 'tavoite tyttöjen osuus vähintään 40 %', set({ metric: 'girlsShare', target: 40, percent: true })],
  ['fi', 'tavoite kävijät 300 kuukaudessa', set({ metric: 'participants', target: 300, per: 'month' })],
  ['fi', 'tavoite Kalliossa uudet 10 viikossa', set({ metric: 'new', unit: 'Kalliossa', target: 10, per: 'week' })],
  ['fi', 'tavoite tunnit enintään 20 viikossa', set({ metric: 'hours', comparator: 'atMost', target: 20, per: 'week' })],
  ['fi', 'aseta tavoite nuorten toteuttamat 25 prosenttia', set({ metric: 'youthLedShare', target: 25, percent: true })],
  ['fi', 'poista tavoite tyttöjen osuus', { kind: 'removeGoal', metric: 'girlsShare', unit: null, per: null }],
  ['fi', 'poista tavoite Kallio uudet', { kind: 'removeGoal', metric: 'new', unit: 'Kallio', per: null }],
  ['fi', 'tavoitteet', { kind: 'listGoals' }],
  ['sv', 'mål tjejandel minst 40 %', set({ metric: 'girlsShare', target: 40, percent: true })],
  ['sv', 'mål deltagare 300 per månad', set({ metric: 'participants', target: 300, per: 'month' })],
  ['sv', 'mål Kallio nya högst 5 per vecka', set({ metric: 'new', unit: 'Kallio', comparator: 'atMost', target: 5, per: 'week' })],
  ['sv', 'mål ungdomsledda 20,5 %', set({ metric: 'youthLedShare', target: 20.5, percent: true })],
  ['sv', 'ta bort mål tjejandel', { kind: 'removeGoal', metric: 'girlsShare', unit: null, per: null }],
  ['sv', 'mål', { kind: 'listGoals' }],
  ['sv', 'visa målen', { kind: 'listGoals' }],
];

describe('goal commands', () => {
  it.each(COMMANDS)('reads (%s) "%s"', (_language, text, command) => {
    expect(parseAdminCommand(text)).toEqual(command);
  });

  it('has phrasings of every goal command in fi, sv and en', () => {
    for (const kind of ['setGoal', 'removeGoal', 'listGoals']) {
      const languages = new Set(COMMANDS.filter(([, , command]) => command.kind === kind).map(([language]) => language));
      expect([...languages].sort()).toEqual(['en', 'fi', 'sv']);
    }
  });

  it.each([
    'Goal setting workshop with the group today, 8 kids',
    'goals this year',
    'tavoitteet tänä vuonna',
    'mål i år',
    'Football tonight, 12 boys, lots of goals',
    'målning idag, 5 ungdomar',
  ])('leaves "%s" to the dialog', (text) => {
    expect(parseAdminCommand(text)).toBeNull();
  });

  it('lets mentors set and remove goals, and managers and mentors list them', () => {
    for (const role of ['worker', 'manager', 'mentor'] as Role[]) {
      expect(isAllowed(role, 'setGoal')).toBe(role === 'mentor');
      expect(isAllowed(role, 'removeGoal')).toBe(role === 'mentor');
      expect(isAllowed(role, 'listGoals')).toBe(role !== 'worker');
    }
  });
});

describe('goal questions', () => {
  const catalogue = { units: [{ name: 'Kallio', aliases: [] }], activities: [], themes: [] };
  const today = '2026-03-15';
  const year2026 = { from: '2026-01-01', to: '2026-12-31' };

  it.each([
    ['how are we doing on our goals this year', year2026],
    ['How are we doing with our goals?', year2026],
    ['goals this year', year2026],
    ['tavoitteet tänä vuonna', year2026],
    ['miten tavoitteissa on menty viime kuussa', { from: '2026-02-01', to: '2026-02-28' }],
    ['hur går det med målen i år', year2026],
    ['målen 2025', { from: '2025-01-01', to: '2025-12-31' }],
  ])('reads "%s"', (text, period) => {
    expect(parseGoalsQuestion(text, today, catalogue)).toEqual({ kind: 'goals', period, metrics: [], unit: null });
  });

  it('reads a metric and a unit', () => {
    expect(parseGoalsQuestion("how is Kallio doing on the girls' share goal this year?", today, catalogue)).toEqual({
      kind: 'goals',
      period: year2026,
      metrics: ['girlsShare'],
      unit: 'Kallio',
    });
    expect(parseGoalsQuestion('Kallion tavoitteet tänä vuonna', today, catalogue)).toMatchObject({ unit: 'Kallio' });
  });

  it.each([
    'Talked about goals and dreams today',
    'Football tonight, 12 boys, lots of goals',
    'Goal setting workshop today',
    'how many participants this month',
  ])('leaves "%s" alone', (text) => {
    expect(parseGoalsQuestion(text, today, catalogue)).toBeNull();
  });
});

describe('goal status lines', () => {
  const goal = (fields: Partial<Goal>): Goal => ({ id: 'g', unitId: null, unitName: null, metric: 'participants', comparator: 'atLeast', target: 300, per: 'month', ...fields });
  const progress = (g: Goal, actual: number | null): GoalProgress => ({
    goal: g,
    period: { from: '2026-01-01', to: '2026-03-31' },
    actual,
    met: actual === null ? null : g.comparator === 'atLeast' ? actual >= g.target : actual <= g.target,
    ratio: actual === null ? null : actual / g.target,
    units: 3,
    breakdown: [],
    scoped: false,
  });
  const girls = goal({ metric: 'girlsShare', target: 0.4, per: 'period' });

  it('says how far each goal is met, in fi, sv and en', () => {
    expect(goalStatusLine(progress(girls, 0.43), 'en')).toBe("Share of girls 43% (target at least 40%) ✓");
    expect(goalStatusLine(progress(goal({}), 270), 'en')).toBe('Participants per month 270 (target at least 300) — 90% of target');
    expect(goalStatusLine(progress(girls, 0.35), 'en')).toBe('Share of girls 35% (target at least 40%) — 5 percentage points short');
    expect(goalStatusLine(progress(girls, null), 'en')).toBe('Share of girls: no data yet (target at least 40%)');
    const kallio = goal({ metric: 'hours', comparator: 'atMost', target: 20, per: 'week', unitName: 'Kallio' });
    expect(goalStatusLine(progress(kallio, 25), 'en')).toBe('Kallio: Hours per week 25 (target at most 20) — 125% of target');
    expect(goalStatusLine(progress(goal({}), 270), 'fi')).toBe('Osallistujat kuukaudessa 270 (tavoite vähintään 300) — 90\u00a0% tavoitteesta');
    expect(goalStatusLine(progress(girls, 0.43), 'sv')).toBe('Andel tjejer 43\u00a0% (mål minst 40\u00a0%) ✓');
  });

  it('counts months and weeks by the days a period covers', () => {
    expect(periodUnits({ from: '2025-01-01', to: '2025-12-31' }, 'month')).toBeCloseTo(12, 12);
    expect(periodUnits({ from: '2026-01-01', to: '2026-03-15' }, 'month')).toBeCloseTo(2 + 15 / 31, 12);
    expect(periodUnits({ from: '2026-01-16', to: '2026-02-28' }, 'month')).toBeCloseTo(16 / 31 + 1, 12);
    expect(periodUnits({ from: '2026-01-01', to: '2026-03-15' }, 'week')).toBeCloseTo(74 / 7, 12);
    expect(periodUnits({ from: '2026-01-01', to: '2026-03-15' }, 'period')).toBe(1);
  });
});

describe(`goals on ${engineName()}`, () => {
  let app: RunningApp;
  let mentor: ChatUser;
  let demoId: string;
  let otherId: string;
  const query = (sql: string, params: unknown[] = []) => app.database.dataSource.query(sql, params);
  const TODAY = '2026-03-15';
  const THIS_YEAR: Period = { from: '2026-01-01', to: '2026-12-31' };
  const YEAR_2025: Period = { from: '2025-01-01', to: '2025-12-31' };

  async function unitId(organisationId: string, name: string): Promise<string> {
    const [unit] = await query('SELECT id FROM units WHERE organisation_id = $1 AND name = $2', [organisationId, name]);
    return unit.id;
  }

  async function memberOf(user: ChatUser): Promise<MemberInfo> {
    const [row] = await query(
      'SELECT m.id, m.organisation_id, m.display_name, m.role FROM members m JOIN channel_identities ci ON ci.member_id = m.id WHERE ci.user_id = $1',
      [user.user],
    );
    return { id: row.id, organisationId: row.organisation_id, displayName: row.display_name, role: row.role, locale: null };
  }

  async function chatContext(member: MemberInfo, locale: Locale): Promise<ReportChatContext> {
    const ds = app.database.dataSource;
    return {
      reports: createReportStore(ds),
      organisationId: member.organisationId,
      member,
      locale,
      today: TODAY,
      catalogue: await createDirectoryStore(ds).catalogue(member.organisationId),
      state: null,
    };
  }

  /** Deterministic entries from 2025-01-01 to today, some soft-deleted, some leaving the counts open. */
  async function seed(organisationId: string, units: (string | null)[], count: number, scale: number, salt: number): Promise<void> {
    let state = salt;
    const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    const days = 365 + 74;
    const rows = Array.from({ length: count }, (_, i) => {
      const day = new Date(Date.UTC(2025, 0, 1 + Math.floor(next() * days))).toISOString().slice(0, 10);
      const total = Math.floor(next() * 30 * scale);
      const r = next();
      return {
        date: day,
        unit_id: units[Math.floor(next() * units.length)],
        total,
        girls: r < 0.15 ? null : Math.floor(next() * total),
        new_participants: r > 0.9 ? null : Math.floor(next() * 5 * scale),
        duration_minutes: r < 0.05 ? null : 30 + Math.floor(next() * 210),
        youth_led: r < 0.2 ? null : next() < 0.3,
        deleted: next() < 0.1,
        source: `seed-${salt}-${i}`,
      };
    });
    await query(
      `INSERT INTO entries (organisation_id, date, unit_id, work_form, total, girls, new_participants, duration_minutes, youth_led, channel, source_message_id, deleted_at)
       SELECT $1, r.date, r.unit_id, 'open', r.total, r.girls, r.new_participants, r.duration_minutes, r.youth_led, 'local', r.source, CASE WHEN r.deleted THEN now() END
         FROM jsonb_to_recordset($2::jsonb) AS r(date date, unit_id uuid, total int, girls int, new_participants int, duration_minutes int, youth_led boolean, deleted boolean, source text)`,
      [organisationId, JSON.stringify(rows)],
    );
  }

  /** The expected numbers, straight from the entries. */
  async function expected(organisationId: string, period: Period, unitIds: string[] | null): Promise<Record<string, number>> {
    const [row] = await query(
      `SELECT sum(girls) FILTER (WHERE girls IS NOT NULL AND total IS NOT NULL)::float8 / sum(total) FILTER (WHERE girls IS NOT NULL AND total IS NOT NULL) AS girls_share,
              (count(*) FILTER (WHERE youth_led))::float8 / count(youth_led) AS youth_led_share,
              coalesce(sum(total), 0)::float8 AS participants,
              coalesce(sum(new_participants), 0)::float8 AS new,
              coalesce(sum(duration_minutes), 0)::float8 / 60 AS hours
         FROM entries
        WHERE organisation_id = $1 AND deleted_at IS NULL AND date BETWEEN $2 AND $3 AND ($4::uuid[] IS NULL OR unit_id = ANY($4::uuid[]))`,
      [organisationId, period.from, period.to < TODAY ? period.to : TODAY, unitIds],
    );
    return row;
  }

  beforeAll(async () => {
    app = await startTestApp();
    mentor = new ChatUser(app.url, undefined, 'en-GB');
    expect(texts(await mentor.say('add unit Kallio'))).toContain('Added the unit "Kallio"');
    demoId = (await findOrganisationByName(app.database.dataSource, 'Demo'))!.id;
    otherId = (await ensureOrganisation(app.database.dataSource, { name: 'Other town', timeZone: 'Europe/Helsinki' })).id;
    const demoUnits = [await unitId(demoId, 'Kallio'), await unitId(demoId, 'Nuorisotalo Kipinä'), await unitId(demoId, 'Nuorisotalo Majakka'), null];
    const otherUnits = [await unitId(otherId, 'Nuorisotalo Kipinä'), await unitId(otherId, 'Nuorisotalo Majakka'), null];
    await seed(demoId, demoUnits, 400, 1, 7);
    // The other organisation counts far more, so leaking its entries would show.
    await seed(otherId, otherUnits, 400, 10, 11);
  });
  afterAll(() => app.stop());

  it('lets a mentor set, change, list and remove goals in fi, sv and en, auditing every change', async () => {
    const finnish = new ChatUser(app.url, mentor.user, 'fi-FI');
    const swedish = new ChatUser(app.url, mentor.user, 'sv-SE');
    expect(texts(await mentor.say('goal girls share at least 40%'))).toBe('New goal: Share of girls — at least 40%.');
    expect(texts(await mentor.say('goal youth-led 20 %'))).toBe('New goal: Youth-led share — at least 20%.');
    expect(texts(await mentor.say('goal participants 300 per month'))).toBe('New goal: Participants per month — at least 300.');
    expect(texts(await finnish.say('tavoite Kalliossa uudet 2 kuukaudessa'))).toBe('Uusi tavoite: Kallio: Uudet osallistujat kuukaudessa — vähintään 2.');
    expect(texts(await swedish.say('mål timmar högst 20 per vecka'))).toBe('Nytt mål: Timmar per vecka — högst 20.');
    expect(texts(await mentor.say('goal participants 250 per month'))).toBe('Changed the goal: Participants per month — at least 250 (was at least 300).');
    expect(texts(await mentor.say('goal participants 250 per month'))).toBe('That goal is set already: Participants per month — at least 250.');

    const goals = await query('SELECT g.metric, g.comparator, g.target::float8 AS target, g.per, u.name AS unit FROM goals g LEFT JOIN units u ON u.id = g.unit_id WHERE g.organisation_id = $1 ORDER BY g.metric', [demoId]);
    expect(goals).toEqual([
      { metric: 'girlsShare', comparator: 'atLeast', target: 0.4, per: 'period', unit: null },
      { metric: 'hours', comparator: 'atMost', target: 20, per: 'week', unit: null },
      { metric: 'new', comparator: 'atLeast', target: 2, per: 'month', unit: 'Kallio' },
      { metric: 'participants', comparator: 'atLeast', target: 250, per: 'month', unit: null },
      { metric: 'youthLedShare', comparator: 'atLeast', target: 0.2, per: 'period', unit: null },
    ]);
    const me = await memberOf(mentor);
    const audited = await query("SELECT action, actor_id, before, after FROM audit_events WHERE organisation_id = $1 AND action LIKE 'goal.%' ORDER BY created_at, action", [demoId]);
    expect(audited.map((a: { action: string }) => a.action)).toEqual(['goal.add', 'goal.add', 'goal.add', 'goal.add', 'goal.add', 'goal.update']);
    expect(audited.every((a: { actor_id: string }) => a.actor_id === me.id)).toBe(true);
    expect(audited[5].before).toMatchObject({ metric: 'participants', target: 300 });
    expect(audited[5].after).toMatchObject({ metric: 'participants', target: 250 });
    expect(texts(await mentor.say('audit'))).toContain('goal.update · participants: target: 300 → 250');

    expect(texts(await mentor.say('goals'))).toBe(
      [
        'Goals (5):',
        '• Share of girls — at least 40%',
        '• Youth-led share — at least 20%',
        '• Participants per month — at least 250',
        '• Hours per week — at most 20',
        '• Kallio: New participants per month — at least 2',
      ].join('\n'),
    );
    expect(texts(await finnish.say('tavoitteet'))).toMatch(/^Tavoitteet \(5\):\n• Tyttöjen osuus — vähintään 40\s%\n/);

    expect(texts(await swedish.say('ta bort mål timmar'))).toBe('Tog bort målet: Timmar per vecka — högst 20.');
    expect(await query("SELECT * FROM goals WHERE organisation_id = $1 AND metric = 'hours'", [demoId])).toHaveLength(0);
    const [removed] = await query("SELECT before, after FROM audit_events WHERE organisation_id = $1 AND action = 'goal.remove'", [demoId]);
    expect(removed).toEqual({ before: expect.objectContaining({ metric: 'hours', comparator: 'atMost', target: 20, per: 'week' }), after: null });

    expect(texts(await mentor.say('remove goal boys'))).toBe('There is no goal for Boys. Write "goals" to see them all.');
    expect(texts(await mentor.say('goal girls share 140 %'))).toBe(PHRASES.goalInvalidShare.en);
    expect(texts(await mentor.say('goal participants 30 %'))).toBe('Participants is a count, not a percentage. Give a number per month or per week, for example "goal participants 300 per month".');
    expect(texts(await mentor.say('goal Atlantis new 5 per month'))).toMatch(/^I found no unit called "Atlantis"\. The units are: .*Kallio/);
    expect(texts(await mentor.say('set goal something vague'))).toBe(PHRASES.goalHow.en);
    expect(await query("SELECT * FROM audit_events WHERE organisation_id = $1 AND action LIKE 'goal.%'", [demoId])).toHaveLength(7);
  });

  it('refuses a worker, and lets a manager list the goals but not change them', async () => {
    const worker = await localMember(app, 'worker', 'en-GB');
    const manager = await localMember(app, 'manager', 'sv-SE');
    const before = await query('SELECT * FROM goals ORDER BY id');
    const audits = await query('SELECT count(*)::int AS n FROM audit_events');
    expect(texts(await worker.say('goal participants 100 per month'))).toBe(PHRASES.refusedMentorsOnly.en);
    expect(texts(await worker.say('remove goal girls share'))).toBe(PHRASES.refusedMentorsOnly.en);
    expect(texts(await worker.say('goals'))).toBe(PHRASES.refusedReports.en);
    expect(texts(await manager.say('ta bort mål tjejandel'))).toBe(PHRASES.refusedMentorsOnly.sv);
    expect(texts(await manager.say('mål'))).toMatch(/^Mål \(4\):\n• Andel tjejer — minst 40\s%/);
    expect(await query('SELECT * FROM goals ORDER BY id')).toEqual(before);
    expect(await query('SELECT count(*)::int AS n FROM audit_events')).toEqual(audits);
  });

  it('measures every goal through the report engine, matching the entries, never the other organisation', async () => {
    // The other organisation has goals of its own, which Demo never sees.
    const otherMember = await createDirectoryStore(app.database.dataSource).addMember(
      otherId,
      { displayName: 'Other mentor', email: null, role: 'mentor', locale: null },
      { channel: 'local', tenant: 'Other town', userId: 'other-mentor' },
    );
    const admin = createAdminStore(app.database.dataSource);
    await admin.goals.set(otherId, otherMember.id, { unit: null, metric: 'participants', comparator: 'atLeast', target: 5000, per: 'month' });
    expect((await admin.goals.list(demoId)).map((goal) => goal.metric)).toEqual(['girlsShare', 'youthLedShare', 'participants', 'new']);

    const reports = createReportStore(app.database.dataSource);
    const kallio = await unitId(demoId, 'Kallio');
    for (const period of [THIS_YEAR, YEAR_2025]) {
      const whole = await expected(demoId, period, null);
      const ofKallio = await expected(demoId, period, [kallio]);
      const months = period === THIS_YEAR ? 2 + 15 / 31 : 12;
      const progress = await reports.goals(demoId, { unitIds: null }, period, TODAY);
      const actual = Object.fromEntries(progress.map((p) => [p.goal.metric, p.actual]));
      expect(actual.girlsShare).toBeCloseTo(whole.girls_share, 9);
      expect(actual.youthLedShare).toBeCloseTo(whole.youth_led_share, 9);
      expect(actual.participants).toBeCloseTo(whole.participants / months, 9);
      // A unit's goal counts only its unit.
      expect(actual.new).toBeCloseTo(ofKallio.new / months, 9);
      expect(ofKallio.new).toBeLessThan(whole.new);
      const participants = progress.find((p) => p.goal.metric === 'participants')!;
      expect(participants.met).toBe(whole.participants / months >= 250);
      expect(participants.ratio).toBeCloseTo(whole.participants / months / 250, 9);
      expect(participants.breakdown.reduce((sum, month) => sum + month.value, 0)).toBeCloseTo(whole.participants, 9);
    }

    const other = await reports.goals(otherId, { unitIds: null }, THIS_YEAR, TODAY);
    expect(other.map((p) => p.goal.metric)).toEqual(['participants']);
    expect(other[0].actual).toBeCloseTo((await expected(otherId, THIS_YEAR, null)).participants / (2 + 15 / 31), 9);

    // A weekly goal averages over the weeks the period covers.
    await admin.goals.set(demoId, otherMember.id, { unit: null, metric: 'hours', comparator: 'atMost', target: 20, per: 'week' });
    const [hours] = await reports.goals(demoId, { unitIds: null }, THIS_YEAR, TODAY, { metrics: ['hours'] });
    expect(hours.actual).toBeCloseTo((await expected(demoId, THIS_YEAR, null)).hours / (74 / 7), 9);
    await admin.goals.remove(demoId, otherMember.id, { unit: null, metric: 'hours', per: null });
  });

  it('answers a question about the goals in fi, sv and en, within the units a manager sees', async () => {
    const me = await memberOf(mentor);
    const whole = await expected(demoId, THIS_YEAR, null);
    const en = await answerGoalsQuestion('how are we doing on our goals this year', await chatContext(me, 'en'));
    const lines = texts(en!).split('\n');
    expect(lines[0]).toMatch(/^Goals, 01\/01\/2026\s–\s15\/03\/2026:$/);
    expect(lines).toHaveLength(5);
    const perMonth = whole.participants / (2 + 15 / 31);
    const participantsLine = `Participants per month ${Math.round(perMonth).toLocaleString('en-GB')} (target at least 250)`;
    expect(lines[3]).toContain(participantsLine);
    expect(lines[3].endsWith(perMonth >= 250 ? '✓' : 'of target')).toBe(true);
    expect(lines[1]).toMatch(/^• Share of girls [\d.]+% \(target at least 40%\)/);
    expect(lines[4]).toMatch(/^• Kallio: New participants per month [\d.]+ \(target at least 2\)/);
    expect(en![0].card?.facts.map((f) => f.label)).toEqual(['Share of girls', 'Youth-led share', 'Participants per month', 'Kallio: New participants per month']);

    expect(texts((await answerGoalsQuestion('tavoitteet tänä vuonna', await chatContext(me, 'fi')))!)).toMatch(/^Tavoitteet, .*:\n• Tyttöjen osuus /);
    expect(texts((await answerGoalsQuestion('hur går det med målen i år', await chatContext(me, 'sv')))!)).toMatch(/^Mål, .*:\n• Andel tjejer /);
    expect(texts((await answerGoalsQuestion("how is Kallio doing on its goals this year?", await chatContext(me, 'en')))!).split('\n')).toHaveLength(2);
    expect(await answerGoalsQuestion('Talked about goals and dreams today', await chatContext(me, 'en'))).toBeNull();

    // A manager of Majakka sees the organisation's goals measured in Majakka only, and not Kallio's.
    const managerUser = await localMember(app, 'manager', 'en-GB');
    const manager = await memberOf(managerUser);
    const majakka = await unitId(demoId, 'Nuorisotalo Majakka');
    await query('UPDATE members SET unit_ids = ARRAY[$1]::uuid[] WHERE id = $2', [majakka, manager.id]);
    const scoped = texts((await answerGoalsQuestion('goals this year', await chatContext(manager, 'en')))!);
    expect(scoped).not.toContain('Kallio');
    const ofMajakka = (await expected(demoId, THIS_YEAR, [majakka])).participants / (2 + 15 / 31);
    expect(scoped).toContain(`Participants per month ${Math.round(ofMajakka).toLocaleString('en-GB')} (target at least 250)`);
    expect(scoped).toContain('(in your units)');

    const worker = await memberOf(await localMember(app, 'worker', 'fi-FI'));
    expect(texts((await answerGoalsQuestion('tavoitteet tänä vuonna', await chatContext(worker, 'fi')))!)).toBe(PHRASES.refusedReports.fi);
  });

  it('gives the goal lines that concern a report question', async () => {
    const ctx = await chatContext(await memberOf(mentor), 'en');
    const kallio = await unitId(demoId, 'Kallio');
    const participants = await goalLines(ctx, reportQuery({ metric: 'participants', filters: { period: THIS_YEAR } }));
    expect(participants).toMatch(/^Goals, .*:\n• Participants per month [\d,]+ \(target at least 250\)/);
    expect(participants!.split('\n')).toHaveLength(2);
    expect(await goalLines(ctx, reportQuery({ metric: 'new', filters: { period: THIS_YEAR, unitIds: [kallio] } }))).toMatch(/\n• Kallio: New participants per month /);
    expect(await goalLines(ctx, reportQuery({ metric: 'new', filters: { period: THIS_YEAR } }))).toBeNull();
    expect(await goalLines(ctx, reportQuery({ metric: 'new', filters: { period: THIS_YEAR }, groupBy: 'unit' }))).toContain('Kallio');
    expect(await goalLines(ctx, reportQuery({ metric: 'boys', filters: { period: THIS_YEAR } }))).toBeNull();
    // One day says nothing about a month.
    expect(await goalLines(ctx, reportQuery({ metric: 'participants', filters: { period: { from: TODAY, to: TODAY } } }))).toBeNull();
    expect(await goalLines(ctx, reportQuery({ metric: 'girlsShare', filters: { period: { from: TODAY, to: TODAY } } }))).toMatch(/Share of girls/);
  });
});
