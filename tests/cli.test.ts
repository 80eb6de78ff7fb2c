import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { createTestDatabaseUrl, engineName } from './support/database';
import { runCli } from './support/cli';
import { startTestApp } from './support/app';

describe('logbook CLI', () => {
  it.each(['serve', 'chat', 'migrate', 'seed', 'export', 'parse'])('%s has --help', async (command) => {
    const result = await runCli([command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Usage: logbook ${command}`);
  });

  it('stops on a malformed DATABASE_URL with one line', async () => {
    const result = await runCli(['migrate'], { DATABASE_URL: 'mysql://nope' });
    expect(result.code).not.toBe(0);
    expect(result.stderr.trim().split('\n')).toEqual([
      'logbook: Invalid configuration: DATABASE_URL: must be a postgres:// or postgresql:// URL',
    ]);
  });

  it('stops on an unreachable DATABASE_URL with one line, password hidden', async () => {
    const result = await runCli(['serve'], { DATABASE_URL: 'postgres://someone:secret@127.0.0.1:1/nothing' });
    expect(result.code).not.toBe(0);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^logbook: Cannot connect to postgres:\/\/someone:\*\*\*@127\.0\.0\.1:1\/nothing: /);
    expect(result.stderr).not.toContain('secret');
  });

  it('stops with one line when the port is taken', async () => {
    const app = await startTestApp();
    try {
      const port = new URL(app.url).port;
      const dir = mkdtempSync(join(tmpdir(), 'logbook-port-'));
      const result = await runCli(['serve'], { PORT: port, HOST: '127.0.0.1', LOGBOOK_DATA_DIR: dir, LOG_LEVEL: 'silent' });
      rmSync(dir, { recursive: true, force: true });
      expect(result.code).toBe(1);
      expect(result.stderr.trim()).toBe(`logbook: Cannot listen on 127.0.0.1:${port}: the port is in use by another program; set PORT to a free port`);
    } finally {
      await app.stop();
    }
  });

  it('refuses a bad --entries value', async () => {
    const result = await runCli(['seed', '--org', 'X', '--entries', '2000000']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/--entries.*1,000,000/);
  });
});

describe(`seed then export on ${engineName()}`, () => {
  let env: Record<string, string>;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'logbook-cli-'));
    const url = await createTestDatabaseUrl();
    env = url ? { DATABASE_URL: url } : { LOGBOOK_DATA_DIR: join(dir, 'data') };
    const seeded = await runCli(['seed', '--org', 'Seeded', '--entries', '3000'], env);
    expect(seeded.stderr).toMatch(/Seeding Seeded: 3,000\/3,000 \(100%\)/);
    expect(seeded.code).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exports CSV with a header and every row', async () => {
    const result = await runCli(['export', '--org', 'Seeded', '--format', 'csv'], env);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      'id,date,unit,activity,work_form,duration_minutes,total,girls,boys,non_binary,new,age_groups,youth_led,staff_count,themes,notes,created_at',
    );
    expect(lines).toHaveLength(3001);
  });

  it('exports JSONL in the entry schema, filtered by date', async () => {
    const all = await runCli(['export', '--org', 'Seeded', '--format', 'jsonl'], env);
    const entries = all.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(entries).toHaveLength(3000);
    expect(Object.keys(entries[0])).toEqual(
      expect.arrayContaining(['date', 'unit', 'activity', 'workForm', 'durationMinutes', 'participants', 'ageGroups', 'youthLed', 'staffCount', 'themes', 'notes']),
    );
    expect(Object.keys(entries[0].participants)).toEqual(['total', 'girls', 'boys', 'nonBinary', 'new']);
    const from = entries[1000].date;
    const to = entries[2000].date;
    const some = await runCli(['export', '--org', 'Seeded', '--format', 'jsonl', '--from', from, '--to', to], env);
    const filtered = some.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(filtered.length).toBe(entries.filter((e) => e.date >= from && e.date <= to).length);
  });

  it('exports XLSX to a file', async () => {
    const file = join(dir, 'entries.xlsx');
    const result = await runCli(['export', '--org', 'Seeded', '--format', 'xlsx', '--out', file], env);
    expect(result.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.getWorksheet('entries')?.rowCount).toBe(3001);
  });

  it('says so when the organisation does not exist', async () => {
    const result = await runCli(['export', '--org', 'Nobody', '--format', 'csv'], env);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('logbook: no organisation is called "Nobody"');
  });
});
