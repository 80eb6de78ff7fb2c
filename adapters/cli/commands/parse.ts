import type { Command } from 'commander';
import { runAction, UsageError } from '../run-action';

export function registerParse(program: Command): void {
  program
    .command('parse')
    .description('show how the bot reads a log message (writes nothing)')
    .argument('<text...>', 'the message')
    .action(
      runAction(async () => {
        throw new UsageError('parse is not available yet');
      }),
    );
}
