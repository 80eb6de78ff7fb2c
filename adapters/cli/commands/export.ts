import { createWriteStream } from 'node:fs';
import { Writable } from 'node:stream';
import { Option, type Command } from 'commander';
import { loadConfig } from '../../../app/config';
import { migrate, openDatabase } from '../../../storage/database';
import { findOrganisationByName } from '../../../storage/organisations';
import { streamEntries } from '../../../reports/export/entry-stream';
import { EXPORT_FORMATS, writeExport, type ExportFormat } from '../../../reports/export/formats';
import { isoDate } from '../options';
import { runAction, UsageError } from '../run-action';

/** process.stdout must not be ended by a pipeline; this wrapper lets it drain instead. */
function stdoutSink(): Writable {
  return new Writable({
    write(chunk, _encoding, callback) {
      if (process.stdout.write(chunk)) callback();
      else process.stdout.once('drain', () => callback());
    },
  });
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description("stream an organisation's entries to stdout or a file")
    .requiredOption('--org <name>', 'organisation name')
    .addOption(new Option('--format <format>', 'output format').choices([...EXPORT_FORMATS]).default('csv'))
    .option('--from <date>', 'first date, YYYY-MM-DD', isoDate)
    .option('--to <date>', 'last date, YYYY-MM-DD', isoDate)
    .option('--out <file>', 'write to this file instead of stdout')
    .action(
      runAction(async (options: { org: string; format: ExportFormat; from?: string; to?: string; out?: string }) => {
        const config = loadConfig();
        const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.LOGBOOK_DATA_DIR });
        try {
          await migrate(database);
          const organisation = await findOrganisationByName(database.dataSource, options.org);
          if (!organisation) throw new UsageError(`no organisation is called "${options.org}"`);
          const { entries, release } = await streamEntries(database.dataSource, {
            organisationId: organisation.id,
            from: options.from,
            to: options.to,
          });
          try {
            const out = options.out ? createWriteStream(options.out) : stdoutSink();
            const count = await writeExport(entries, options.format, out);
            if (options.out) process.stderr.write(`Exported ${count.toLocaleString('en')} entries to ${options.out}\n`);
          } finally {
            await release();
          }
        } finally {
          await database.close();
        }
      }),
    );
}
