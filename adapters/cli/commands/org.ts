import { InvalidArgumentError, type Command } from 'commander';
import { runAction, UsageError } from '../run-action';

interface MentorSpec {
  kind: 'teams' | 'slack' | 'email';
  value: string;
}

function mentorSpec(value: string): MentorSpec {
  const match = /^(teams|slack|email):(.+)$/.exec(value);
  if (!match) throw new InvalidArgumentError('must be teams:AAD_OBJECT_ID, slack:USER_ID or email:ADDRESS');
  return { kind: match[1] as MentorSpec['kind'], value: match[2] };
}

export function registerOrg(program: Command): void {
  const org = program.command('org').description('create and list organisations (deployment administrators)');

  org
    .command('create')
    .description('create an organisation with the default structure and its first mentor')
    .requiredOption('--name <name>', 'organisation name')
    .option('--teams-tenant <id>', 'Microsoft Teams tenant id')
    .option('--slack-team <id>', 'Slack team (workspace) id')
    .option('--time-zone <zone>', 'IANA time zone (default: LOGBOOK_TIME_ZONE)')
    .option('--locale <locale>', 'default language: fi, sv or en', 'fi')
    .requiredOption('--mentor <who>', 'teams:AAD_OBJECT_ID, slack:USER_ID or email:ADDRESS', mentorSpec)
    .action(
      runAction(
        async (options: { name: string; teamsTenant?: string; slackTeam?: string; timeZone?: string; locale: string; mentor: MentorSpec }) => {
          if (!['fi', 'sv', 'en'].includes(options.locale)) throw new UsageError('--locale must be fi, sv or en');
          if (options.mentor.kind === 'teams' && !options.teamsTenant) throw new UsageError('a teams: mentor needs --teams-tenant');
          if (options.mentor.kind === 'slack' && !options.slackTeam) throw new UsageError('a slack: mentor needs --slack-team');
          const { loadConfig } = await import('../../../app/config');
          const { migrate, openDatabase } = await import('../../../storage/database');
          const { ensureOrganisation, findOrganisationByName } = await import('../../../storage/organisations');
          const { createDirectoryStore } = await import('../../../storage/directory-store');
          const config = loadConfig();
          const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.LOGBOOK_DATA_DIR });
          try {
            await migrate(database);
            if (await findOrganisationByName(database.dataSource, options.name)) {
              throw new UsageError(`an organisation called "${options.name}" exists already`);
            }
            const organisation = await ensureOrganisation(database.dataSource, {
              name: options.name,
              timeZone: options.timeZone ?? config.LOGBOOK_TIME_ZONE,
              defaultLocale: options.locale as 'fi' | 'sv' | 'en',
              teamsTenantId: options.teamsTenant ?? null,
              slackTeamId: options.slackTeam ?? null,
            });
            const { kind, value } = options.mentor;
            const member = { displayName: null, email: kind === 'email' ? value : null, role: 'mentor' as const, locale: null };
            if (kind === 'email') {
              await database.dataSource.query(
                `INSERT INTO members (organisation_id, email, role) VALUES ($1, $2, 'mentor')`,
                [organisation.id, value],
              );
            } else {
              const tenant = kind === 'teams' ? options.teamsTenant! : options.slackTeam!;
              await createDirectoryStore(database.dataSource).addMember(organisation.id, member, { channel: kind, tenant, userId: value });
            }
            process.stdout.write(`Created organisation "${organisation.name}" (${organisation.id}) with its mentor ${kind}:${value}\n`);
          } finally {
            await database.close();
          }
        },
      ),
    );

  org
    .command('list')
    .description('list organisations with their workspaces and sizes')
    .option('--format <format>', 'text or json', 'text')
    .action(
      runAction(async (options: { format: string }) => {
        const { loadConfig } = await import('../../../app/config');
        const { migrate, openDatabase } = await import('../../../storage/database');
        const config = loadConfig();
        const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.LOGBOOK_DATA_DIR });
        try {
          await migrate(database);
          const rows: { name: string; teams_tenant_id: string | null; slack_team_id: string | null; members: number; entries: number }[] =
            await database.dataSource.query(
              `SELECT o.name, o.teams_tenant_id, o.slack_team_id,
                      (SELECT count(*) FROM members m WHERE m.organisation_id = o.id AND m.removed_at IS NULL) AS members,
                      (SELECT count(*) FROM entries e WHERE e.organisation_id = o.id AND e.deleted_at IS NULL) AS entries
                 FROM organisations o ORDER BY o.name`,
            );
          if (options.format === 'json') {
            process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
            return;
          }
          for (const row of rows) {
            const workspaces = [row.teams_tenant_id && `teams:${row.teams_tenant_id}`, row.slack_team_id && `slack:${row.slack_team_id}`].filter(Boolean);
            process.stdout.write(`${row.name}\t${workspaces.join(' ') || '-'}\t${row.members} members\t${row.entries} entries\n`);
          }
        } finally {
          await database.close();
        }
      }),
    );
}
