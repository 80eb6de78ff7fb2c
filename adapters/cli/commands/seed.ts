import { InvalidArgumentError, type Command } from 'commander';
import { loadConfig } from '../../../app/config';
import { migrate, openDatabase } from '../../../storage/database';
import { seedEntries } from '../../../storage/seed';
import { progressPrinter } from '../progress';
import { runAction } from '../run-action';

const MAX_ENTRIES = 1_000_000;

function entryCount(value: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 0 || count > MAX_ENTRIES) {
    throw new InvalidArgumentError(`must be a whole number from 0 to ${MAX_ENTRIES.toLocaleString('en')}`);
  }
  return count;
}

export function registerSeed(program: Command): void {
  program
    .command('seed')
    .description('create the organisation if missing and write realistic random entries over the last two years')
    .requiredOption('--org <name>', 'organisation name')
    .requiredOption('--entries <n>', `how many entries (up to ${MAX_ENTRIES.toLocaleString('en')})`, entryCount)
    .option('--seed <n>', 'seed of the random generator, to repeat a run', (v) => Number(v), 42)
    .action(
      runAction(async (options: { org: string; entries: number; seed: number }) => {
        const config = loadConfig();
        const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.LOGBOOK_DATA_DIR });
        try {
          await migrate(database);
          const progress = progressPrinter(`Seeding ${options.org}`, process.stderr);
          await seedEntries(database.dataSource, {
            organisation: options.org,
            entries: options.entries,
            timeZone: config.LOGBOOK_TIME_ZONE,
            seed: options.seed,
            onProgress: progress.update,
          });
          progress.finish(options.entries);
        } finally {
          await database.close();
        }
      }),
    );
}
