import { loadConfig } from '../../app/config';
import { migrate, openDatabase, type Database } from '../../storage/database';

/** Opens and migrates the configured database for one command, and closes it afterwards. */
export async function withDatabase<T>(use: (database: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.LOGBOOK_DATA_DIR });
  try {
    await migrate(database);
    return await use(database);
  } finally {
    await database.close();
  }
}
