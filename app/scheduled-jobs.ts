import type { DataSource } from 'typeorm';
import { runRetention } from '../storage/retention';
import type { ScheduledJob } from './jobs';
import type { Logger } from './logger';

export const RETENTION_JOB = 'logbook-retention';

/** The service's cron jobs, run by app/jobs.ts (times in LOGBOOK_TIME_ZONE). */
export function scheduledJobs(dataSource: DataSource, logger: Logger): ScheduledJob[] {
  return [
    {
      name: RETENTION_JOB,
      cron: '30 3 * * *',
      async run() {
        const result = await runRetention(dataSource);
        logger.info(
          {
            notesCleared: result.organisations.reduce((sum, o) => sum + o.notesCleared, 0),
            organisations: result.organisations.length,
            processedMessagesDeleted: result.processedMessagesDeleted,
            conversationReferencesDeleted: result.conversationReferencesDeleted,
          },
          'retention done',
        );
      },
    },
  ];
}
