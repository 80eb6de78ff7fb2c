import { TurnContext, type Activity } from 'botbuilder';
import type { DataSource } from 'typeorm';
import { createLogger } from '../app/logger';
import { createNotifier } from '../app/notifier';
import { createScheduleRunner } from '../app/schedule-runner';
import { SCHEDULES_JOB } from '../app/scheduled-jobs';
import { createTeamsChannel } from '../adapters/teams/teams-channel';
import { parseAdminCommand } from '../bot/admin/commands';
import { parseCommand } from '../bot/commands';
import { PHRASES } from '../bot/i18n';
import type { Locale } from '../bot/locale';
import type { MemberInfo, Notifier, OrganisationInfo, Role } from '../bot/ports';
import { parseScheduleCommand, type ScheduleCommand } from '../bot/schedules/commands';
import { handleScheduleCommand } from '../bot/schedules/handle';
import { isoWeekKey, wallClock, zonedInstant } from '../bot/schedules/zoned-time';
import type { Database } from '../storage/database';
import { createConversationStore } from '../storage/conversation-store';
import { createDirectoryStore } from '../storage/directory-store';
import { ensureOrganisation } from '../storage/organisations';
import { createScheduleStore } from '../storage/schedule-store';
import { formatPeriod } from '../reports/format';
import { startTestApp } from './support/app';
import { engineName, openTestDatabase } from './support/database';
import { FakeConnector, type ConnectorCall } from './support/fake-connector';
import { personalMessage, TENANT, teamsUser, type TeamsUser } from './support/teams-activities';

describe('schedule commands in fi, sv and en', () => {
  const digest = (weekday: number, time: string): ScheduleCommand => ({ kind: 'digest', action: { type: 'set', weekday: weekday as 1, time } });
  const remind = (times: string[], weekdays: number[], afterHours = 2): ScheduleCommand => ({
    kind: 'reminders',
    action: { type: 'set', times, weekdays: weekdays as 1[], afterHours },
  });
  const reminders = (action: unknown) => ({ kind: 'reminders', action }) as ScheduleCommand;

  it.each<[string, ScheduleCommand]>([
    ['digest monday 8:00', digest(1, '08:00')],
    ['weekly digest friday 15', digest(5, '15:00')],
    ['Digest on Sunday at 6pm.', digest(7, '18:00')],
    ['digest off', { kind: 'digest', action: { type: 'off' } }],
    ['digest', { kind: 'digest', action: { type: 'show' } }],
    ['digest monday', { kind: 'digest', action: { type: 'usage' } }],
    ['viikkokooste maanantaisin 8:00', digest(1, '08:00')],
    ['kooste pe klo 15', digest(5, '15:00')],
    ['kooste pois', { kind: 'digest', action: { type: 'off' } }],
    ['veckosammanfattning måndag 8:00', digest(1, '08:00')],
    ['sammanfattning fredag kl. 15.30', digest(5, '15:30')],
    ['sammanfattning av', { kind: 'digest', action: { type: 'off' } }],

    ['remind me 2 hours after my sessions at 18:00 on Tue and Thu', remind(['18:00'], [2, 4])],
    ['remind me at 17:30', remind(['17:30'], [])],
    ['Remind me three hours after my sessions at 18 and 15, mon-fri', remind(['15:00', '18:00'], [1, 2, 3, 4, 5], 3)],
    ['muistuta 2 tuntia session jälkeen ti ja to klo 18', remind(['18:00'], [2, 4])],
    ['muistuta tunnin jälkeen keskiviikkoisin klo 16.30', remind(['16:30'], [3], 1)],
    ['påminn mig 2 timmar efter mina pass tis och tors kl 18', remind(['18:00'], [2, 4])],
    ['påminn mig kl 19 varje dag', remind(['19:00'], [])],
    ['remind me tomorrow to buy milk', reminders({ type: 'usage' })],

    ['reminders quiet 21-8', reminders({ type: 'quiet', hours: { start: '21:00', end: '08:00' } })],
    ['quiet hours 22:30 to 7', reminders({ type: 'quiet', hours: { start: '22:30', end: '07:00' } })],
    ['quiet hours off', reminders({ type: 'quiet', hours: null })],
    ['hiljaiset tunnit klo 21–8', reminders({ type: 'quiet', hours: { start: '21:00', end: '08:00' } })],
    ['tysta timmar 21 - 8', reminders({ type: 'quiet', hours: { start: '21:00', end: '08:00' } })],

    ['snooze reminders 3 days', reminders({ type: 'snooze', hours: 72 })],
    ['snooze reminders', reminders({ type: 'snooze', hours: 24 })],
    ['torkku 3 päivää', reminders({ type: 'snooze', hours: 72 })],
    ['torkuta muistutukset viikoksi', reminders({ type: 'snooze', hours: 168 })],
    ['snooza påminnelser 3 dagar', reminders({ type: 'snooze', hours: 72 })],

    ['stop reminders', reminders({ type: 'stop' })],
    ['lopeta muistutukset', reminders({ type: 'stop' })],
    ['stoppa påminnelser', reminders({ type: 'stop' })],
    ['reminders', reminders({ type: 'show' })],
    ['muistutukset', reminders({ type: 'show' })],
    ['påminnelser', reminders({ type: 'show' })],
  ])('reads "%s", which no other command parser claims', (text, command) => {
    expect(parseScheduleCommand(text)).toEqual(command);
    expect(parseCommand(text)).toBeNull();
    expect(parseAdminCommand(text, [])).toBeNull();
  });

  it.each([
    'drop-in tonight, 14 kids, talked about digests',
    'sammanfattning av förra månaden',
    'kooste viime kuusta',
    'how many participants last week?',
    'muistutettiin nuoria kokeista',
  ])('leaves "%s" to the rest of the core', (text) => {
    expect(parseScheduleCommand(text)).toBeNull();
  });

  it('knows wall-clock time in a time zone across a DST change and ISO weeks across a new year', () => {
    // Finland moves to summer time on 29 March 2026 at 03:00.
    expect(zonedInstant('2026-03-28', '18:00', 'Europe/Helsinki').toISOString()).toBe('2026-03-28T16:00:00.000Z');
    expect(zonedInstant('2026-03-30', '18:00', 'Europe/Helsinki').toISOString()).toBe('2026-03-30T15:00:00.000Z');
    expect(wallClock(new Date('2026-03-29T22:30:00Z'), 'Europe/Helsinki')).toEqual({ date: '2026-03-30', weekday: 1, minutes: 90 });
    expect(isoWeekKey('2026-01-01')).toBe('2026-W01');
    expect(isoWeekKey('2027-01-01')).toBe('2026-W53');
    expect(isoWeekKey('2026-03-16')).toBe('2026-W12');
  });
});

/** A Helsinki wall-clock time: UTC+2, and UTC+3 from 29 March 2026 03:00. */
const helsinki = (local: string) => new Date(`${local}:00${local < '2026-03-29T03:00' ? '+02:00' : '+03:00'}`);

describe(`weekly digests and reminders, sent by the schedule runner through Teams, on ${engineName()}`, () => {
  let database: Database;
  let ds: DataSource;
  let connector: FakeConnector;
  let organisation: OrganisationInfo;
  let teamsNotifier: Notifier;
  let now = helsinki('2026-03-10T09:00');
  const clock = () => now;
  const logger = createLogger('silent');
  const units: Record<string, string> = {};
  const users = new Map<string, TeamsUser>();

  async function member(name: string, role: Role, locale: Locale | null, withAddress = true): Promise<MemberInfo> {
    const user = teamsUser(name);
    users.set(name, user);
    const info = await createDirectoryStore(ds).addMember(organisation.id, { displayName: name, email: null, role, locale }, { channel: 'teams', tenant: TENANT, userId: user.aadObjectId });
    if (withAddress) {
      // The same reference the Teams adapter saves from a member's message in their personal chat.
      const address = TurnContext.getConversationReference(personalMessage(connector.serviceUrl, user, 'hi') as unknown as Partial<Activity>);
      await createConversationStore(ds).saveAddress(organisation.id, 'teams', String(address.conversation?.id), info.id, address as Record<string, unknown>);
    }
    return info;
  }

  /** A command as the core hands it over, at the test clock's time. */
  async function command(who: MemberInfo, text: string): Promise<string> {
    const parsed = parseScheduleCommand(text);
    if (!parsed) throw new Error(`not a schedule command: ${text}`);
    const locale = who.locale ?? organisation.defaultLocale;
    const { replies } = await handleScheduleCommand(parsed, { schedules: createScheduleStore(ds), organisation, member: who, locale, now: clock() });
    return replies.map((r) => r.text).join('\n');
  }

  async function entry(unit: string, date: string, total: number, extra: { themes?: string[]; notes?: string; author?: string; createdAt?: Date; deleted?: boolean } = {}) {
    await ds.query(
      `INSERT INTO entries (organisation_id, date, unit_id, work_form, total, themes, notes, author_id, channel, created_at, deleted_at)
       VALUES ($1, $2, $3, 'open', $4, $5, $6, $7, 'teams', $8, $9)`,
      [organisation.id, date, units[unit], total, extra.themes ?? [], extra.notes ?? null, extra.author ?? null, extra.createdAt ?? helsinki(`${date}T20:00`), extra.deleted ? now : null],
    );
  }

  const runner = (notifier: Notifier = teamsNotifier) => createScheduleRunner({ dataSource: ds, notifier, logger, now: clock });
  const conversationOf = (name: string) => encodeURIComponent(`a:personal-${users.get(name)!.aadObjectId}`);
  const sentTo = (name: string): ConnectorCall[] => connector.calls.filter((call) => call.method === 'POST' && call.path.includes(conversationOf(name)));
  const sends = (memberId: string) =>
    ds.query('SELECT kind, period_key, status FROM scheduled_sends WHERE organisation_id = $1 AND member_id = $2 ORDER BY claimed_at', [organisation.id, memberId]);

  beforeAll(async () => {
    database = await openTestDatabase();
    ds = database.dataSource;
    connector = await new FakeConnector().start();
    const created = await ensureOrganisation(ds, { name: 'Schedules', timeZone: 'Europe/Helsinki', defaultLocale: 'fi', teamsTenantId: TENANT });
    organisation = { id: created.id, name: created.name, timeZone: created.timeZone, defaultLocale: 'fi', requiredFields: [], reflectionQuestions: [], catalogueVersion: 0 };
    for (const row of await ds.query<{ id: string; name: string }[]>('SELECT id, name FROM units WHERE organisation_id = $1', [organisation.id])) units[row.name] = row.id;
    const teams = createTeamsChannel({ appType: 'MultiTenant', slowReplyMs: 1500 }, { handle: async () => [] }, logger);
    teamsNotifier = createNotifier(ds, new Map([['teams', teams.sender]]), logger);
  });
  afterAll(async () => {
    await connector.stop();
    await database.close();
  });

  describe('the weekly digest', () => {
    let manager: MemberInfo;
    let mentor: MemberInfo;

    beforeAll(async () => {
      manager = await member('Maija Manager', 'manager', 'en');
      mentor = await member('Mikko Mentor', 'mentor', 'fi');
      await ds.query('UPDATE members SET unit_ids = $3 WHERE organisation_id = $1 AND id = $2', [
        organisation.id,
        manager.id,
        [units['Nuorisotalo Kipinä'], units['Nuorisotalo Majakka']],
      ]);
      // The last 7 days before Monday 16 March are 9–15 March.
      await entry('Nuorisotalo Kipinä', '2026-03-09', 10, { themes: ['school'], notes: 'Talked about exams and summer jobs with the regulars.' });
      await entry('Nuorisotalo Kipinä', '2026-03-15', 5, { themes: ['school'] });
      await entry('Nuorisotalo Majakka', '2026-03-12', 7, { themes: ['school', 'substances'], notes: 'Vaping came up again, and exams.' });
      await entry('Jalkautuva tiimi', '2026-03-13', 100, { themes: ['safety'] });
      await entry('Nuorisotalo Kipinä', '2026-03-11', 30, { deleted: true });
      // The 7 days before those, and today, which the digest leaves out.
      await entry('Nuorisotalo Kipinä', '2026-03-05', 4);
      await entry('Nuorisotalo Majakka', '2026-03-16', 50);

      now = helsinki('2026-03-10T09:00');
      expect(await command(manager, 'digest monday 8:00')).toBe(
        'Done: your weekly digest comes on Mondays at 8:00 (Europe/Helsinki), with the numbers and notes of the last 7 days. To stop it, write "digest off".',
      );
      expect(await command(mentor, 'viikkokooste maanantaisin 8:00')).toContain('viikkokooste tulee maanantaisin klo 8.00');
    });

    it('is not sent before its time, then reaches the manager in Teams once, with their units only', async () => {
      now = helsinki('2026-03-16T07:55');
      expect(await runner().run()).toEqual({ digestsSent: 0, remindersSent: 0, undeliverable: 0, failed: 0 });
      expect(sentTo('Maija Manager')).toHaveLength(0);

      now = helsinki('2026-03-16T08:05');
      // Two instances' runners race for the same digests.
      const [a, b] = await Promise.all([runner().run(), runner().run()]);
      expect(a.digestsSent + b.digestsSent).toBe(2);
      await runner().run();

      const [call] = sentTo('Maija Manager');
      expect(sentTo('Maija Manager')).toHaveLength(1);
      expect(call.path).toMatch(/^\/v3\/conversations\/.+\/activities/);
      const text = String(call.body.text);
      expect(text.split('\n')).toEqual([
        `Weekly digest, ${formatPeriod({ from: '2026-03-09', to: '2026-03-15' }, 'en')}`,
        'Entries 3, participants 22. The 7 days before: entries 1, participants 4.',
        'By unit (entries / participants): Nuorisotalo Kipinä 2 / 15, Nuorisotalo Majakka 1 / 7.',
        expect.stringMatching(/^Most common themes: school and studies \(3\), alcohol, drugs, tobacco, vaping \(1\)\. From the notes: /),
      ]);
      expect(text).toContain('“Talked about exams and summer jobs with the regulars.”');
      expect(text).toContain('“Vaping came up again, and exams.”');
      const card = (call.body.attachments as { content: { body: { type: string; facts?: { title: string; value: string }[] }[] } }[])[0].content;
      expect(card.body.find((block) => block.type === 'FactSet')?.facts).toEqual([
        { title: 'Entries', value: '3 (+200 %)' },
        { title: 'Participants', value: '22 (+450 %)' },
        { title: 'By unit', value: 'Entries / Participants' },
        { title: 'Nuorisotalo Kipinä', value: '2 / 15' },
        { title: 'Nuorisotalo Majakka', value: '1 / 7' },
        { title: 'Top themes', value: 'School and studies (3), Alcohol, drugs, tobacco, vaping (1)' },
      ]);
      expect(await sends(manager.id)).toEqual([{ kind: 'digest', period_key: '2026-W12', status: 'sent' }]);

      // The mentor sees every unit, in Finnish.
      const mentorDigest = sentTo('Mikko Mentor');
      expect(mentorDigest).toHaveLength(1);
      expect(String(mentorDigest[0].body.text)).toContain('Merkintöjä 4, osallistujia 122.');
      expect(String(mentorDigest[0].body.text)).toContain('Jalkautuva tiimi 1 / 100');
    });

    it('comes again the next week, and not after "digest off"', async () => {
      now = helsinki('2026-03-23T08:00');
      await runner().run();
      expect(sentTo('Maija Manager')).toHaveLength(2);
      // Today's entry of the first digest is in this one; the first digest's week is what it is compared with.
      expect(String(sentTo('Maija Manager')[1].body.text).split('\n').slice(0, 3)).toEqual([
        `Weekly digest, ${formatPeriod({ from: '2026-03-16', to: '2026-03-22' }, 'en')}`,
        'Entries 1, participants 50. The 7 days before: entries 3, participants 22.',
        'By unit (entries / participants): Nuorisotalo Majakka 1 / 50.',
      ]);

      expect(await command(manager, 'digest off')).toBe(PHRASES.digestOff.en);
      now = helsinki('2026-03-30T09:00');
      await runner().run();
      expect(sentTo('Maija Manager')).toHaveLength(2);
      expect(await command(manager, 'digest')).toBe(PHRASES.digestNone.en);
    });

    it('is tried again on the next run when the channel fails, and sent then', async () => {
      const other = await member('Minna Manager', 'manager', 'sv');
      now = helsinki('2026-04-01T10:00');
      expect(await command(other, 'veckosammanfattning onsdag 12')).toContain('på onsdagar kl. 12.00');
      let failures = 1;
      const flaky: Notifier = {
        async notify(organisationId, memberId, replies) {
          if (memberId === other.id && failures-- > 0) throw new Error('connector unavailable');
          return teamsNotifier.notify(organisationId, memberId, replies);
        },
      };
      now = helsinki('2026-04-01T12:05');
      expect(await runner(flaky).run()).toMatchObject({ failed: 1 });
      expect(await sends(other.id)).toEqual([]);
      expect(sentTo('Minna Manager')).toHaveLength(0);
      now = helsinki('2026-04-01T12:10');
      expect(await runner(flaky).run()).toMatchObject({ digestsSent: 1, failed: 0 });
      expect(sentTo('Minna Manager')).toHaveLength(1);
      expect(await sends(other.id)).toEqual([{ kind: 'digest', period_key: '2026-W14', status: 'sent' }]);
      expect(String(sentTo('Minna Manager')[0].body.text)).toMatch(/^Veckosammanfattning, /);
    });

    it('is recorded once and not tried again when the member has no conversation to write to', async () => {
      const unreachable = await member('Ulla Unreachable', 'mentor', 'en', false);
      now = helsinki('2026-04-06T07:00');
      await command(unreachable, 'digest monday 8');
      now = helsinki('2026-04-06T08:05');
      expect(await runner().run()).toMatchObject({ undeliverable: 1 });
      expect(await runner().run()).toMatchObject({ undeliverable: 0 });
      expect(await sends(unreachable.id)).toEqual([{ kind: 'digest', period_key: '2026-W15', status: 'undeliverable' }]);
    });

    it('is refused to a worker, and nothing is stored', async () => {
      const worker = await member('Ville Worker', 'worker', 'en');
      expect(await command(worker, 'digest monday 8:00')).toBe(PHRASES.refusedReports.en);
      expect((await createScheduleStore(ds).get(organisation.id, worker.id)).digest).toBeNull();
    });
  });

  describe('reminders', () => {
    it('reminds a worker once, after the session time plus N hours, on the session days only', async () => {
      const worker = await member('Wilma Worker', 'worker', 'en');
      now = helsinki('2026-03-16T10:00');
      expect(await command(worker, 'remind me 2 hours after my sessions at 18:00 on Tue and Thu')).toBe(
        'Done: when you have not logged 2 h after a session at 18:00 (Tue, Thu), I will remind you. "snooze reminders 3 days" pauses the reminders, "stop reminders" stops them.',
      );
      now = helsinki('2026-03-16T20:05'); // Monday: no session
      await runner().run();
      now = helsinki('2026-03-17T19:55');
      await runner().run();
      expect(sentTo('Wilma Worker')).toHaveLength(0);

      now = helsinki('2026-03-17T20:05');
      await Promise.all([runner().run(), runner().run()]);
      now = helsinki('2026-03-17T20:10');
      await runner().run();
      expect(sentTo('Wilma Worker')).toHaveLength(1);
      expect(sentTo('Wilma Worker')[0].body.text).toBe(
        'Hi! I have no log from you since your session of Tue 17/03, 18:00. Tell me about it in one message, for example "drop-in tonight, 14 kids, talked about exams". "snooze reminders 3 days" pauses these reminders, "stop reminders" stops them.',
      );
      expect(await sends(worker.id)).toEqual([{ kind: 'reminder', period_key: '2026-03-17T18:00', status: 'sent' }]);
    });

    it('does not remind a worker who has logged since the session began', async () => {
      const worker = await member('Lasse Logger', 'worker', 'fi');
      now = helsinki('2026-03-16T10:00');
      expect(await command(worker, 'muistuta 2 tuntia session jälkeen ti ja to klo 18')).toContain('klo 18.00, ti, to');
      await entry('Nuorisotalo Kipinä', '2026-03-17', 9, { author: worker.id, createdAt: helsinki('2026-03-17T19:30') });
      now = helsinki('2026-03-17T20:30');
      await runner().run();
      expect(sentTo('Lasse Logger')).toHaveLength(0);
      // Thursday's entry is missing: that session gets its reminder, in Finnish.
      now = helsinki('2026-03-19T20:30');
      await runner().run();
      expect(sentTo('Lasse Logger').map((call) => call.body.text)).toEqual([expect.stringMatching(/^Hei! En ole saanut sinulta merkintää sessiosi \(to 19\.3\. klo 18\.00\) jälkeen\./)]);
    });

    it('waits for the end of quiet hours', async () => {
      const worker = await member('Stina Svensson', 'worker', 'sv');
      now = helsinki('2026-03-16T10:00');
      await command(worker, 'påminn mig 2 timmar efter mina pass kl 19');
      expect(await command(worker, 'tysta timmar 21-8')).toBe('Klart: inga påminnelser mellan 21.00 och 8.00; en som infaller då kommer kl. 8.00.');
      for (const local of ['2026-03-16T21:05', '2026-03-17T02:00', '2026-03-17T07:55']) {
        now = helsinki(local);
        await runner().run();
      }
      expect(sentTo('Stina Svensson')).toHaveLength(0);
      now = helsinki('2026-03-17T08:00');
      await runner().run();
      now = helsinki('2026-03-17T08:05');
      await runner().run();
      expect(sentTo('Stina Svensson')).toHaveLength(1);
      expect(await sends(worker.id)).toEqual([{ kind: 'reminder', period_key: '2026-03-16T19:00', status: 'sent' }]);
    });

    it('sends nothing while snoozed or after "stop reminders"', async () => {
      const snoozer = await member('Sami Snooze', 'worker', 'en');
      const stopper = await member('Siiri Stop', 'worker', 'fi');
      now = helsinki('2026-03-16T10:00');
      await command(snoozer, 'remind me at 18');
      await command(stopper, 'muistuta klo 18');
      expect(await command(snoozer, 'snooze reminders 3 days')).toBe('OK, no reminders until Thu 19/03, 10:00.');
      expect(await command(stopper, 'lopeta muistutukset')).toBe(PHRASES.reminderStopped.fi);
      for (const local of ['2026-03-16T20:05', '2026-03-17T20:05', '2026-03-18T20:05']) {
        now = helsinki(local);
        await runner().run();
      }
      expect(sentTo('Sami Snooze')).toHaveLength(0);
      expect(sentTo('Siiri Stop')).toHaveLength(0);
      expect(await command(snoozer, 'reminders')).toBe('I remind you 2 h after your sessions at 18:00 (every day) when you have not logged by then. Paused until Thu 19/03, 10:00.');

      // After the snooze, the next session is reminded; a stopped worker opts in again with a new reminder.
      now = helsinki('2026-03-19T20:05');
      await runner().run();
      expect(sentTo('Sami Snooze')).toHaveLength(1);
      expect(sentTo('Siiri Stop')).toHaveLength(0);
      expect(await command(stopper, 'muistutukset')).toBe(PHRASES.reminderStoppedShow.fi);
    });
  });
});

describe(`the service sends digests through its pg-boss job on ${engineName()}`, () => {
  it('registers the five-minute job at start-up; a queued run delivers a due digest to the Teams chat the manager wrote in', async () => {
    const connector = await new FakeConnector().start();
    const app = await startTestApp();
    try {
      const ds = app.database.dataSource;
      expect(await ds.query('SELECT cron FROM pgboss.schedule WHERE name = $1', [SCHEDULES_JOB])).toEqual([{ cron: '*/5 * * * *' }]);
      const organisation = await ensureOrganisation(ds, { name: 'Digest service', timeZone: 'Europe/Helsinki', teamsTenantId: TENANT });
      const manager = teamsUser('Hanna Head');
      const info = await createDirectoryStore(ds).addMember(organisation.id, { displayName: manager.name, email: null, role: 'manager', locale: 'en' }, { channel: 'teams', tenant: TENANT, userId: manager.aadObjectId });
      // The manager's first message in Teams saves the conversation the digest goes to.
      const response = await fetch(`${app.url}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...personalMessage(connector.serviceUrl, manager, 'help'), deliveryMode: 'expectReplies' }),
      });
      expect(response.status).toBe(200);
      // Mondays at 0:00, set long ago: this week's digest is due whenever the test runs.
      await createScheduleStore(ds).setDigest(organisation.id, info.id, { weekday: 1, time: '00:00' }, new Date('2000-01-01T00:00:00Z'));

      expect(await app.jobs.trigger(SCHEDULES_JOB)).toBe(true);
      const conversation = encodeURIComponent(`a:personal-${manager.aadObjectId}`);
      const digest = await connector.waitFor((call) => call.method === 'POST' && call.path.includes(conversation) && String(call.body.text).startsWith('Weekly digest'), 15_000);
      expect(String(digest.body.text)).toContain('No entries in');
    } finally {
      await app.stop();
      await connector.stop();
    }
  });
});
