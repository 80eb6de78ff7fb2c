import { createJobScheduler, type JobScheduler } from '../app/jobs';
import { createLogger } from '../app/logger';
import { RETENTION_JOB } from '../app/scheduled-jobs';
import type { Database } from '../storage/database';
import { ensureOrganisation } from '../storage/organisations';
import { startTestApp } from './support/app';
import { engineName, openTestDatabase } from './support/database';

async function until(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not true within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe(`scheduled jobs (pg-boss) on ${engineName()}`, () => {
  let database: Database;
  const schedulers: JobScheduler[] = [];
  const runs: string[] = [];

  beforeAll(async () => {
    database = await openTestDatabase();
    const logger = createLogger('silent');
    // Two instances of the service on one database.
    for (const instance of ['a', 'b']) {
      const job = { name: 'test-daily', cron: '15 4 * * *', run: async () => void runs.push(instance) };
      schedulers.push(createJobScheduler(database.dataSource, logger, [job], { timeZone: 'Europe/Helsinki', pollingIntervalSeconds: 0.5 }));
    }
    for (const scheduler of schedulers) await scheduler.start();
  });
  afterAll(async () => {
    for (const scheduler of schedulers) await scheduler.stop();
    await database.close();
  });

  it('stores one schedule in the database, whatever the number of instances', async () => {
    const rows = await database.dataSource.query(`SELECT name, cron, timezone FROM pgboss.schedule WHERE name = 'test-daily'`);
    expect(rows).toEqual([{ name: 'test-daily', cron: '15 4 * * *', timezone: 'Europe/Helsinki' }]);
  });

  it('runs a queued job once, on one instance', async () => {
    expect(await schedulers[1].trigger('test-daily')).toBe(true);
    await until(async () => runs.length > 0);
    // Both workers poll every half second: give the other every chance to run it too.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(runs).toHaveLength(1);
  });
});

describe(`the service schedules retention on ${engineName()}`, () => {
  it('registers the daily job at start-up and runs it when triggered', async () => {
    const app = await startTestApp({ LOGBOOK_TIME_ZONE: 'Europe/Stockholm' });
    try {
      const ds = app.database.dataSource;
      expect(await ds.query(`SELECT cron, timezone FROM pgboss.schedule WHERE name = $1`, [RETENTION_JOB])).toEqual([
        { cron: '30 3 * * *', timezone: 'Europe/Stockholm' },
      ]);
      const organisation = await ensureOrganisation(ds, { name: 'Scheduled', timeZone: 'Europe/Helsinki' });
      await ds.query(`UPDATE organisations SET settings = '{"noteRetentionDays": 7}' WHERE id = $1`, [organisation.id]);
      const [old] = await ds.query(
        `INSERT INTO entries (organisation_id, date, work_form, notes, channel) VALUES ($1, current_date - 10, 'open', 'old', 'local') RETURNING id`,
        [organisation.id],
      );
      expect(await app.jobs.trigger(RETENTION_JOB)).toBe(true);
      await until(async () => (await ds.query('SELECT notes FROM entries WHERE id = $1', [old.id]))[0].notes === null);
    } finally {
      await app.stop();
    }
  });
});
