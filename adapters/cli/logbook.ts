#!/usr/bin/env node
import '../../app/quiet-warnings';
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { registerAdmin } from './commands/admin';
import { registerChat } from './commands/chat';
import { registerExport } from './commands/export';
import { registerMember } from './commands/member';
import { registerMigrate } from './commands/migrate';
import { registerOrg } from './commands/org';
import { registerParse } from './commands/parse';
import { registerRetention } from './commands/retention';
import { registerSeed } from './commands/seed';
import { registerServe } from './commands/serve';

/** The `logbook` command line: every subcommand has --help. */
export function buildProgram(): Command {
  const program = new Command('logbook')
    .description('logbook-bot: log youth-work sessions by chatting')
    .showHelpAfterError()
    .configureOutput({ outputError: (text, write) => write(text) });
  for (const register of [registerServe, registerChat, registerMigrate, registerSeed, registerExport, registerParse, registerOrg, registerMember, registerRetention, registerAdmin]) {
    register(program);
  }
  return program;
}

if (require.main === module) {
  // Values already in the environment win over .env.
  if (existsSync('.env')) process.loadEnvFile('.env');
  buildProgram()
    .parseAsync(process.argv)
    .catch((error: unknown) => {
      process.stderr.write(`logbook: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    });
}
