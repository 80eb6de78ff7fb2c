import type { Command } from 'commander';
import { loadConfig } from '../../../app/config';
import { migrate, openDatabase } from '../../../storage/database';
import { runAction } from '../run-action';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations')
    .action(
      runAction(async () => {
        const config = loadConfig();
        const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.LOGBOOK_DATA_DIR });
        try {
          const applied = await migrate(database);
          process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'The database is up to date.\n');
        } finally {
          await database.close();
        }
      }),
    );
}
