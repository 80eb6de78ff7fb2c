import { createInterface } from 'node:readline/promises';
import { Option, type Command } from 'commander';
import { eraseMember, type ErasureReport } from '../../../storage/member-erasure';
import { exportMember } from '../../../storage/member-export';
import { findOrganisationByName } from '../../../storage/organisations';
import { findStaffMember, listStaff, type StaffMember } from '../../../storage/staff';
import { runAction, UsageError } from '../run-action';
import { withDatabase } from '../with-database';

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : '-');

/** Columns padded to their widest cell; the last column is not padded. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => row[i].length)));
  const line = (row: string[]) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ');
  return [header, ...rows].map(line).join('\n') + '\n';
}

function staffTable(staff: StaffMember[]): string {
  return table(
    ['ID', 'NAME', 'EMAIL', 'ROLE', 'UNITS', 'IDENTITIES', 'CREATED', 'REMOVED'],
    staff.map((m) => [
      m.id,
      m.displayName ?? (m.erasedAt ? '(erased)' : '-'),
      m.email ?? '-',
      m.role,
      m.units.join(', ') || '-',
      m.identities.join(' ') || '-',
      day(m.createdAt),
      day(m.removedAt),
    ]),
  );
}

async function confirm(question: string): Promise<boolean> {
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^(y|yes)$/i.test((await prompt.question(question)).trim());
  } finally {
    prompt.close();
  }
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function erasureSummary(member: StaffMember, report: ErasureReport): string {
  const deleted = [
    plural(report.channelIdentities, 'channel identity', 'channel identities'),
    plural(report.drafts, 'draft'),
    plural(report.conversationReferences, 'conversation reference'),
    plural(report.processedMessages, 'stored reply', 'stored replies'),
    plural(report.queueJobs, 'finished queue job'),
    plural(report.deploymentAdmins, 'deployment admin right'),
    plural(report.schedules, 'digest or reminder record'),
    plural(report.dashboardSessions, 'dashboard sign-in or session', 'dashboard sign-ins and sessions'),
  ];
  const rewritten = [
    plural(report.auditEventsScrubbed, 'audit event'),
    plural(report.entriesScrubbed, 'entry', 'entries'),
    plural(report.otherDraftsScrubbed, "colleague's draft", "colleagues' drafts"),
  ];
  return (
    `Erased member ${member.id} of "${member.organisationName}". ` +
    `Deleted: ${deleted.join(', ')}. Rewritten where they were named: ${rewritten.join(', ')}. ` +
    `Kept, anonymised: ${plural(report.entriesKept, 'entry', 'entries')}.\n`
  );
}

export function registerMember(program: Command): void {
  const member = program.command('member').description("an organisation's staff: list, GDPR export and erasure (deployment administrators)");

  member
    .command('list')
    .description("list an organisation's staff members, removed ones included")
    .requiredOption('--org <name>', 'organisation name')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(
      runAction(async (options: { org: string; format: 'table' | 'json' }) => {
        await withDatabase(async ({ dataSource }) => {
          const organisation = await findOrganisationByName(dataSource, options.org);
          if (!organisation) throw new UsageError(`no organisation is called "${options.org}"`);
          const staff = await listStaff(dataSource, organisation.id);
          if (options.format === 'table') {
            process.stdout.write(staff.length ? staffTable(staff) : `"${organisation.name}" has no staff members.\n`);
            return;
          }
          const rows = staff.map((m) => ({
            id: m.id,
            displayName: m.displayName,
            email: m.email,
            role: m.role,
            units: m.units,
            identities: m.identities,
            createdAt: m.createdAt,
            removedAt: m.removedAt,
            erasedAt: m.erasedAt,
          }));
          process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        });
      }),
    );

  member
    .command('export')
    .description('everything stored about one staff member, as JSON (GDPR access request); entry notes are left out')
    .argument('<id>', 'member id (see member list)')
    .action(
      runAction(async (id: string) => {
        await withDatabase(async ({ dataSource }) => {
          const data = await exportMember(dataSource, id);
          if (!data) throw new UsageError(`no member has the id "${id}"`);
          process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
        });
      }),
    );

  member
    .command('erase')
    .description(
      'erase a staff member (GDPR): name, email, channel identities, drafts and conversation references go, ' +
        'mentions elsewhere are rewritten; their entries stay, anonymised',
    )
    .argument('<id>', 'member id (see member list)')
    .option('--yes', 'do not ask for confirmation (needed when stdin is not a terminal)')
    .action(
      runAction(async (id: string, options: { yes?: boolean }) => {
        await withDatabase(async ({ dataSource }) => {
          const found = await findStaffMember(dataSource, id);
          if (!found) throw new UsageError(`no member has the id "${id}"`);
          if (found.erasedAt) {
            process.stdout.write(`Member ${found.id} was erased already, on ${day(found.erasedAt)}.\n`);
            return;
          }
          if (!options.yes) {
            if (!process.stdin.isTTY) throw new UsageError('refusing to erase without --yes: there is no terminal to confirm on');
            const who = [found.displayName, found.email && `<${found.email}>`, found.identities.join(' ')].filter(Boolean).join(' ') || found.id;
            const question =
              `Erase ${who} of "${found.organisationName}" for good? Their entries stay, anonymised. ` + 'Type "yes" to erase: ';
            if (!(await confirm(question))) throw new UsageError('nothing was erased');
          }
          const report = await eraseMember(dataSource, found.organisationId, found.id);
          if (!report) throw new UsageError(`no member has the id "${id}"`);
          process.stdout.write(erasureSummary(found, report));
          for (const left of report.residue) {
            process.stderr.write(
              `logbook: warning: ${left.table}.${left.column} still mentions the member in ${plural(left.rows, 'row')}; it was left as is, check it by hand\n`,
            );
          }
          if (report.residue.length) process.exitCode = 1;
        });
      }),
    );
}
