import { Option, type Command } from 'commander';
import { PROCESSED_MESSAGE_DAYS, runRetention } from '../../../storage/retention';
import { runAction } from '../run-action';
import { withDatabase } from '../with-database';

export function registerRetention(program: Command): void {
  const retention = program.command('retention').description('data retention (the service runs it daily)');

  retention
    .command('run')
    .description(
      `clear the notes of entries older than each organisation's noteRetentionDays, delete stored replies older than ` +
        `${PROCESSED_MESSAGE_DAYS} days and the conversation references of removed members, once`,
    )
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(
      runAction(async (options: { format: 'text' | 'json' }) => {
        await withDatabase(async ({ dataSource }) => {
          const result = await runRetention(dataSource);
          if (options.format === 'json') {
            process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
            return;
          }
          for (const o of result.organisations) {
            process.stdout.write(`${o.name}: notes kept ${o.retentionDays} days; cleared on ${o.notesCleared} entries dated before ${o.cutoff}\n`);
          }
          if (!result.organisations.length) process.stdout.write('No organisation has a note retention period.\n');
          process.stdout.write(
            `Deleted ${result.processedMessagesDeleted} stored replies older than ${PROCESSED_MESSAGE_DAYS} days ` +
              `and ${result.conversationReferencesDeleted} conversation references of removed members.\n`,
          );
        });
      }),
    );
}
