import type { RunningApp } from '../../app/app';
import { t } from '../../bot/i18n';
import { startTestApp } from '../support/app';
import { engineName } from '../support/database';
import { FakeOpenAi, type FakeBehaviour } from '../support/fake-openai';
import { ChatUser, fact, texts } from '../support/local-chat';

const LLM_TIMEOUT_MS = 1500;
/** A turn may take the model's timeout plus this much of its own work (a slow shared machine included). */
const TURN_WORK_MS = 3000;
const LOG = 'Drop-in tonight, 14 kids, 8 girls and 6 boys, talked about exams and vaping';
const QUESTION = 'how many participants this month by unit';

/** The model hangs or answers garbage; the real app over HTTP must answer from the rules, in time. */
describe(`the language model fails inside the running app, on ${engineName()}`, () => {
  let app: RunningApp;
  let model: FakeOpenAi;

  beforeAll(async () => {
    model = await new FakeOpenAi().start();
    app = await startTestApp({ OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: model.baseUrl, LLM_TIMEOUT_MS: String(LLM_TIMEOUT_MS) });
  });
  afterAll(async () => {
    // The model first: a turn still waiting for it would keep the app from stopping.
    await model?.stop();
    await app?.stop();
  });

  const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
    const began = Date.now();
    const result = await work();
    return [result, Date.now() - began];
  };
  const schemasAsked = () => model.requests.map((request) => (request as { response_format: { json_schema: { name: string } } }).response_format.json_schema.name);

  it.each<[string, FakeBehaviour]>([
    ['never answers', { kind: 'hang' }],
    ['sends headers, then stalls mid-body', { kind: 'stall' }],
    ['answers HTTP 500', { kind: 'status', status: 500 }],
    ['answers a proxy error page', { kind: 'raw', status: 502, contentType: 'text/html', body: '<html><body>Bad Gateway</body></html>' }],
    ['answers a body that is not JSON', { kind: 'raw', status: 200, contentType: 'application/json', body: 'upstream connect error' }],
    ['answers prose instead of JSON', { kind: 'answer', content: 'Sure! It was a drop-in with 14 kids.' }],
    ['answers JSON outside the schema', { kind: 'answer', content: JSON.stringify({ workForm: 'party', participants: 'many', summary: 42 }) }],
  ])('the model %s: logs and report questions are answered by the rules', async (_name, behaviour) => {
    model.behaviour = behaviour;
    model.requests.length = 0;
    const worker = new ChatUser(app.url, undefined, 'en-GB');

    const logId = `log-${Math.random().toString(36).slice(2)}`;
    const [card, logMs] = await timed(() => worker.say(LOG, logId));
    expect(texts(card)).toContain(t('en', 'summaryIntro'));
    expect(fact(card, 'Participants')).toBe('14 (8 girls, 6 boys)');
    expect(fact(card, 'Work form')).toBe('open activity');
    expect(schemasAsked()).toHaveLength(1); // the model was asked, and failed
    expect(logMs).toBeLessThan(LLM_TIMEOUT_MS + TURN_WORK_MS);
    expect(texts(await worker.say('yes'))).toContain(t('en', 'saved'));
    const [entry] = await app.database.dataSource.query('SELECT work_form, total, girls, boys, themes FROM entries WHERE source_message_id = $1', [`local:${logId}`]);
    expect(entry).toMatchObject({ work_form: 'open', total: 14, girls: 8, boys: 6 });
    expect([...entry.themes].sort()).toEqual(['school', 'substances']);

    model.requests.length = 0;
    const [{ total }] = await app.database.dataSource.query('SELECT sum(total) AS total FROM entries WHERE deleted_at IS NULL');
    const [answer, answerMs] = await timed(() => worker.say(QUESTION));
    expect(fact(answer, 'Total')).toBe(String(total));
    // The rules read the question; the model, asked only for the notes' paragraph, failed: the extractive one stays.
    expect(schemasAsked()).toEqual(['notes_summary']);
    expect(answer[1].text).toMatch(/^From the notes: |^Most common themes/);
    expect(answerMs).toBeLessThan(LLM_TIMEOUT_MS + TURN_WORK_MS);
  });
});
