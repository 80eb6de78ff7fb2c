import { Transform, type Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ExportedEntry } from './entry-stream';

// exceljs and csv-stringify are loaded on the first export: most processes never export, and exceljs
// alone costs the server ~7 MB of heap and ~20 MB of resident memory.

export const EXPORT_FORMATS = ['csv', 'xlsx', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Flat columns for CSV and XLSX, in order. */
const COLUMNS: [string, (entry: ExportedEntry) => string | number | boolean | null][] = [
  ['id', (e) => e.id],
  ['date', (e) => e.date],
  ['unit', (e) => e.unit],
  ['activity', (e) => e.activity],
  ['work_form', (e) => e.workForm],
  ['duration_minutes', (e) => e.durationMinutes],
  ['total', (e) => e.participants.total],
  ['girls', (e) => e.participants.girls],
  ['boys', (e) => e.participants.boys],
  ['non_binary', (e) => e.participants.nonBinary],
  ['new', (e) => e.participants.new],
  ['age_groups', (e) => e.ageGroups?.join(';') ?? null],
  ['youth_led', (e) => e.youthLed],
  ['staff_count', (e) => e.staffCount],
  ['themes', (e) => e.themes.join(';')],
  ['notes', (e) => e.notes],
  ['created_at', (e) => e.createdAt],
];

const flatten = (entry: ExportedEntry) => COLUMNS.map(([, value]) => value(entry));

/** Writes the entries to `out` in the format; resolves with the number of entries written. */
export async function writeExport(entries: Readable, format: ExportFormat, out: Writable): Promise<number> {
  let count = 0;
  const counted = new Transform({
    objectMode: true,
    transform(entry: ExportedEntry, _encoding, callback) {
      count++;
      callback(null, entry);
    },
  });
  if (format === 'xlsx') {
    await writeXlsx(entries.pipe(counted), out);
    return count;
  }
  const encode =
    format === 'csv'
      ? [
          new Transform({ objectMode: true, transform: (entry, _e, cb) => cb(null, flatten(entry)) }),
          (await import('csv-stringify')).stringify({ header: true, columns: COLUMNS.map(([name]) => name), cast: { boolean: (v) => String(v) } }),
        ]
      : [new Transform({ writableObjectMode: true, transform: (entry, _e, cb) => cb(null, JSON.stringify(entry) + '\n') })];
  await pipeline(entries, counted, ...encode, out);
  return count;
}

/** exceljs's streaming writer commits each row, so memory stays flat however many rows there are. */
async function writeXlsx(entries: AsyncIterable<ExportedEntry>, out: Writable): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet('entries');
  sheet.columns = COLUMNS.map(([name]) => ({ header: name, key: name }));
  for await (const entry of entries) sheet.addRow(flatten(entry)).commit();
  sheet.commit();
  await workbook.commit();
}
