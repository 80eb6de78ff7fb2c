import ExcelJS from 'exceljs';
import { PHRASES } from '../../bot/i18n';
import type { Locale } from '../../bot/locale';
import type { Attachment, Reply } from '../../bot/messages';
import type { MemberInfo, ReportStore, Role } from '../../bot/ports';
import type { ReportChatContext } from '../../bot/reports/chat';
import { answerExportRequest, exportFilename } from '../../bot/reports/export-chat';
import { parseExportRequest } from '../../bot/reports/export-request';
import type { ReportCatalogue } from '../../bot/reports/question';
import { loadReportCatalogue } from '../../reports/catalogue';
import type { Database } from '../../storage/database';
import { createReportStore } from '../../storage/report-store';
import { seedEntries } from '../../storage/seed';
import { engineName, openTestDatabase } from '../support/database';

const TODAY = '2026-04-15';
const MARCH = { from: '2026-03-01', to: '2026-03-31' };
const CSV_HEADER =
  'id,date,unit,activity,work_form,duration_minutes,total,girls,boys,non_binary,new,age_groups,youth_led,staff_count,themes,notes,created_at';

describe('reading export requests', () => {
  const catalogue: ReportCatalogue = {
    units: [
      { id: 'kallio', name: 'Kallio youth centre', aliases: [] },
      { id: 'kipina', name: 'Nuorisotalo Kipinä', aliases: ['Kipinä', 'Kipinän', 'Kipinässä'] },
    ],
    activities: [],
    themes: [],
  };
  const parse = (text: string) => parseExportRequest(text, { today: TODAY, catalogue });

  it.each([
    ['export March as Excel', MARCH, [], 'xlsx'],
    ['export last month csv', MARCH, [], 'csv'],
    ['Export last month', MARCH, [], 'xlsx'],
    ['please download 2025 entries as a CSV file', { from: '2025-01-01', to: '2025-12-31' }, [], 'csv'],
    ['export Kallio youth centre 2026 as xlsx', { from: '2026-01-01', to: '2026-12-31' }, ['kallio'], 'xlsx'],
    ["give me last month's entries in Excel", MARCH, [], 'xlsx'],
    ['last month as excel', MARCH, [], 'xlsx'],
    ['vie maaliskuu Exceliin', MARCH, [], 'xlsx'],
    ['lataa tämän vuoden merkinnät csv:nä', { from: '2026-01-01', to: '2026-12-31' }, [], 'csv'],
    ['anna viime kuun merkinnät csv-tiedostona', MARCH, [], 'csv'],
    ['vie Kipinän syksyn merkinnät Exceliin', { from: '2025-08-01', to: '2025-12-31' }, ['kipina'], 'xlsx'],
    ['exportera mars som Excel', MARCH, [], 'xlsx'],
    ['exportera förra månaden till csv', MARCH, [], 'csv'],
    ['ge mig förra månaden som Excel-fil', MARCH, [], 'xlsx'],
    ['kan du exportera inläggen från 2025 till csv?', { from: '2025-01-01', to: '2025-12-31' }, [], 'csv'],
  ])('reads "%s"', (text, period, unitIds, format) => {
    expect(parse(text)).toEqual({ period, unitIds, format });
  });

  it.each(['export to Excel', 'export', 'vie merkinnät Exceliin', 'exportera som csv'])('asks for the period of "%s"', (text) => {
    expect(parse(text)).toEqual({ missing: 'period' });
  });

  it.each([
    'export workshop with 12 kids',
    'export workshop tonight',
    'Export workshop at Kallio youth centre today, 12 young people, talked about school',
    'we talked about exporting games, 5 kids',
    'drop-in tonight, talked about exporting photos to excel',
    'Excel course at Kipinä yesterday, 8 nuorta',
    'excellent evening at Kipinä today',
    'vie nuoret uimaan huomenna',
    'vietiin nuoret keilaamaan maaliskuussa',
    'lataa kuvat',
    'gör en utflykt med ungdomarna i mars',
    'exporterade bilder med 6 ungdomar igår',
    'how many participants last month',
    'csv',
    '',
  ])('leaves "%s" alone', (text) => {
    expect(parse(text)).toBeNull();
  });

  it('names files in ASCII', () => {
    expect(exportFilename(MARCH, [], 'xlsx')).toBe('logbook-2026-03.xlsx');
    expect(exportFilename({ from: '2025-01-01', to: '2025-12-31' }, ['Nuorisotalo Kipinä'], 'csv')).toBe('logbook-nuorisotalo-kipina-2025.csv');
    expect(exportFilename({ from: '2026-03-02', to: '2026-03-08' }, ['Fältteamet / Ö'], 'csv')).toBe('logbook-faltteamet-o-2026-03-02_2026-03-08.csv');
    expect(exportFilename({ from: '2025-08-01', to: '2025-12-31' }, [], 'xlsx')).toBe('logbook-2025-08_2025-12.xlsx');
  });
});

describe(`exports in chat on ${engineName()}`, () => {
  let database: Database;
  let store: ReportStore;
  let orgA: string;
  let orgB: string;
  const query = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => database.dataSource.query<T[]>(sql, params);

  async function member(organisationId: string, role: Role, unitIds: string[] = []): Promise<MemberInfo> {
    const [row] = await query<{ id: string }>(
      'INSERT INTO members (organisation_id, display_name, role, unit_ids) VALUES ($1, $2, $3, $4::uuid[]) RETURNING id',
      [organisationId, `Export ${role}`, role, unitIds],
    );
    return { id: row.id, organisationId, displayName: `Export ${role}`, role, locale: null };
  }

  async function context(organisationId: string, who: MemberInfo, locale: Locale, reports = store): Promise<ReportChatContext> {
    return { reports, organisationId, member: who, locale, today: TODAY, catalogue: await loadReportCatalogue(database.dataSource, organisationId), state: null };
  }

  /** The ids of an organisation's live entries in a period, optionally of one unit, as the database has them. */
  async function liveIds(organisationId: string, period: { from: string; to: string }, unitId: string | null = null): Promise<string[]> {
    const rows = await query<{ id: string }>(
      `SELECT id FROM entries WHERE organisation_id = $1 AND deleted_at IS NULL AND date BETWEEN $2 AND $3
          AND ($4::uuid IS NULL OR unit_id = $4::uuid) ORDER BY id`,
      [organisationId, period.from, period.to, unitId],
    );
    return rows.map((row) => row.id);
  }

  async function unitId(organisationId: string, name: string): Promise<string> {
    const [row] = await query<{ id: string }>('SELECT id FROM units WHERE organisation_id = $1 AND name = $2', [organisationId, name]);
    return row.id;
  }

  /** The CSV's rows as [id, date, unit]: those columns hold no commas or line breaks. */
  function csvRows(file: Attachment): string[][] {
    const lines = new TextDecoder().decode(file.data).trimEnd().split('\n');
    expect(lines[0]).toBe(CSV_HEADER);
    return lines.slice(1).map((line) => line.split(',').slice(0, 3));
  }

  const onlyFile = (replies: Reply[] | null): Attachment => {
    expect(replies).toHaveLength(1);
    expect(replies![0].attachments).toHaveLength(1);
    return replies![0].attachments![0];
  };

  beforeAll(async () => {
    database = await openTestDatabase();
    store = createReportStore(database.dataSource);
    const until = new Date(`${TODAY}T10:00:00Z`);
    orgA = await seedEntries(database.dataSource, { organisation: 'Export A', entries: 900, timeZone: 'Europe/Helsinki', seed: 1, days: 500, until });
    orgB = await seedEntries(database.dataSource, { organisation: 'Export B', entries: 600, timeZone: 'Europe/Helsinki', seed: 2, days: 500, until });
    // Soft-deleted entries of March must not be exported.
    await query(
      `UPDATE entries SET deleted_at = now() WHERE id IN
         (SELECT id FROM entries WHERE organisation_id = $1 AND date BETWEEN '2026-03-01' AND '2026-03-31' ORDER BY id LIMIT 4)`,
      [orgA],
    );
  });
  afterAll(() => database.close());

  it("sends a mentor the CSV of exactly the organisation's live entries of the period", async () => {
    const expected = await liveIds(orgA, MARCH);
    const [deleted] = await query<{ n: number }>("SELECT count(*)::int AS n FROM entries WHERE organisation_id = $1 AND deleted_at IS NOT NULL", [orgA]);
    expect(deleted.n).toBe(4);
    expect(expected.length).toBeGreaterThan(20);

    const mentor = await member(orgA, 'mentor');
    const replies = await answerExportRequest('export March csv', await context(orgA, mentor, 'en'));
    expect(replies![0].text).toBe(`Here are the ${expected.length} entries of March 2026 (CSV).`);
    const file = onlyFile(replies);
    expect(file).toMatchObject({ kind: 'file', filename: 'logbook-2026-03.csv', contentType: 'text/csv', description: 'Logbook entries, March 2026 (CSV)' });
    const rows = csvRows(file);
    expect(rows.map(([id]) => id).sort()).toEqual(expected);
    expect(rows.every(([, date]) => date >= MARCH.from && date <= MARCH.to)).toBe(true);
  });

  it('sends an Excel file that opens with the right rows, in Finnish', async () => {
    const expected = await liveIds(orgA, MARCH);
    const mentor = await member(orgA, 'mentor');
    const replies = await answerExportRequest('vie maaliskuu Exceliin', await context(orgA, mentor, 'fi'));
    expect(replies![0].text).toBe(`Tässä ${expected.length} merkintää ajalta maaliskuu 2026 (Excel).`);
    const file = onlyFile(replies);
    expect(file.filename).toBe('logbook-2026-03.xlsx');
    expect(file.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');

    const workbook = new ExcelJS.Workbook();
    // exceljs declares its own Buffer type (an ArrayBuffer); a copy of the bytes is one.
    await workbook.xlsx.load(file.data.slice().buffer);
    const sheet = workbook.getWorksheet('entries')!;
    expect(sheet.rowCount).toBe(expected.length + 1);
    expect(sheet.getRow(1).getCell(1).value).toBe('id');
    const ids: string[] = [];
    sheet.eachRow((row, number) => {
      if (number > 1) ids.push(String(row.getCell(1).value));
    });
    expect(ids.sort()).toEqual(expected);
  });

  it("gives the other organisation only its own entries, in Swedish", async () => {
    const expected = await liveIds(orgB, MARCH);
    const mentor = await member(orgB, 'mentor');
    const replies = await answerExportRequest('exportera förra månaden till csv', await context(orgB, mentor, 'sv'));
    expect(replies![0].text).toBe(`Här är de ${expected.length} inläggen från mars 2026 (CSV).`);
    expect(csvRows(onlyFile(replies)).map(([id]) => id).sort()).toEqual(expected);
  });

  it('exports the named unit only, and says so', async () => {
    const majakka = await unitId(orgA, 'Nuorisotalo Majakka');
    const expected = await liveIds(orgA, MARCH, majakka);
    const mentor = await member(orgA, 'mentor');
    const replies = await answerExportRequest('export Majakka March as csv', await context(orgA, mentor, 'en'));
    expect(replies![0].text).toBe(`Here are the ${expected.length} entries of March 2026 (CSV). Units: Nuorisotalo Majakka.`);
    const file = onlyFile(replies);
    expect(file.filename).toBe('logbook-nuorisotalo-majakka-2026-03.csv');
    expect(csvRows(file).map(([id]) => id).sort()).toEqual(expected);
  });

  it('refuses a worker before reading anything', async () => {
    const calls: string[] = [];
    const recording = Object.fromEntries(
      Object.entries(store).map(([name, method]) => [name, (...args: unknown[]) => (calls.push(name), (method as (...a: unknown[]) => unknown)(...args))]),
    ) as unknown as ReportStore;
    const worker = await member(orgA, 'worker');
    const replies = await answerExportRequest('vie maaliskuu Exceliin', await context(orgA, worker, 'fi', recording));
    expect(replies).toEqual([{ text: PHRASES.refusedReports.fi, locale: 'fi' }]);
    expect(calls).toEqual([]);
    // A worker's log that mentions exporting is no export request at all.
    expect(await answerExportRequest('export workshop with 12 kids', await context(orgA, worker, 'en', recording))).toBeNull();
  });

  it("gives a manager limited to one unit only that unit's entries", async () => {
    const majakka = await unitId(orgA, 'Nuorisotalo Majakka');
    const year = { from: '2025-01-01', to: '2025-12-31' };
    const expected = await liveIds(orgA, year, majakka);
    expect((await liveIds(orgA, year)).length).toBeGreaterThan(expected.length);
    const manager = await member(orgA, 'manager', [majakka]);
    const ctx = await context(orgA, manager, 'en');

    const replies = await answerExportRequest('export 2025 as csv', ctx);
    expect(replies![0].text).toBe(`Here are the ${expected.length} entries of 2025 (CSV). Only the entries of your units are included.`);
    const rows = csvRows(onlyFile(replies));
    expect(rows.map(([id]) => id).sort()).toEqual(expected);
    expect(new Set(rows.map(([, , unit]) => unit))).toEqual(new Set(['Nuorisotalo Majakka']));

    // Another unit is outside the manager's units: nothing to send.
    const other = await answerExportRequest('export Kipinä 2025 as csv', ctx);
    expect(other).toEqual([{ text: 'There are no entries for 2025, so there is no file this time.', locale: 'en' }]);
  });

  it('answers politely when there is nothing to export', async () => {
    const mentor = await member(orgA, 'mentor');
    expect(await answerExportRequest('export March 2020 as Excel', await context(orgA, mentor, 'en'))).toEqual([
      { text: 'There are no entries for March 2020, so there is no file this time.', locale: 'en' },
    ]);
  });

  it('asks for the period rather than guessing', async () => {
    const mentor = await member(orgA, 'mentor');
    const replies = await answerExportRequest('exportera som Excel', await context(orgA, mentor, 'sv'));
    expect(replies).toEqual([{ text: PHRASES.exportClarifyPeriod.sv, locale: 'sv' }]);
  });

  it('refuses an export above the row limit, pointing to the command line', async () => {
    const small = createReportStore(database.dataSource, { exportRowLimit: 10 });
    const mentor = await member(orgA, 'mentor');
    const replies = await answerExportRequest('export 2025 as Excel', await context(orgA, mentor, 'en', small));
    const [count] = await liveIds(orgA, { from: '2025-01-01', to: '2025-12-31' }).then((ids) => [ids.length]);
    expect(replies).toEqual([
      {
        text: `That would be ${count} entries, more than the 10 I can send in chat. Ask for a shorter period, or ask your administrator for the command line export (npx logbook export).`,
        locale: 'en',
      },
    ]);
  });
});
