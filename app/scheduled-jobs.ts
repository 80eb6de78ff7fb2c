import type { DataSource } from 'typeorm';
import type { Notifier } from '../bot/ports';
import { runRetention } from '../storage/retention';
import type { ScheduledJob } from './jobs';
import type { Logger } from './logger';
import { createScheduleRunner } from './schedule-runner';

export const RETENTION_JOB = 'logbook-retention';
export const SCHEDULES_JOB = 'logbook-schedules';

/** The service's cron jobs, run by app/jobs.ts (times in LOGBOOK_TIME_ZONE). */
export function scheduledJobs(dataSource: DataSource, logger: Logger, notifier: Notifier): ScheduledJob[] {
  const schedules = createScheduleRunner({ dataSource, notifier, logger });
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
    {
      // Weekly digests and log reminders, each in its member's organisation's time zone.
      name: SCHEDULES_JOB,
      cron: '*/5 * * * *',
      async run() {
        const summary = await schedules.run();
        if (summary.digestsSent || summary.remindersSent || summary.undeliverable || summary.failed) logger.info(summary, 'scheduled messages done');
      },
    },
  ];
}
