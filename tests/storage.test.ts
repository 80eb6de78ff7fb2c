import { DataSource } from 'typeorm';
import { Entry, Organisation, Unit } from '../storage/entities';
import { migrate, type Database } from '../storage/database';
import { createDirectoryStore } from '../storage/directory-store';
import { pgPool, poolQuery } from '../storage/pg-pool';
import { ensureOrganisation } from '../storage/organisations';
import { engineName, openTestDatabase } from './support/database';

describe(`storage on ${engineName()}`, () => {
  let database: Database;
  let ds: DataSource;
  let orgId: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    ds = database.dataSource;
    orgId = (await ensureOrganisation(ds, { name: 'Storage test', timeZone: 'Europe/Helsinki' })).id;
  });
  afterAll(() => database.close());

  it('migrates from empty to a schema that matches the entities', async () => {
    expect(await migrate(database)).toEqual([]);
    const pending = await ds.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  describe('named statements after a failed query', () => {
    const named = { name: 'storage_test_named', text: 'SELECT $1::int + 1 AS n', values: [1] };

    it('keep working when the failure went through poolQuery, which keeps the connection', async () => {
      const pool = pgPool(ds);
      expect((await poolQuery(pool, named)).rows).toEqual([{ n: 2 }]);
      await expect(poolQuery(pool, 'SELECT 1 / 0')).rejects.toThrow('division by zero');
      expect((await poolQuery(pool, named)).rows).toEqual([{ n: 2 }]);
    });

    it('keep working after a failed statement in a transaction of its own query string, which is rolled back', async () => {
      const pool = pgPool(ds);
      await expect(poolQuery(pool, 'BEGIN; SELECT 1 / 0; COMMIT;')).rejects.toThrow('division by zero');
      expect((await poolQuery(pool, named)).rows).toEqual([{ n: 2 }]);
      expect((await ds.query('SELECT 1 AS one')) as unknown).toEqual([{ one: 1 }]);
    });

    it('are prepared again on the connection that replaces one the pool closed', async () => {
      const pool = pgPool(ds);
      expect((await pool.query(named)).rows).toEqual([{ n: 2 }]);
      await expect(pool.query('SELECT 1 / 0')).rejects.toThrow('division by zero');
      // PGlite may refuse the new connection until the old one is gone; it must never say the name is taken.
      const errors: string[] = [];
      for (let attempt = 0; attempt < 50; attempt += 1) {
        try {
          expect((await pool.query(named)).rows).toEqual([{ n: 2 }]);
          break;
        } catch (error) {
          errors.push(String(error));
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }
      expect(errors.filter((error) => error.includes('already exists'))).toEqual([]);
      expect((await pool.query(named)).rows).toEqual([{ n: 2 }]);
    });
  });

  it('creates an organisation once, with default units and themes', async () => {
    const again = await ensureOrganisation(ds, { name: 'Storage test', timeZone: 'Europe/Helsinki' });
    expect(again.id).toBe(orgId);
    expect(await ds.getRepository(Unit).countBy({ organisationId: orgId })).toBeGreaterThan(0);
    const [{ themes }] = await ds.query('SELECT count(*) AS themes FROM themes WHERE organisation_id = $1', [orgId]);
    expect(themes).toBe(15);
  });

  it('round-trips an entry with arrays, json and nulls', async () => {
    const repo = ds.getRepository(Entry);
    const saved = await repo.save(
      repo.create({
        organisationId: orgId,
        date: '2026-11-25',
        workForm: 'open',
        durationMinutes: 240,
        total: 23,
        girls: 10,
        boys: 13,
        nonBinary: null,
        newParticipants: 2,
        ageGroups: ['13-17'],
        youthLed: false,
        staffCount: 2,
        themes: ['digital', 'school'],
        notes: 'Pool tournament, talk about online gambling',
        reflections: { q1: 'Went well' },
        channel: 'local',
        sourceMessageId: 'msg-1',
      }),
    );
    const loaded = await repo.findOneByOrFail({ organisationId: orgId, id: saved.id });
    expect(loaded).toMatchObject({
      date: '2026-11-25',
      total: 23,
      nonBinary: null,
      ageGroups: ['13-17'],
      themes: ['digital', 'school'],
      reflections: { q1: 'Went well' },
    });
  });

  it('refuses a second entry from the same source message', async () => {
    const insert = () =>
      ds.query(
        "INSERT INTO entries (organisation_id, date, channel, source_message_id) VALUES ($1, '2026-11-25', 'local', 'dup-1')",
        [orgId],
      );
    await insert();
    await expect(insert()).rejects.toThrow(/duplicate key/);
  });

  it('returns count and sum as numbers', async () => {
    const [row] = await ds.query(
      'SELECT count(*) AS entries, sum(total) AS participants, avg(total) AS mean FROM entries WHERE organisation_id = $1',
      [orgId],
    );
    expect(typeof row.entries).toBe('number');
    expect(typeof row.participants).toBe('number');
    expect(typeof row.mean).toBe('number');
  });

  it('keeps transactions isolated: a rollback keeps the write that ran beside it', async () => {
    let releaseTransaction!: () => void;
    const held = new Promise<void>((resolve) => (releaseTransaction = resolve));
    let insideTransaction!: () => void;
    const entered = new Promise<void>((resolve) => (insideTransaction = resolve));

    const rolledBack = ds
      .transaction(async (manager) => {
        await manager.insert(Unit, { organisationId: orgId, name: 'Rolled back unit', aliases: [] });
        insideTransaction();
        await held;
        throw new Error('roll back');
      })
      .catch((error: Error) => error.message);

    await entered;
    const concurrentSave = ds.getRepository(Unit).save({ organisationId: orgId, name: 'Concurrent unit', aliases: [] });
    // Give the concurrent save every chance to run inside the open transaction before it rolls back.
    await new Promise((resolve) => setTimeout(resolve, 100));
    releaseTransaction();

    expect(await rolledBack).toBe('roll back');
    await concurrentSave;
    const names = (await ds.getRepository(Unit).findBy({ organisationId: orgId })).map((unit) => unit.name);
    expect(names).toContain('Concurrent unit');
    expect(names).not.toContain('Rolled back unit');
  });

  it('scopes unique names to the organisation', async () => {
    const other = await ensureOrganisation(ds, { name: 'Other org', timeZone: 'Europe/Stockholm', defaultLocale: 'sv' });
    expect(other.id).not.toBe(orgId);
    expect(await ds.getRepository(Organisation).countBy({})).toBeGreaterThanOrEqual(2);
    const ownUnits = await ds.getRepository(Unit).findBy({ organisationId: other.id });
    expect(ownUnits.map((u) => u.name)).not.toContain('Concurrent unit');
  });

  // Found by the fuzz run: a workspace signed up twice at once broke the unique tenant, and a third workspace
  // of the same name broke the unique name, each failing its user's message.
  it('creates a workspace organisation once per workspace, under the first free name', async () => {
    const directory = createDirectoryStore(ds);
    const spec = { name: 'Youth services', timeZone: 'Europe/Helsinki', defaultLocale: 'en' as const, channel: 'teams' };
    const first = await directory.createOrganisation({ ...spec, tenant: 'tenant-same-prefix-1' });
    expect(first?.name).toBe('Youth services');
    expect(await directory.createOrganisation({ ...spec, tenant: 'tenant-same-prefix-1' })).toBeNull();
    const names = [];
    for (const tenant of ['tenant-same-prefix-2', 'tenant-same-prefix-3', 'tenant-same-prefix-4']) names.push((await directory.createOrganisation({ ...spec, tenant }))?.name);
    expect(names).toEqual(['Youth services (tenant-s)', 'Youth services (tenant-same-prefix-3)', 'Youth services (tenant-same-prefix-4)']);
    expect(await directory.createOrganisation({ ...spec, channel: 'slack', tenant: 'tenant-same-prefix-1' })).toMatchObject({ name: 'Youth services (tenant-same-prefix-1)' });
  });

  it('shares one theme catalogue between organisations with the same themes, so its matcher is compiled once', async () => {
    const directory = createDirectoryStore(ds);
    const first = await ensureOrganisation(ds, { name: 'Same themes A', timeZone: 'Europe/Helsinki' });
    const second = await ensureOrganisation(ds, { name: 'Same themes B', timeZone: 'Europe/Helsinki' });
    const [a, b] = await Promise.all([directory.catalogue(first.id), directory.catalogue(second.id)]);
    expect(a.themes.length).toBeGreaterThan(0);
    expect(a.themes).toBe(b.themes);
    await ds.query(`UPDATE themes SET keywords = '{"en": ["kayak"], "fi": ["kajakki"], "sv": ["kajak"]}' WHERE organisation_id = $1 AND key = 'sports'`, [second.id]);
    const changed = await createDirectoryStore(ds).catalogue(second.id);
    expect(changed.themes).not.toBe(a.themes);
    expect(changed.themes.find((theme) => theme.key === 'sports')?.keywords.en).toEqual(['kayak']);
  });
});
