import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_THEMES } from '../../bot/nlu/default-themes';
import { DEFAULT_ACTIVITIES, DEFAULT_UNITS } from '../../bot/organisation-defaults';
import { parseReportQuestion, refineReportQuery, type ReportCatalogue, type ReportContext, type ReportParse } from '../../bot/reports/question';
import { reportQuery, type ReportQuery, type ReportQueryInput } from '../../reports/query';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const catalogue: ReportCatalogue = {
  units: DEFAULT_UNITS.map((unit, i) => ({ ...unit, id: id(i + 1) })),
  activities: DEFAULT_ACTIVITIES.map((activity, i) => ({ ...activity, id: id(i + 11) })),
  themes: DEFAULT_THEMES,
};
const KIPINA = id(1);
const MAJAKKA = id(2);
const DIGITIIMI = id(4);
const DRAMA = id(12);
/** A Wednesday. */
const ctx: ReportContext = { today: '2026-11-25', catalogue };

type Filters = Partial<Omit<ReportQueryInput['filters'], 'period'>>;
function q(metric: ReportQuery['metric'], from: string, to: string, extra: Partial<Omit<ReportQueryInput, 'filters'>> = {}, filters: Filters = {}): ReportQuery {
  return reportQuery({ metric, filters: { period: { from, to }, ...filters }, ...extra });
}

const YEAR = ['2026-01-01', '2026-12-31'] as const;
const LAST_YEAR = ['2025-01-01', '2025-12-31'] as const;
const OCTOBER = ['2026-10-01', '2026-10-31'] as const;
const AUTUMN = ['2026-08-01', '2026-12-31'] as const;
const SPRING = ['2026-01-01', '2026-05-31'] as const;

const CASES: [string, ReportQuery][] = [
  ['how many participants last month by unit', q('participants', ...OCTOBER, { groupBy: 'unit' })],
  ['montako kävijää maaliskuussa', q('participants', '2026-03-01', '2026-03-31')],
  ['hur många tjejer i år per verksamhet', q('girls', ...YEAR, { groupBy: 'activity' })],
  ['top themes this autumn', q('entries', ...AUTUMN, { groupBy: 'theme', limit: 5 })],
  ['compare hours to last year', q('hours', ...YEAR, { comparison: 'sameLastYear' })],
  ['how many new participants this year', q('new', ...YEAR)],
  ['tyttöjen osuus tänä vuonna', q('girlsShare', ...YEAR)],
  ['andelen tjejer i fjol', q('girlsShare', ...LAST_YEAR)],
  ['What was the youth-led share in 2025?', q('youthLedShare', ...LAST_YEAR)],
  ['how many hours in March 2025 by week', q('hours', '2025-03-01', '2025-03-31', { groupBy: 'week' })],
  ['montako tuntia viime vuonna työmuodoittain', q('hours', ...LAST_YEAR, { groupBy: 'workForm' })],
  ['Kuinka monta kävijää Kipinässä syksyllä?', q('participants', ...AUTUMN, {}, { unitIds: [KIPINA] })],
  ['hur många besökare i Majakka förra månaden', q('participants', ...OCTOBER, {}, { unitIds: [MAJAKKA] })],
  ['participants by gender this year', q('participants', ...YEAR, { groupBy: 'gender' })],
  ['montako tyttöä ja poikaa tänä vuonna', q('participants', ...YEAR, { groupBy: 'gender' })],
  ['how many entries last week', q('entries', '2026-11-16', '2026-11-22')],
  ['how many events this year', q('entries', ...YEAR, {}, { workForms: ['event'] })],
  ['how many participants in outreach work in 2025', q('participants', ...LAST_YEAR, {}, { workForms: ['outreach'] })],
  ['show participants by month for 2025 as a chart', q('participants', ...LAST_YEAR, { groupBy: 'month', chart: 'line' })],
  ['näytä kävijät kuukausittain tänä vuonna kaaviona', q('participants', ...YEAR, { groupBy: 'month', chart: 'line' })],
  ['visa deltagare per månad i år som stapeldiagram', q('participants', ...YEAR, { groupBy: 'month', chart: 'bar' })],
  ['how many participants 1.3.2026-15.3.2026', q('participants', '2026-03-01', '2026-03-15')],
  ['montako kävijää 1.3.–31.3.2025', q('participants', '2025-03-01', '2025-03-31')],
  ['how many participants by unit per month this year', q('participants', ...YEAR, { groupBy: 'month', thenBy: 'unit' })],
  ['top 3 units by participants this year', q('participants', ...YEAR, { groupBy: 'unit', limit: 3 })],
  ['hur många timmar jämfört med förra året', q('hours', ...YEAR, { comparison: 'sameLastYear' })],
  ['montako kävijää viime vuonna verrattuna edelliseen vuoteen', q('participants', ...LAST_YEAR, { comparison: 'sameLastYear' })],
  ['participants 2025 vs 2024', q('participants', ...LAST_YEAR, { comparison: 'sameLastYear' })],
  ['how many participants talked about bullying this year', q('participants', ...YEAR, {}, { themes: ['bullying'] })],
  ['mistä puhuttiin eniten syksyllä', q('entries', ...AUTUMN, { groupBy: 'theme', limit: 5 })],
  ['vad pratade ungdomarna mest om i höstas', q('entries', ...AUTUMN, { groupBy: 'theme', limit: 5 })],
  ['how many girls in the drama group this spring', q('girls', ...SPRING, {}, { activityIds: [DRAMA] })],
  ['hur många nya ungdomar i våras', q('new', ...SPRING)],
  ['how many non-binary participants last year', q('nonBinary', ...LAST_YEAR)],
  ['montako kävijää viikolla 12', q('participants', '2026-03-16', '2026-03-22')],
  ['participants in the last 30 days by unit', q('participants', '2026-10-27', '2026-11-25', { groupBy: 'unit' })],
  ['paljonko tunteja kertyi joulukuussa', q('hours', '2025-12-01', '2025-12-31')],
  ['hur många deltagare i december 2024', q('participants', '2024-12-01', '2024-12-31')],
  ['how many participants in March last year', q('participants', '2025-03-01', '2025-03-31')],
  ['nuorten toteuttamien osuus viime syksynä', q('youthLedShare', '2025-08-01', '2025-12-31')],
  ['hur stor andel var ungdomsledda i år?', q('youthLedShare', ...YEAR)],
  ['how many participants this month compared to last month', q('participants', '2026-11-01', '2026-11-30', { comparison: 'previousPeriod' })],
  ['montako kävijää tässä kuussa verrattuna edelliseen kuukauteen', q('participants', '2026-11-01', '2026-11-30', { comparison: 'previousPeriod' })],
  ['antal deltagare per enhet i mars jämfört med samma period förra året', q('participants', '2026-03-01', '2026-03-31', { groupBy: 'unit', comparison: 'sameLastYear' })],
  ['girls share by unit this year as a bar chart', q('girlsShare', ...YEAR, { groupBy: 'unit', chart: 'bar' })],
  ['montako kävijää kesällä digitiimissä', q('participants', '2026-06-01', '2026-07-31', {}, { unitIds: [DIGITIIMI] })],
  ['how many participants in open activities last month', q('participants', ...OCTOBER, {}, { workForms: ['open'] })],
  ['hur många deltagare i fältarbete i år', q('participants', ...YEAR, {}, { workForms: ['outreach'] })],
  ['Show me hours per week last month', q('hours', ...OCTOBER, { groupBy: 'week' })],
  ['kävijät yksiköittäin viime syksynä', q('participants', '2025-08-01', '2025-12-31', { groupBy: 'unit' })],
];

function expectQuery(result: ReportParse): ReportQuery {
  expect(result?.kind).toBe('query');
  return (result as { kind: 'query'; query: ReportQuery }).query;
}

describe('report questions in fi, sv and en', () => {
  it('has at least 30 cases across the three languages', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CASES)('reads "%s"', (text, expected) => {
    expect(expectQuery(parseReportQuestion(text, ctx))).toEqual(expected);
  });
});

describe('clarification instead of a guess', () => {
  it.each([
    ['how many participants?', 'period'],
    ['hur många deltagare per enhet', 'period'],
    ['how many last month?', 'metric'],
    ['montako viime kuussa?', 'metric'],
    ['montako kävijää maaliskuussa ja huhtikuussa', 'period'],
    ['compare participants by unit', 'comparison'],
    ['participants 2025 vs 2022', 'comparison'],
    ['hours by gender this year', 'metric'],
    ['top units this year', 'metric'],
  ])('"%s" asks for the %s', (text, missing) => {
    const result = parseReportQuestion(text, ctx);
    expect(result).toMatchObject({ kind: 'clarify', missing });
  });

  it('offers the metrics a question named when it named two', () => {
    const result = parseReportQuestion('how many hours and participants last month', ctx);
    expect(result).toMatchObject({ kind: 'clarify', missing: 'metric', options: ['participants', 'hours'] });
    expect(result?.kind === 'clarify' && result.draft.period).toEqual({ from: '2026-10-01', to: '2026-10-31' });
  });

  it('completes a clarified draft with the answer', () => {
    const asked = parseReportQuestion('how many participants by unit?', ctx);
    expect(asked).toMatchObject({ kind: 'clarify', missing: 'period' });
    const draft = asked?.kind === 'clarify' ? asked.draft : null;
    expect(expectQuery(refineReportQuery(draft!, 'last month', ctx))).toEqual(q('participants', ...OCTOBER, { groupBy: 'unit' }));
    const metric = parseReportQuestion('montako viime kuussa?', ctx);
    const metricDraft = metric?.kind === 'clarify' ? metric.draft : null;
    expect(expectQuery(refineReportQuery(metricDraft!, 'tunteja', ctx))).toEqual(q('hours', ...OCTOBER));
  });
});

describe('follow-ups refine the previous query', () => {
  function chain(start: string, steps: [string, Partial<ReportQuery> & { period?: [string, string]; unitIds?: string[] }][]): void {
    let query = expectQuery(parseReportQuestion(start, ctx));
    for (const [text, expected] of steps) {
      query = expectQuery(refineReportQuery(query, text, ctx));
      const { period, unitIds, ...rest } = expected;
      if (period) expect(query.filters.period).toEqual({ from: period[0], to: period[1] });
      if (unitIds) expect(query.filters.unitIds).toEqual(unitIds);
      expect(query).toMatchObject(rest);
    }
  }

  it('in English', () => {
    chain('how many participants this year', [
      ['and the year before?', { period: [...LAST_YEAR], metric: 'participants' }],
      ['only girls', { metric: 'girls', period: [...LAST_YEAR] }],
      ['as a chart', { chart: 'bar', metric: 'girls' }],
      ['by unit', { groupBy: 'unit', metric: 'girls' }],
      ['in Majakka', { unitIds: [MAJAKKA], groupBy: 'unit' }],
      ['in total', { groupBy: 'none' }],
      ['compare to last year', { comparison: 'sameLastYear', period: [...LAST_YEAR] }],
    ]);
  });

  it('in Finnish', () => {
    chain('montako kävijää maaliskuussa', [
      ['entä edellisenä vuonna?', { period: ['2025-03-01', '2025-03-31'] }],
      ['vain tytöt', { metric: 'girls' }],
      ['kaaviona', { chart: 'bar' }],
      ['yksiköittäin', { groupBy: 'unit', chart: 'bar' }],
      ['entä tunnit?', { metric: 'hours', groupBy: 'unit' }],
      ['entä edellisenä kuussa?', { period: ['2025-02-01', '2025-02-28'] }],
    ]);
  });

  it('in Swedish', () => {
    chain('hur många deltagare i år', [
      ['och året innan?', { period: [...LAST_YEAR] }],
      ['bara tjejer', { metric: 'girls' }],
      ['som diagram', { chart: 'bar' }],
      ['per enhet', { groupBy: 'unit' }],
      ['och i mars?', { period: ['2026-03-01', '2026-03-31'], groupBy: 'unit' }],
      ['som linjediagram', { chart: 'line' }],
    ]);
  });

  it('a gender split and then one gender', () => {
    chain('participants by gender last month', [
      ['only boys', { metric: 'boys', groupBy: 'none' }],
      ['by week', { groupBy: 'week', metric: 'boys' }],
    ]);
  });

  it('a message with a metric and a period of its own is a new question', () => {
    const first = expectQuery(parseReportQuestion('hours in Kipinä last month', ctx) ?? parseReportQuestion('how many hours in Kipinä last month', ctx));
    expect(expectQuery(refineReportQuery(first, 'how many participants this year?', ctx))).toEqual(q('participants', ...YEAR));
  });

  it('a whole question of its own starts afresh; one that opens like a follow-up refines', () => {
    const first = expectQuery(parseReportQuestion('hur många tjejer i år per verksamhet', ctx));
    expect(expectQuery(refineReportQuery(first, 'top themes this autumn', ctx))).toEqual(q('entries', ...AUTUMN, { groupBy: 'theme', limit: 5 }));
    expect(expectQuery(refineReportQuery(first, 'compare hours to last year', ctx))).toEqual(q('hours', ...YEAR, { comparison: 'sameLastYear' }));
    expect(expectQuery(refineReportQuery(first, 'and hours last year?', ctx))).toEqual(q('hours', ...LAST_YEAR, { groupBy: 'activity' }));
  });

  it('is null for anything that changes nothing', () => {
    const query = q('participants', ...YEAR);
    for (const text of ['thanks!', 'kiitos', 'tack', 'ok']) expect(refineReportQuery(query, text, ctx)).toBeNull();
  });
});

describe('messages that are no report questions', () => {
  it.each([
    'open evening tonight, 14 kids, 8 girls, talked about exams and vaping',
    'avoin ilta tänään 12 nuorta',
    'Öppen kväll ikväll, 9 ungdomar',
    'help',
    'my entries',
    'Girls group yesterday, talked about school',
  ])('"%s"', (text) => {
    expect(parseReportQuestion(text, ctx)).toBeNull();
  });

  it('none of the logging test messages reads as a report question', () => {
    const dir = join(__dirname, '..', 'nlu');
    const texts = ['cases', 'blind-eval', 'blind-eval-2', 'blind-eval-3'].flatMap((file) =>
      readFileSync(join(dir, `${file}.jsonl`), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => (JSON.parse(line) as { text: string }).text),
    );
    expect(texts.length).toBeGreaterThan(500);
    const taken = texts.filter((text) => parseReportQuestion(text, ctx) !== null);
    expect(taken).toEqual([]);
  });
});
