import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../../bot/nlu';
import type { EntryFields } from '../../bot/entry';
import { TEST_CTX } from './catalogue';

interface Case {
  id: string;
  text: string;
  expect: Partial<Omit<EntryFields, 'participants'>> & { participants?: Partial<EntryFields['participants']> };
}

function load(file: string): Case[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Case);
}

const FIELDS = ['date', 'unit', 'activity', 'workForm', 'durationMinutes', 'ageGroups', 'youthLed', 'staffCount'] as const;

function check(c: Case): void {
  const got = extract(c.text, TEST_CTX);
  for (const f of FIELDS) {
    if (c.expect[f] !== undefined) expect({ id: c.id, [f]: got[f] }).toEqual({ id: c.id, [f]: c.expect[f] });
  }
  for (const [k, v] of Object.entries(c.expect.participants ?? {})) {
    expect({ id: c.id, [k]: got.participants[k as keyof EntryFields['participants']] }).toEqual({ id: c.id, [k]: v });
  }
  if (c.expect.themes) expect({ id: c.id, themes: [...got.themes].sort() }).toEqual({ id: c.id, themes: [...c.expect.themes].sort() });
}

const own = load(join(__dirname, 'cases.jsonl'));

describe('own extraction cases', () => {
  it('has at least 150 cases in fi, sv and en', () => {
    expect(own.length).toBeGreaterThanOrEqual(150);
    for (const lang of ['fi', 'sv', 'en']) expect(own.filter((c) => c.id.includes(`${lang}`)).length).toBeGreaterThan(40);
  });
  it.each(own.map((c) => [c.id, c] as const))('%s', (_id, c) => check(c));
});

const SHARED = join(__dirname, '..', '..', '..', 'shared', 'samples', 'extraction.jsonl');
const shared = existsSync(SHARED) ? load(SHARED) : [];

(shared.length ? describe : describe.skip)('shared samples', () => {
  it.each((shared.length ? shared : [{ id: 'none', text: '', expect: {} }]).map((c) => [c.id, c] as const))(
    '%s',
    (_id, c) => check(c),
  );
});
