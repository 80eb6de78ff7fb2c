import type { DataSource } from 'typeorm';
import { WORK_FORMS, type WorkForm } from '../bot/entry';
import { ensureOrganisation } from './organisations';

export interface SeedOptions {
  organisation: string;
  entries: number;
  timeZone: string;
  /** Seed of the random generator, so a run can be repeated. */
  seed?: number;
  batchSize?: number;
  /** Entries fall within this many days before `until`. */
  days?: number;
  until?: Date;
  onProgress?: (done: number, total: number) => void;
}

const STAFF = ['Seed worker A', 'Seed worker B', 'Seed worker C', 'Seed worker D', 'Seed worker E'];

const NOTES = [
  'Pelattiin biljardia ja juteltiin kouluasioista.',
  'Lots of talk about exams and summer jobs.',
  'Vi pratade om vänskap och stress inför proven.',
  'Rauhallinen ilta, muutama uusi kävijä.',
  'Cooking night, everyone joined in.',
  'Mycket snack om gaming och sömn.',
  'Keskusteltiin päihteistä ja vapettamisesta.',
  'Planned the spring event with the youth council.',
];

/** Participant ranges by work form: [min, max]. */
const SIZE: Record<WorkForm, [number, number]> = {
  open: [5, 45],
  group: [4, 16],
  individual: [1, 1],
  event: [30, 250],
  outreach: [3, 30],
  digital: [3, 40],
  camp: [8, 40],
};

/** A small seeded generator (mulberry32), so seeded data can be reproduced. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const INSERT_BATCH = `
  INSERT INTO entries (organisation_id, date, unit_id, activity_id, work_form, duration_minutes, total, girls, boys,
                       non_binary, new_participants, youth_led, staff_count, themes, notes, author_id, channel,
                       created_at, updated_at)
  SELECT $1, d, u, a, wf, dm, t, g, b, nb, n, yl, sc, string_to_array(th, ','), nt, au, 'seed', ca, ca
    FROM unnest($2::date[], $3::uuid[], $4::uuid[], $5::text[], $6::int[], $7::int[], $8::int[], $9::int[],
                $10::int[], $11::int[], $12::bool[], $13::int[], $14::text[], $15::text[], $16::uuid[], $17::timestamptz[])
      AS rows(d, u, a, wf, dm, t, g, b, nb, n, yl, sc, th, nt, au, ca)`;

/** Writes realistic random entries in batches; returns the organisation id. */
export async function seedEntries(dataSource: DataSource, options: SeedOptions): Promise<string> {
  const organisation = await ensureOrganisation(dataSource, { name: options.organisation, timeZone: options.timeZone });
  const orgId = organisation.id;
  const authors = await ensureStaff(dataSource, orgId);
  const units: { id: string }[] = await dataSource.query(
    'SELECT id FROM units WHERE organisation_id = $1 AND archived_at IS NULL',
    [orgId],
  );
  const activities: { id: string; unit_id: string | null; work_form: WorkForm | null }[] = await dataSource.query(
    'SELECT id, unit_id, work_form FROM activities WHERE organisation_id = $1 AND archived_at IS NULL',
    [orgId],
  );
  const themes: string[] = (
    await dataSource.query('SELECT key FROM themes WHERE organisation_id = $1 AND archived_at IS NULL', [orgId])
  ).map((row: { key: string }) => row.key);

  const next = random(options.seed ?? 42);
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)];
  const between = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const days = options.days ?? 730;
  const until = (options.until ?? new Date()).getTime();
  const batchSize = options.batchSize ?? 5000;

  for (let done = 0; done < options.entries; ) {
    const size = Math.min(batchSize, options.entries - done);
    const columns: unknown[][] = Array.from({ length: 16 }, () => new Array(size));
    for (let i = 0; i < size; i++) {
      const createdAt = new Date(until - next() * days * 86_400_000);
      const activity = units.length && next() < 0.5 && activities.length ? pick(activities) : null;
      const unitId = activity?.unit_id ?? (units.length ? pick(units).id : null);
      const workForm = activity?.work_form ?? pick([...WORK_FORMS]);
      const [min, max] = SIZE[workForm];
      const total = between(min, max);
      const girls = Math.floor(total * (0.3 + next() * 0.4));
      const nonBinary = next() < 0.1 ? Math.min(total - girls, between(0, 2)) : 0;
      const entryThemes = Array.from({ length: between(0, 3) }, () => pick(themes));
      const row = [
        createdAt.toISOString().slice(0, 10),
        unitId,
        activity?.id ?? null,
        workForm,
        workForm === 'individual' ? between(1, 4) * 15 : between(2, 10) * 30,
        total,
        girls,
        total - girls - nonBinary,
        nonBinary,
        Math.min(total, between(0, 3)),
        next() < 0.15,
        between(1, 3),
        [...new Set(entryThemes)].join(','),
        next() < 0.6 ? pick(NOTES) : null,
        pick(authors),
        createdAt.toISOString(),
      ];
      row.forEach((value, column) => (columns[column][i] = value));
    }
    await dataSource.query(INSERT_BATCH, [orgId, ...columns]);
    done += size;
    options.onProgress?.(done, options.entries);
  }
  return orgId;
}

async function ensureStaff(dataSource: DataSource, organisationId: string): Promise<string[]> {
  const existing: { id: string }[] = await dataSource.query(
    'SELECT id FROM members WHERE organisation_id = $1 AND display_name = ANY($2)',
    [organisationId, STAFF],
  );
  if (existing.length) return existing.map((row) => row.id);
  const created: { id: string }[] = await dataSource.query(
    `INSERT INTO members (organisation_id, display_name, role)
     SELECT $1, name, 'worker' FROM unnest($2::text[]) AS name RETURNING id`,
    [organisationId, STAFF],
  );
  return created.map((row) => row.id);
}
