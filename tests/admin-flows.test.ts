import { rmSync } from 'node:fs';
import type { RunningApp } from '../app/app';
import { engineName } from './support/database';
import { freshStorage, startTestApp } from './support/app';
import { ChatUser, fact, texts } from './support/local-chat';
import { localMember, snapshot } from './support/members';

/** Mentor commands end to end over the local web chat, on the real app and database. */
describe(`mentor commands on ${engineName()}`, () => {
  let app: RunningApp;
  const query = (sql: string, params: unknown[] = []) => app.database.dataSource.query(sql, params);
  const unit = async (name: string) => (await query('SELECT * FROM units WHERE name = $1', [name]))[0];
  const auditOf = (action: string) => query('SELECT * FROM audit_events WHERE action = $1 ORDER BY created_at', [action]);

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());

  it('lists the mentor commands in a mentor\'s help only', async () => {
    const mentor = new ChatUser(app.url, undefined, 'sv-SE');
    const worker = await localMember(app, 'worker', 'sv-SE');
    const manager = await localMember(app, 'manager', 'sv-SE');
    expect(texts(await mentor.say('hjälp'))).toContain('Kommandon för mentorer');
    expect(texts(await worker.say('hjälp'))).not.toContain('mentorer');
    expect(texts(await manager.say('hjälp'))).not.toContain('mentorer');
  });

  it('adds, renames and aliases units, activities and themes, and extraction knows them at once', async () => {
    const mentor = new ChatUser(app.url, undefined, 'en-GB');
    const worker = await localMember(app, 'worker', 'en-GB');
    const unitOf = async (log: string) => {
      const card = await worker.say(log);
      await worker.say('cancel');
      return fact(card, 'Unit');
    };

    expect(texts(await mentor.say('add unit "Nuorisotalo Tuike", aliases Tuike'))).toBe('Added the unit "Nuorisotalo Tuike".');
    expect(await unitOf('Open evening at Tuike today, 12 kids')).toBe('Nuorisotalo Tuike');

    expect(texts(await mentor.say('Rename unit Nuorisotalo Tuike to Nuorisotalo Loisto.'))).toContain('Renamed the unit "Nuorisotalo Tuike" to "Nuorisotalo Loisto"');
    expect(await unitOf('Open evening at Nuorisotalo Loisto today, 12 kids')).toBe('Nuorisotalo Loisto');
    // The old name stays an alias.
    expect(await unitOf('Open evening at Nuorisotalo Tuike today, 9 kids')).toBe('Nuorisotalo Loisto');
    expect((await unit('Nuorisotalo Loisto')).aliases).toEqual(['Tuike', 'Nuorisotalo Tuike']);

    expect(texts(await mentor.say('add alias Lighthouse to unit Nuorisotalo Loisto'))).toContain('also recognised by: Lighthouse');
    expect(await unitOf('Drop-in at the Lighthouse today, 7 kids')).toBe('Nuorisotalo Loisto');

    const finnish = new ChatUser(app.url, mentor.user, 'fi-FI');
    expect(texts(await finnish.say('lisää toiminto Shakkikerho yksikköön "Nuorisotalo Loisto" työmuoto ryhmä, aliakset shakki'))).toBe('Lisätty toiminto "Shakkikerho".');
    const chess = await worker.say('Shakki tänään, 6 nuorta');
    expect(fact(chess, 'Activity')).toBe('Shakkikerho');
    await worker.say('cancel');
    const [activity] = await query(
      'SELECT a.work_form, u.name AS unit FROM activities a JOIN units u ON u.id = a.unit_id WHERE a.name = $1',
      ['Shakkikerho'],
    );
    expect(activity).toEqual({ work_form: 'group', unit: 'Nuorisotalo Loisto' });

    const swedish = new ChatUser(app.url, mentor.user, 'sv-SE');
    expect(texts(await swedish.say('lägg till tema Klimat: klimat, värmebölja; en: heatwave, climate'))).toBe('La till temat "Klimat".');
    const themed = await worker.say('Open evening today, 10 kids, talked about the heatwave');
    expect(fact(themed, 'Themes')).toContain('Klimat');
    await worker.say('cancel');
    expect(texts(await mentor.say('add keywords wildfire to theme Klimat'))).toContain('wildfire');
    const wildfire = await worker.say('Group today, 4 kids, talked about the wildfire');
    expect(fact(wildfire, 'Themes')).toContain('Klimat');
    await worker.say('cancel');

    expect(texts(await mentor.say('add unit nuorisotalo loisto'))).toBe('The unit "nuorisotalo loisto" exists already.');
    expect(texts(await mentor.say('rename unit Nowhere to Somewhere'))).toMatch(/^I found no unit called "Nowhere". There are: .*Nuorisotalo Loisto/);
    const events = await query("SELECT action, before, after FROM audit_events WHERE action LIKE 'unit.%' OR action LIKE 'activity.%' OR action LIKE 'theme.%' ORDER BY created_at");
    expect(events.map((e: { action: string }) => e.action)).toEqual(['unit.add', 'unit.rename', 'unit.alias', 'activity.add', 'theme.add', 'theme.keywords']);
    expect(events[1]).toMatchObject({ before: { name: 'Nuorisotalo Tuike' }, after: { name: 'Nuorisotalo Loisto' } });
  });

  it('archives only after a yes; no, Cancel and other messages change nothing', async () => {
    const mentor = new ChatUser(app.url, undefined, 'fi-FI');
    const before = await snapshot(app);
    const asked = await mentor.say('arkistoi yksikkö Digitiimi');
    expect(texts(asked)).toContain('Arkistoidaanko yksikkö "Digitiimi"?');
    expect(asked[0].card?.buttons.map((b) => b.label)).toEqual(['Vahvista', 'Peru']);
    const [pending] = await query(`SELECT d.state FROM drafts d JOIN channel_identities ci ON ci.member_id = d.member_id WHERE ci.user_id = $1`, [mentor.user]);
    expect(pending.state).toMatchObject({ kind: 'pendingAdminAction', action: { kind: 'archive', target: 'unit', name: 'Digitiimi' } });

    expect(texts(await mentor.say('peru'))).toBe('Selvä, mitään ei muutettu.');
    const again = await mentor.say('arkistoi yksikkö digitiimi');
    expect(texts(await mentor.press(again, 'adminCancel'))).toBe('Selvä, mitään ei muutettu.');
    await mentor.say('arkistoi yksikkö Digitiimi');
    expect(texts(await mentor.say('apua'))).toMatch(/^Et vahvistanut, joten en muuttanut mitään.\nHei! Olen Logbook/);
    const after = await snapshot(app);
    // Only this mentor's member row (created on their first message) is new.
    expect(after.units).toEqual(before.units);
    expect(after.audit_events).toEqual(before.audit_events);
    expect(after.drafts).toEqual(before.drafts);

    const last = await mentor.say('arkistoi yksikkö Digitiimi');
    expect(texts(await mentor.say('kyllä'))).toContain('Arkistoitu yksikkö "Digitiimi"');
    expect((await unit('Digitiimi')).archived_at).not.toBeNull();
    const [event] = await auditOf('unit.archive');
    expect(event).toMatchObject({ before: { name: 'Digitiimi', archived: false }, after: { name: 'Digitiimi', archived: true } });
    // The card of the answered question is stale now.
    expect(texts(await mentor.press(last, 'adminConfirm'))).toBe('Tuo vahvistus on vanhentunut, joten en muuttanut mitään.');
    expect(await auditOf('unit.archive')).toHaveLength(1);
  });

  it('keeps a log in progress while a destructive change waits, and goes on with it', async () => {
    const mentor = new ChatUser(app.url, undefined, 'en-GB');
    const card = await mentor.say('Group today, 5 kids');
    expect(texts(card)).toContain('Shall I save it?');
    expect(texts(await mentor.say('archive activity Pelistriimi'))).toContain('Archive the activity "Pelistriimi"?');
    expect(texts(await mentor.say('yes'))).toContain('Archived the activity "Pelistriimi"');
    expect(texts(await mentor.press(card, 'save'))).toContain('Saved');
    const entries = await query(
      'SELECT e.total FROM entries e JOIN channel_identities ci ON ci.member_id = e.author_id WHERE ci.user_id = $1',
      [mentor.user],
    );
    expect(entries).toEqual([{ total: 5 }]);
  });

  it('changes settings, validating the time zone', async () => {
    const mentor = new ChatUser(app.url, undefined, 'en-GB');
    expect(texts(await mentor.say('time zone Mars/Olympus'))).toContain('"Mars/Olympus" is not a time zone I know');
    expect(texts(await mentor.say('time zone europe/stockholm'))).toMatch(/time zone is now Europe\/Stockholm \(it is \d\d:\d\d there\)/);
    expect(texts(await mentor.say('time zone Europe/Stockholm'))).toBe('That is the setting already; nothing changed.');
    expect(texts(await mentor.say('default language sv'))).toBe("The organisation's default language is now Swedish.");
    expect(texts(await mentor.say('note retention 400 days'))).toBe('Notes are now kept for 400 days, then removed from the entries.');
    expect(texts(await mentor.say('note retention 0 days'))).toBe('The retention period must be between 1 and 36500 days.');
    expect(texts(await mentor.say('required fields date, work form, participants, colour'))).toContain('I do not know these fields: colour');
    const [organisation] = await query("SELECT time_zone, default_locale, settings FROM organisations WHERE name = 'Demo'");
    expect(organisation).toMatchObject({ time_zone: 'Europe/Stockholm', default_locale: 'sv', settings: { noteRetentionDays: 400 } });
    const settings = texts(await mentor.say('settings'));
    expect(settings).toContain('time zone: Europe/Stockholm');
    expect(settings).toContain('note retention: 400 days');
    expect(settings).toContain('required fields: Date, Work form, Participants');
    expect(await auditOf('settings.timeZone')).toMatchObject([{ before: { timeZone: 'Europe/Helsinki' }, after: { timeZone: 'Europe/Stockholm' } }]);
  });

  it('asks for required fields the mentor chose', async () => {
    const mentor = new ChatUser(app.url, undefined, 'en-GB');
    const worker = await localMember(app, 'worker', 'en-GB');
    expect(texts(await mentor.say('required fields date, work form, participants, duration'))).toBe('A log now needs: Date, Work form, Participants, Duration.');
    expect(texts(await worker.say('Group today, 5 kids'))).toContain('How long did it take?');
    await worker.say('cancel');
    expect(texts(await mentor.say('required fields date, work form, participants'))).toBe('A log now needs: Date, Work form, Participants.');
    expect(texts(await worker.say('Group today, 5 kids'))).toContain('Shall I save it?');
    await worker.say('cancel');
  });

  it('asks the reflection questions after a save and keeps the answers with the entry', async () => {
    const mentor = new ChatUser(app.url, undefined, 'en-GB');
    const worker = await localMember(app, 'worker', 'fi-FI');
    expect(texts(await mentor.say('reflection questions: What went well? | What would you do differently?'))).toBe(
      'After each saved log I will now ask:\n1. What went well?\n2. What would you do differently?',
    );
    await worker.say('Ryhmä tänään, 6 nuorta');
    const saved = texts(await worker.say('kyllä'));
    expect(saved).toContain('Tallennettu');
    expect(saved).toContain('Pohdintakysymys (vastaa tai kirjoita "ohita"):\n1/2: What went well?');
    expect(texts(await worker.say('Hyvä keskustelu, Matti Virtanen soitti numerosta 040 123 4567'))).toContain('2/2: What would you do differently?');
    expect(texts(await worker.say('ohita'))).toBe('Kiitos, pohdintasi on tallennettu merkinnän yhteyteen.');
    const [entry] = await query(
      'SELECT e.reflections FROM entries e JOIN channel_identities ci ON ci.member_id = e.author_id WHERE ci.user_id = $1',
      [worker.user],
    );
    expect(Object.keys(entry.reflections)).toEqual(['What went well?']);
    expect(entry.reflections['What went well?']).toMatch(/^Hyvä keskustelu/);
    expect(entry.reflections['What went well?']).not.toMatch(/Virtanen|4567/);

    // A whole new log while a question waits starts that log instead.
    await worker.say('Ryhmä tänään, 7 nuorta');
    expect(texts(await worker.say('kyllä'))).toContain('1/2');
    expect(texts(await worker.say('Avoin ilta eilen, 15 nuorta'))).toContain('Tallennetaanko?');
    await worker.say('peru');

    expect(texts(await mentor.say('reflection questions none'))).toBe('I will no longer ask reflection questions.');
    await worker.say('Ryhmä tänään, 8 nuorta');
    expect(texts(await worker.say('kyllä'))).not.toContain('Pohdintakysymys');
  });

  it('lists members, sets roles and units, and shows the last 20 audit events with before and after', async () => {
    const mentor = new ChatUser(app.url, undefined, 'en-GB');
    await localMember(app, 'worker', 'en-GB', 'Tove Target');
    expect(texts(await mentor.say('users'))).toMatch(/• Tove Target · worker · local/);
    expect(texts(await mentor.say('add user Tove'))).toContain('@mention the colleague or give their email address');
    for (let i = 1; i <= 19; i++) await mentor.say(`add unit Audit unit ${String(i).padStart(2, '0')}`);
    expect(texts(await mentor.say('units for Tove: Audit unit 19, Majakka'))).toBe('Units of Tove Target: Audit unit 19, Majakka.');
    expect(texts(await mentor.say('units for Tove: Atlantis'))).toMatch(/^I do not know these units: Atlantis\. The units are: /);
    expect(texts(await mentor.say('rename unit Audit unit 19 to Audit unit 99'))).toContain('Renamed');
    expect(texts(await mentor.say('make Tove a manager'))).toBe('Tove Target is now manager.');
    expect(texts(await mentor.say('make Tove a manager'))).toBe('Tove Target is manager already.');
    expect(texts(await mentor.say('users'))).toMatch(/• Tove Target · manager · Audit unit 99, Nuorisotalo Majakka · local/);

    const audit = texts(await mentor.say('audit')).split('\n');
    expect(audit[0]).toBe('The latest changes, newest first:');
    expect(audit).toHaveLength(21);
    expect(audit[1]).toMatch(/^• .+ · member\.role · Tove Target: role: worker → manager$/);
    expect(audit[2]).toMatch(/· unit\.rename · Audit unit 99: name: Audit unit 19 → Audit unit 99; aliases: – → Audit unit 19$/);
    expect(audit[3]).toMatch(/· member\.units · Tove Target: units: – → Audit unit 19, Nuorisotalo Majakka$/);
    expect(audit[4]).toMatch(/· unit\.add · Audit unit 19: aliases: – → |· unit\.add · Audit unit 19$/);
    expect(audit.some((line) => line.includes('Audit unit 02'))).toBe(false);
    expect(audit.some((line) => line.includes('Audit unit 03'))).toBe(true);
  });

  // Found by the fuzz run: a name of 2,000 characters broke the unique name index (rows stay under 2.7 kB), and
  // the audit cut an emoji in half, a lone surrogate that PostgreSQL's JSON refused: "cannot reach the database".
  it('refuses names over 100 characters, and cuts long audit values between characters', async () => {
    const mentor = new ChatUser(app.url, undefined, 'en-GB');
    const tooLong = 'That name is too long: names, aliases and keywords can have at most 100 characters. Nothing was changed.';
    expect(texts(await mentor.say(`add unit ${'Nuorisotalo '.repeat(20).trim()}`))).toBe(tooLong);
    expect(texts(await mentor.say(`add unit Short name aliases ${'😀'.repeat(101)}`))).toBe(tooLong);
    expect(texts(await new ChatUser(app.url, mentor.user, 'fi-FI').say(`lisää yksikkö ${'ä'.repeat(101)}`))).toContain('Nimi on liian pitkä');
    expect(await query('SELECT name FROM units WHERE length(name) > 100')).toEqual([]);
    expect(texts(await mentor.say(`add unit ${'ä'.repeat(100)}`))).not.toContain('too long');

    expect(texts(await mentor.say(`reflection questions ${'a'.repeat(58)}😀😀 and more`))).not.toContain('cannot reach');
    const audit = texts(await mentor.say('audit'));
    expect(audit).toContain(`${'a'.repeat(58)}😀…`);
  });

  it('refuses what would leave no mentor or remove oneself', async () => {
    const mentor = await localMember(app, 'mentor', 'en-GB', 'Mona Mentor');
    expect(texts(await mentor.say('remove user Mona Mentor'))).toBe('You cannot remove yourself. Another mentor can do it.');
    expect(texts(await mentor.say('remove user Nobody Atall'))).toBe('I found no member called "Nobody Atall". Write "users" to see them all.');
  });
});

describe(`a pending confirmation survives a restart on ${engineName()}`, () => {
  it('removes the member after the restart; their entries stay theirs', async () => {
    const storage = await freshStorage(true);
    const first = await startTestApp({}, storage);
    let second: RunningApp | undefined;
    try {
      const mentor = new ChatUser(first.url, undefined, 'sv-SE');
      const colleague = await localMember(first, 'worker', 'sv-SE', 'Kalle Kollega');
      await colleague.say('Grupp idag, 5 ungdomar');
      expect(texts(await colleague.say('ja'))).toContain('Sparat');
      const asked = await mentor.say('ta bort användaren Kalle');
      expect(texts(asked)).toContain('Ta bort Kalle Kollega från organisationen?');
      await first.stop();

      second = await startTestApp({}, storage);
      mentor.retarget(second.url);
      expect(texts(await mentor.say('ja'))).toBe('Tog bort Kalle Kollega. Hens inlägg finns kvar.');
      const ds = second.database.dataSource;
      const [member] = await ds.query("SELECT id, removed_at FROM members WHERE display_name = 'Kalle Kollega'");
      expect(member.removed_at).not.toBeNull();
      expect(await ds.query('SELECT * FROM channel_identities WHERE member_id = $1', [member.id])).toEqual([]);
      expect(await ds.query('SELECT total FROM entries WHERE author_id = $1 AND deleted_at IS NULL', [member.id])).toEqual([{ total: 5 }]);
      const [event] = await ds.query("SELECT before, after FROM audit_events WHERE action = 'member.remove'");
      expect(event).toEqual({
        before: { name: 'Kalle Kollega', role: 'worker', channels: ['local'], removed: false },
        after: { name: 'Kalle Kollega', role: 'worker', channels: [], removed: true },
      });
    } finally {
      await first.stop();
      await second?.stop();
      if (storage.dataDir) rmSync(storage.dataDir, { recursive: true, force: true });
    }
  });
});
