import type { Command } from 'commander';
import type { Catalogue } from '../../../bot/nlu/catalogue';
import { isoDate } from '../options';
import { runAction, UsageError } from '../run-action';

export function registerParse(program: Command): void {
  program
    .command('parse')
    .description('print how the bot reads a log message, as an entry in JSON; writes nothing (uses the model when OPENAI_API_KEY is set)')
    .argument('<text...>', 'the message')
    .option('--today <date>', 'the date to read "today" and "yesterday" against, YYYY-MM-DD', isoDate)
    .option('--org <name>', "use this organisation's units, activities and themes (default: the default catalogue)")
    .action(
      runAction(async (words: string[], options: { today?: string; org?: string }) => {
        // Loaded here so parse starts fast and needs no database without --org.
        const { loadConfig } = await import('../../../app/config');
        const { DEFAULT_THEMES } = await import('../../../bot/nlu');
        const { understandFromConfig } = await import('../../../app/understanding');
        const { todayIn } = await import('../../../bot/time');
        const config = loadConfig();
        let catalogue: Catalogue = { units: [], activities: [], themes: DEFAULT_THEMES };
        let timeZone = config.LOGBOOK_TIME_ZONE;
        if (options.org) {
          const { openDatabase } = await import('../../../storage/database');
          const { findOrganisationByName } = await import('../../../storage/organisations');
          const { createDirectoryStore } = await import('../../../storage/directory-store');
          const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.LOGBOOK_DATA_DIR });
          try {
            const organisation = await findOrganisationByName(database.dataSource, options.org);
            if (!organisation) throw new UsageError(`no organisation is called "${options.org}"`);
            catalogue = await createDirectoryStore(database.dataSource).catalogue(organisation.id);
            timeZone = organisation.timeZone;
          } finally {
            await database.close();
          }
        }
        const understand = understandFromConfig(config, {
          warn: (details, message) => process.stderr.write(`${message}: ${JSON.stringify(details)}\n`),
        });
        const entry = await understand(words.join(' '), { today: options.today ?? todayIn(timeZone), catalogue });
        process.stdout.write(`${JSON.stringify(entry, null, 2)}\n`);
      }),
    );
}
