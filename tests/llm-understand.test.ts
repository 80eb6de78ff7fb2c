import { DEFAULT_THEMES } from '../bot/nlu';
import type { ExtractContext } from '../bot/nlu/catalogue';
import { createLlmUnderstand } from '../bot/understanding/understand';
import { FakeOpenAi } from './support/fake-openai';

const ctx: ExtractContext = {
  today: '2026-11-25',
  catalogue: { units: [{ name: 'Nuorisotalo Kipinä', aliases: [] }], activities: [], themes: DEFAULT_THEMES },
};

const modelAnswer = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({
    date: null,
    unit: null,
    activity: null,
    workForm: null,
    durationMinutes: null,
    participants: { total: null, girls: null, boys: null, nonBinary: null, new: null },
    ageGroups: null,
    youthLed: null,
    staffCount: null,
    themes: [],
    ...overrides,
  });

describe('LLM extraction through an OpenAI-compatible endpoint', () => {
  let fake: FakeOpenAi;
  const warnings: string[] = [];
  const logger = { warn: (details: object) => warnings.push(JSON.stringify(details)) };
  const understand = () => createLlmUnderstand({ apiKey: 'test-key', baseURL: fake.baseUrl, model: 'test-model', timeoutMs: 500 }, logger);

  beforeAll(async () => {
    fake = await new FakeOpenAi().start();
  });
  afterAll(() => fake.stop());
  beforeEach(() => {
    fake.requests.length = 0;
    warnings.length = 0;
  });

  it('fills fields the rules left empty, with a strict JSON schema request', async () => {
    fake.behaviour = {
      kind: 'answer',
      content: modelAnswer({ workForm: 'group', unit: 'Nuorisotalo Kipinä', themes: ['culture', 'not_a_theme'], participants: { total: 99, girls: 4, boys: null, nonBinary: null, new: null } }),
    };
    const entry = await understand()('Kokkikerho Kipinässä: 9 nuorta, leivottiin pullaa', ctx);
    expect(entry.participants.total).toBe(9); // the rules' number wins
    expect(entry.participants.girls).toBe(4); // the model fills a gap
    expect(entry.unit).toBe('Nuorisotalo Kipinä');
    expect(entry.themes).toContain('culture');
    expect(entry.themes).not.toContain('not_a_theme');
    expect(entry.notes).toBe('Kokkikerho Kipinässä: 9 nuorta, leivottiin pullaa');
    const request = fake.requests[0] as { model: string; response_format: { type: string; json_schema: { strict: boolean } } };
    expect(request.model).toBe('test-model');
    expect(request.response_format.type).toBe('json_schema');
    expect(request.response_format.json_schema.strict).toBe(true);
  });

  it('masks names, phone numbers and identity numbers before the text leaves', async () => {
    fake.behaviour = { kind: 'answer', content: modelAnswer() };
    await understand()('Met Matti Virtanen (040 123 4567, 131052-308T) about a job application', ctx);
    const sent = JSON.stringify(fake.requests[0]);
    expect(sent).not.toMatch(/Virtanen|4567|131052/);
    expect(sent).toContain('[phone]');
  });

  it.each([
    ['malformed JSON', { kind: 'answer', content: '{"workForm": "gro' } as const],
    ['an answer outside the schema', { kind: 'answer', content: JSON.stringify({ workForm: 'party' }) } as const],
    ['a timeout', { kind: 'answer', content: modelAnswer({ workForm: 'camp' }), delayMs: 2000 } as const],
    ['a 500', { kind: 'status', status: 500 } as const],
    ['a 429', { kind: 'status', status: 429, retryAfter: '1' } as const],
  ])('falls back to the rules on %s', async (_name, behaviour) => {
    fake.behaviour = behaviour;
    const started = Date.now();
    const entry = await understand()('Open evening tonight, 12 kids, talked about school', ctx);
    expect(Date.now() - started).toBeLessThan(1900);
    expect(entry).toMatchObject({ workForm: 'open', participants: { total: 12 }, themes: ['school'] });
    expect(warnings).toHaveLength(1);
  });
});
