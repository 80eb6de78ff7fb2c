import type { RunningApp } from '../../app/app';
import { engineName } from '../support/database';
import { startTestApp } from '../support/app';
import { ChatUser, fact, texts } from '../support/local-chat';
import { decodePng } from '../support/png';
import { localMember, snapshot } from '../support/members';

/** Report questions in chat, end to end over the local web chat, on the real app and database. */
describe(`report questions in chat on ${engineName()}`, () => {
  let app: RunningApp;
  let mentor: ChatUser;
  const query = (sql: string, params: unknown[] = []) => app.database.dataSource.query(sql, params);

  /** Logs a session and saves it; the card must show the unit it was read for. */
  async function log(user: ChatUser, text: string, unit: string): Promise<void> {
    const card = await user.say(text);
    expect(fact(card, 'Unit')).toBe(unit);
    expect(texts(await user.press(card, 'save'))).toContain('Saved');
  }

  beforeAll(async () => {
    app = await startTestApp();
    mentor = new ChatUser(app.url, undefined, 'en-GB');
    await log(mentor, 'Open evening at Kipinä today, 10 kids, talked about school and exams', 'Nuorisotalo Kipinä');
    await log(mentor, 'Drama group at Majakka today, 7 young people', 'Nuorisotalo Majakka');
    await log(mentor, 'Boxing group at Majakka today, 5 kids, 1 hour', 'Nuorisotalo Majakka');
  });
  afterAll(() => app.stop());

  it('answers with the saved numbers, split by unit, with a card and a summary of the notes', async () => {
    const [saved] = await query('SELECT count(*)::int AS entries, sum(total)::int AS total FROM entries WHERE deleted_at IS NULL');
    expect(saved).toEqual({ entries: 3, total: 22 });

    const replies = await mentor.say('how many participants this month by unit');
    expect(replies[0].card?.title).toMatch(/^Participants by unit, /);
    expect(fact(replies, 'Nuorisotalo Majakka')).toBe('12');
    expect(fact(replies, 'Nuorisotalo Kipinä')).toBe('10');
    expect(fact(replies, 'Total')).toBe('22');
    expect(texts(replies)).toMatch(/Nuorisotalo Majakka 12, Nuorisotalo Kipinä 10\. In total 22\./);
    expect(texts(replies)).toContain('school and exams');
    // The chart comes as a link to a PNG with the title as its alt text.
    const [chart] = (replies[0] as unknown as { attachments: { kind: string; url: string; description: string }[] }).attachments;
    expect(chart).toMatchObject({ kind: 'image', description: replies[0].card?.title });
    const image = await fetch(new URL(chart.url, app.url));
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(decodePng(Buffer.from(await image.arrayBuffer())).width).toBeGreaterThan(300);
    // A question is no log: nothing is drafted or saved; only the question is kept for a follow-up.
    expect(await query("SELECT state->>'kind' AS kind FROM drafts")).toEqual([{ kind: 'reporting' }]);
    expect(await query('SELECT * FROM entries')).toHaveLength(3);
  });

  it('answers in Finnish and Swedish, and follows up in them', async () => {
    const finnish = new ChatUser(app.url, mentor.user, 'fi-FI');
    const fi = await finnish.say('montako kävijää tässä kuussa');
    expect(fact(fi, 'Osallistujat')).toBe('22');
    expect(texts(fi)).toMatch(/^Osallistujat, .*: 22\./);
    expect(fact(await finnish.say('yksiköittäin'), 'Nuorisotalo Majakka')).toBe('12');
    expect(texts(await finnish.say('entä edellisenä vuonna?'))).toBe('Ajalta marraskuu 2025 ei ole merkintöjä.');

    const swedish = new ChatUser(app.url, mentor.user, 'sv-SE');
    const sv = await swedish.say('hur många deltagare den här månaden');
    expect(fact(sv, 'Deltagare')).toBe('22');
    expect(texts(sv)).toMatch(/^Deltagare, .*: 22\./);
    expect(fact(await swedish.say('per enhet'), 'Nuorisotalo Kipinä')).toBe('10');
    expect(texts(await swedish.say('och året innan?'))).toBe('Inga inlägg för november 2025.');
  });

  it('asks back when the question leaves the period open, and takes the answer', async () => {
    const asking = new ChatUser(app.url, undefined, 'en-GB');
    expect(texts(await asking.say('how many participants by unit?'))).toContain('For which period?');
    const answered = await asking.say('this month');
    expect(fact(answered, 'Nuorisotalo Majakka')).toBe('12');
    expect(fact(answered, 'Total')).toBe('22');
  });

  it('refines the last question with a follow-up', async () => {
    await mentor.say('how many participants this month by unit');
    const total = await mentor.say('in total');
    expect(fact(total, 'Participants')).toBe('22');
    expect(fact(total, 'Nuorisotalo Majakka')).toBeUndefined();
    const yearBefore = await mentor.say('and the year before?');
    expect(texts(yearBefore)).toMatch(/^Participants, November 2025: 0\./);
    // A log after a question is a log again.
    const card = await mentor.say('Drop-in at Kipinä today, 4 kids');
    expect(fact(card, 'Unit')).toBe('Nuorisotalo Kipinä');
    expect(texts(await mentor.press(card, 'cancel'))).toBe('OK, I discarded the log. Nothing was saved.');
  });

  it('shows a manager only the units they belong to', async () => {
    const manager = await localMember(app, 'manager', 'en-GB');
    const [majakka] = await query("SELECT id FROM units WHERE name = 'Nuorisotalo Majakka'");
    await query(
      "UPDATE members SET unit_ids = ARRAY[$1]::uuid[] WHERE id = (SELECT member_id FROM channel_identities WHERE user_id = $2)",
      [majakka.id, manager.user],
    );
    const replies = await manager.say('how many participants this month by unit');
    expect(fact(replies, 'Nuorisotalo Majakka')).toBe('12');
    expect(fact(replies, 'Nuorisotalo Kipinä')).toBeUndefined();
  });

  it('refuses a worker politely, and nothing changes', async () => {
    const worker = await localMember(app, 'worker', 'fi-FI');
    const before = await snapshot(app);
    expect(texts(await worker.say('montako kävijää tässä kuussa'))).toBe(
      'Valitettavasti raportit ovat esihenkilöille ja mentoreille. Pyydä organisaatiosi mentoria, jos tarvitset sellaisen.',
    );
    expect(await snapshot(app)).toEqual(before);
  });
});
