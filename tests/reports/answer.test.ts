import { LOCALES } from '../../bot/locale';
import { answerReport, formatChange } from '../../reports/answer';
import { REPORT_PHRASES } from '../../reports/phrases';
import { reportQuery, type ReportQueryInput } from '../../reports/query';
import type { ReportResult, ReportRow } from '../../reports/run';
import { buildNotesSql, excerpt, summariseNotes } from '../../reports/summary';

const NBSP = '\u00a0';
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function row(labels: string[], value: number | null, extra: Partial<ReportRow> = {}): ReportRow {
  return { keys: labels, labels, value, comparisonValue: null, num: value ?? 0, den: null, comparisonNum: null, comparisonDen: null, ...extra };
}

function result(input: Omit<ReportQueryInput, 'filters'> & { period?: [string, string] }, rows: ReportRow[], total: ReportRow | null, more: Partial<ReportResult> = {}): ReportResult {
  const [from, to] = input.period ?? ['2026-03-01', '2026-03-31'];
  const { period: _period, ...rest } = input;
  const query = reportQuery({ ...rest, filters: { period: { from, to } } });
  return {
    query,
    national: false,
    period: { from, to },
    comparisonPeriod: null,
    dimensions: query.groupBy === 'none' ? [] : [query.groupBy as 'unit'],
    rows,
    total,
    omitted: 0,
    ...more,
  };
}

describe('report phrases', () => {
  it.each(Object.keys(REPORT_PHRASES))('%s exists in fi, sv and en with the same parameters', (key) => {
    const phrase = REPORT_PHRASES[key as keyof typeof REPORT_PHRASES];
    for (const locale of LOCALES) expect(phrase[locale].trim()).not.toBe('');
    expect(placeholders(phrase.fi)).toEqual(placeholders(phrase.en));
    expect(placeholders(phrase.sv)).toEqual(placeholders(phrase.en));
  });
});

describe('report answers', () => {
  it('states one number in each language', () => {
    const one = result({ metric: 'participants' }, [row([], 1234)], null);
    expect(answerReport(one, 'en').text).toBe('Participants, March 2026: 1,234.');
    expect(answerReport(one, 'fi').text).toBe(`Osallistujat, maaliskuu 2026: 1${NBSP}234.`);
    expect(answerReport(one, 'sv').text).toBe(`Deltagare, mars 2026: 1${NBSP}234.`);
    expect(answerReport(one, 'fi').table).toEqual({ columns: ['Osallistujat'], rows: [[`1${NBSP}234`]] });
  });

  it('names the largest groups and the total, and tabulates every group', () => {
    const rows = ['Kipinä', 'Majakka', 'Digitiimi', 'Fyren', 'Tiimi', 'Talo'].map((name, i) => row([name], 60 - i * 10));
    const grouped = result({ metric: 'hours', groupBy: 'unit', period: ['2026-01-01', '2026-12-31'] }, rows, row(['Total'], 210));
    const en = answerReport(grouped, 'en');
    expect(en.title).toBe('Hours by unit, 2026');
    expect(en.text).toBe('Hours by unit, 2026: Kipinä 60, Majakka 50, Digitiimi 40, Fyren 30, Tiimi 20, 1 more in the table. In total 210.');
    expect(en.table.columns).toEqual(['Unit', 'Hours']);
    expect(en.table.rows).toHaveLength(7);
    expect(en.table.rows[6]).toEqual(['Total', '210']);
    expect(answerReport(grouped, 'sv').text).toContain('1 till i tabellen. Totalt 210.');
  });

  it('shows shares as per cent with their parts, and changes in percentage points', () => {
    const share = result(
      { metric: 'girlsShare', comparison: 'sameLastYear' },
      [row([], 0.456, { num: 456, den: 1000, comparisonValue: 0.4, comparisonNum: 400, comparisonDen: 1000 })],
      null,
      { comparisonPeriod: { from: '2025-03-01', to: '2025-03-31' } },
    );
    expect(answerReport(share, 'en').text).toBe('Share of girls, March 2026: 45.6% (456 of 1,000). March 2025: 40% (400 of 1,000), change +5.6 pp.');
    expect(answerReport(share, 'fi').text).toBe(
      `Tyttöjen osuus, maaliskuu 2026: 45,6${NBSP}% (456/1${NBSP}000). Maaliskuu 2025: 40${NBSP}% (400/1${NBSP}000), muutos +5,6 %-yksikköä.`,
    );
    expect(answerReport(share, 'sv').table.columns).toEqual(['mars 2026', 'mars 2025', 'Förändring']);
  });

  it('says when there is nothing', () => {
    const empty = result({ metric: 'participants', groupBy: 'unit' }, [], null);
    expect(answerReport(empty, 'fi').text).toBe('Ajalta maaliskuu 2026 ei ole merkintöjä.');
  });

  it('formats changes', () => {
    expect(formatChange(110, 100, 'participants', 'en')).toBe('+10 %');
    expect(formatChange(95, 100, 'participants', 'en')).toBe('−5 %');
    expect(formatChange(7, 0, 'participants', 'en')).toBe('+7');
    expect(formatChange(0.5, 0.4, 'youthLedShare', 'en')).toBe('+10 pp');
    expect(formatChange(1, null, 'participants', 'en')).toBeNull();
  });
});

describe('notes summary', () => {
  const rows = [
    { notes: 'Matti Virtanen kertoi koulustressistä, soita 040 123 4567 huomenna.', themes: ['school', 'mental_health'] },
    { notes: 'Paljon puhetta kokeista ja koulusta.', themes: ['school'] },
    { notes: 'Paljon puhetta kokeista ja koulusta.', themes: ['school'] },
    { notes: 'Vi pratade om vänskap och stress inför proven.', themes: ['relationships', 'mental_health'] },
    { notes: 'Pelattiin biljardia.', themes: ['sports'] },
    { notes: null, themes: ['school'] },
    { notes: '  ', themes: [] },
  ];

  it('names the top themes and quotes representative notes with personal data masked', () => {
    const summary = summariseNotes(rows, { locale: 'en' });
    expect(summary.topThemes.map((t) => [t.key, t.count])).toEqual([
      ['school', 4],
      ['mental_health', 2],
      ['relationships', 1],
    ]);
    expect(summary.excerpts.length).toBeGreaterThanOrEqual(2);
    expect(summary.excerpts.length).toBeLessThanOrEqual(3);
    const all = summary.excerpts.join(' ');
    expect(all).not.toMatch(/Virtanen|040 123/);
    expect(summary.excerpts).toContain('Paljon puhetta kokeista ja koulusta.');
    expect(summary.text).toMatch(/^Most common themes: school and studies \(4\), mental health and wellbeing \(2\), friends and relationships \(1\)\. From the notes: “/);
    expect(summariseNotes(rows, { locale: 'fi' }).text).toMatch(/^Yleisimmät teemat: koulu ja opiskelu \(4\).* Muistiinpanoista: ”/);
    expect(summariseNotes(rows, { locale: 'sv' }).text).toMatch(/^Vanligaste teman: skola och studier \(4\)/);
    expect(summariseNotes([], { locale: 'sv' }).text).toBe('Det finns inga anteckningar för den här perioden.');
  });

  it('masks before cutting, so a cut never leaves half a phone number', () => {
    const summary = summariseNotes([{ notes: `${'Pitkä ilta. '.repeat(3)}Soita Matti Virtaselle 040 123 4567 ${'ja muuta '.repeat(30)}`, themes: [] }], {
      locale: 'fi',
      excerptLength: 80,
    });
    expect(summary.excerpts[0].length).toBeLessThanOrEqual(80);
    expect(summary.excerpts[0]).not.toMatch(/\d{3}/);
  });

  it('cuts excerpts at sentences or words', () => {
    expect(excerpt('Short note.')).toBe('Short note.');
    expect(excerpt('First sentence here. Second sentence is rather long and goes on.', 30)).toBe('First sentence here.');
    expect(excerpt('one two three four five six seven eight nine ten', 20)).toBe('one two three four…');
  });

  it('fetches notes scoped to the organisation, its visible units and the period', () => {
    const query = reportQuery({ metric: 'entries', filters: { period: { from: '2026-01-01', to: '2026-12-31' }, themes: ['school'] } });
    const sql = buildNotesSql(query, { organisationId: '00000000-0000-4000-8000-000000000001', unitIds: ['00000000-0000-4000-8000-000000000002'] }, { asOf: '2026-11-25' });
    expect(sql.text).toContain('e.organisation_id = $1::uuid');
    expect(sql.text).toContain('e.deleted_at IS NULL');
    expect(sql.text).toContain('e.unit_id = ANY($5::uuid[])');
    expect(sql.params.slice(0, 4)).toEqual(['00000000-0000-4000-8000-000000000001', '2026-01-01', '2026-11-25', 5000]);
  });
});
