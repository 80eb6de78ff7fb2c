import { ListenError } from '../../app/app';
import { ConfigError } from '../../app/config';
import { DataDirInUseError } from '../../storage/data-dir-lock';
import { DatabaseUnavailableError } from '../../storage/database';

/** Errors a user can fix: one line on stderr, no stack trace. */
const USER_ERRORS = [ConfigError, DatabaseUnavailableError, DataDirInUseError, ListenError];

export class UsageError extends Error {}

/** Runs a command's action; a failure prints one line and sets a non-zero exit code. */
export function runAction<A extends unknown[]>(action: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await action(...args);
    } catch (error) {
      const known = [...USER_ERRORS, UsageError].some((type) => error instanceof type);
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`logbook: ${known ? message : `unexpected error: ${message}`}\n`);
      if (!known && process.env.LOG_LEVEL === 'debug' && error instanceof Error) process.stderr.write(`${error.stack}\n`);
      process.exitCode = 1;
    }
  };
}
