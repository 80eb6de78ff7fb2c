import type { Command } from 'commander';
import { openAppDatabase, startApp } from '../../../app/app';
import { loadConfig } from '../../../app/config';
import { limitHeapGrowth } from '../../../app/v8-tuning';
import { createLogger } from '../../../app/logger';
import { runAction } from '../run-action';

const SHUTDOWN_GRACE_MS = 10_000;

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('start the HTTP service (the same as npm start)')
    .action(
      runAction(async () => {
        limitHeapGrowth();
        const config = loadConfig();
        const logger = createLogger(config.LOG_LEVEL);
        const database = await openAppDatabase(config, logger);
        const app = await startApp(config, logger, database).catch(async (error: unknown) => {
          await database.close();
          throw error;
        });
        let stopping = false;
        const shutdown = (signal: string) => {
          if (stopping) return;
          stopping = true;
          logger.info({ signal }, 'shutting down');
          setTimeout(() => {
            logger.error('shutdown took too long, exiting');
            process.exit(1);
          }, SHUTDOWN_GRACE_MS).unref();
          app.stop().then(
            () => logger.info('stopped'),
            (error: unknown) => {
              logger.error({ err: error }, 'shutdown failed');
              process.exitCode = 1;
            },
          );
        };
        process.once('SIGTERM', shutdown);
        process.once('SIGINT', shutdown);
      }),
    );
}
