import { InvalidArgumentError, Option, type Command } from 'commander';
import { addDeploymentAdmin, listDeploymentAdmins, removeDeploymentAdmin, type AdminChannel } from '../../../storage/deployment-admins';
import { runAction, UsageError } from '../run-action';
import { withDatabase } from '../with-database';

interface AdminSpec {
  channel: AdminChannel;
  userId: string;
}

function adminSpec(value: string): AdminSpec {
  const match = /^(teams|slack):(\S+)$/.exec(value);
  if (!match) throw new InvalidArgumentError('must be teams:AAD_OBJECT_ID or slack:USER_ID');
  return { channel: match[1] as AdminChannel, userId: match[2] };
}

export function registerAdmin(program: Command): void {
  const admin = program.command('admin').description('deployment administrators: people who see every organisation (CLI only)');
  const who = 'teams:AAD_OBJECT_ID or slack:USER_ID';

  admin
    .command('add')
    .description('make a Teams or Slack user a deployment administrator')
    .argument('<who>', who, adminSpec)
    .action(
      runAction(async (spec: AdminSpec) => {
        await withDatabase(async ({ dataSource }) => {
          const added = await addDeploymentAdmin(dataSource, spec.channel, spec.userId);
          process.stdout.write(`${spec.channel}:${spec.userId} ${added ? 'is now' : 'was already'} a deployment administrator\n`);
        });
      }),
    );

  admin
    .command('remove')
    .description('take deployment administration away from a Teams or Slack user')
    .argument('<who>', who, adminSpec)
    .action(
      runAction(async (spec: AdminSpec) => {
        await withDatabase(async ({ dataSource }) => {
          if (!(await removeDeploymentAdmin(dataSource, spec.channel, spec.userId))) {
            throw new UsageError(`${spec.channel}:${spec.userId} is not a deployment administrator`);
          }
          process.stdout.write(`${spec.channel}:${spec.userId} is no longer a deployment administrator\n`);
        });
      }),
    );

  admin
    .command('list')
    .description('list deployment administrators')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(
      runAction(async (options: { format: 'text' | 'json' }) => {
        await withDatabase(async ({ dataSource }) => {
          const admins = await listDeploymentAdmins(dataSource);
          if (options.format === 'json') {
            process.stdout.write(`${JSON.stringify(admins.map((a) => ({ channel: a.channel, userId: a.userId, createdAt: a.createdAt })), null, 2)}\n`);
            return;
          }
          if (!admins.length) process.stdout.write('No deployment administrators.\n');
          for (const a of admins) process.stdout.write(`${a.channel}:${a.userId}\tsince ${a.createdAt.toISOString().slice(0, 10)}\n`);
        });
      }),
    );
}
