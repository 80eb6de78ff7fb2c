import type { RunningApp } from '../../app/app';
import { startTestApp } from '../support/app';
import { engineName } from '../support/database';
import { FakeOpenAi } from '../support/fake-openai';
import { ChatUser, fact, texts } from '../support/local-chat';

/** A question only the model understands, asked in the local web chat of the real app. */
describe(`report questions read by the model, in chat, on ${engineName()}`, () => {
  let app: RunningApp;
  let model: FakeOpenAi;
  let mentor: ChatUser;

  beforeAll(async () => {
    model = await new FakeOpenAi().start();
    app = await startTestApp({ OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: model.baseUrl, LLM_TIMEOUT_MS: '2000' });
    mentor = new ChatUser(app.url, undefined, 'en-GB');
    // The model is down while logging: the rules read the logs alone.
    model.behaviour = { kind: 'status', status: 500 };
    for (const text of ['Open evening at Kipinä today, 10 kids', 'Drama group at Majakka today, 7 young people']) {
      expect(texts(await mentor.press(await mentor.say(text), 'save'))).toContain('Saved');
    }
  });
  afterAll(async () => {
    await app.stop();
    await model.stop();
  });

  it('answers from the query the model made, within the organisation', async () => {
    const [kipina] = await app.database.dataSource.query("SELECT id FROM units WHERE name = 'Nuorisotalo Kipinä'");
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Helsinki' });
    const query = {
      metric: 'participants', period: { from: `${today.slice(0, 7)}-01`, to: today }, unitIds: [kipina.id], activityIds: [],
      workForms: [], themes: [], groupBy: 'none', thenBy: 'none', comparison: 'none', chart: 'none', limit: null,
    };
    model.behaviour = { kind: 'answer', content: JSON.stringify({ isReportQuestion: true, clarify: null, query }) };
    model.requests.length = 0;
    const replies = await mentor.say('Was Kipinä lively lately?');
    expect(fact(replies, 'Participants')).toBe('10');
    // The question, then the notes' summary (which this answer does not fit: the extractive one stays).
    const schemas = model.requests.map((request) => (request as { response_format: { json_schema: { name: string } } }).response_format.json_schema.name);
    expect(schemas).toEqual(['report_question', 'notes_summary']);
  });

  it('has the model write the paragraph on the notes, which are masked before they are sent', async () => {
    await app.database.dataSource.query("UPDATE entries SET notes = notes || ' Call back 040 123 4567.' WHERE notes LIKE 'Drama%'");
    const summary = 'The sessions were lively: drama and open evenings drew the most young people this month.';
    model.behaviour = { kind: 'answer', content: JSON.stringify({ summary }) };
    model.requests.length = 0;
    const replies = await mentor.say('how many participants this month by unit');
    expect(fact(replies, 'Total')).toBe('17');
    expect(replies[1].text).toBe(summary);
    // The rules read the question, so the only call is the summary's.
    expect(model.requests).toHaveLength(1);
    const sent = JSON.stringify(model.requests[0]);
    expect(sent).toContain('Drama group at Majakka');
    expect(sent).not.toContain('040 123 4567');
  });

  it('keeps the extractive summary when the model fails to write one', async () => {
    model.behaviour = { kind: 'status', status: 500 };
    const replies = await mentor.say('how many participants this month by unit');
    expect(fact(replies, 'Total')).toBe('17');
    expect(replies[1].text).toMatch(/^From the notes: |^Most common themes/);
  });

  it('falls back to help, not a guess, when the model fails', async () => {
    model.behaviour = { kind: 'answer', content: 'not json' };
    const colleague = new ChatUser(app.url, undefined, 'en-GB');
    const replies = await colleague.say('Was Kipinä lively lately?');
    expect(fact(replies, 'Participants')).toBeUndefined();
    expect(texts(replies)).toContain('undo');
    expect(await app.database.dataSource.query("SELECT * FROM drafts WHERE state->>'kind' IS NULL")).toHaveLength(0);
  });
});
