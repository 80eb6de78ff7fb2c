import type { DataSource } from 'typeorm';
import { isAllowed } from '../bot/admin/permissions';
import { t } from '../bot/i18n';
import type { Reply } from '../bot/messages';
import type { Notifier } from '../bot/ports';
import { dueDigest, dueReminder } from '../bot/schedules/due';
import { displayMoment } from '../bot/schedules/format';
import { buildDigest } from '../reports/digest';
import { createEntryStore } from '../storage/entry-store';
import { organisationsWithSchedules, scheduledMembers, type ScheduledMember, type ScheduledOrganisation } from '../storage/schedule-runs';
import { createScheduledSends, type SendKey } from '../storage/scheduled-sends';
import type { Logger } from './logger';
import { unitScopeOf } from '../bot/reports/scope';

export interface ScheduleRunnerOptions {
  dataSource: DataSource;
  notifier: Notifier;
  logger: Logger;
  /** The clock; tests inject one. */
  now?: () => Date;
}

export interface ScheduleRunSummary {
  digestsSent: number;
  remindersSent: number;
  /** Due, but the member has no conversation to write to: recorded and not tried again. */
  undeliverable: number;
  /** Sending failed: released, so the next run tries again. */
  failed: number;
}

type Outcome = 'sent' | 'undeliverable' | 'failed' | 'taken';

/** The send log is kept this long; its keys come due for a week at most. */
const SEND_LOG_DAYS = 60;
const DAY_MS = 86_400_000;

/**
 * Sends the weekly digests and log reminders that are due, each at most once: a send is claimed in
 * scheduled_sends before it goes out, so runners racing on several instances (or a retried job) send one
 * message. A failed send is logged and released for the next run; its error does not fail the run.
 */
export function createScheduleRunner(options: ScheduleRunnerOptions): { run(): Promise<ScheduleRunSummary> } {
  const { dataSource, notifier, logger } = options;
  const clock = options.now ?? (() => new Date());
  const sends = createScheduledSends(dataSource);
  const entries = createEntryStore(dataSource);

  async function deliver(organisationId: string, key: SendKey, build: () => Promise<Reply[]>): Promise<Outcome> {
    if (!(await sends.claim(organisationId, key, clock()))) return 'taken';
    let delivered: boolean;
    try {
      delivered = await notifier.notify(organisationId, key.memberId, await build());
    } catch (error) {
      await sends.release(organisationId, key);
      logger.error({ err: error, organisationId, kind: key.kind }, 'scheduled message failed; the next run tries again');
      return 'failed';
    }
    // Once sent, the claim stays even if this update fails: at most once.
    await sends.finish(organisationId, key, delivered ? 'sent' : 'undeliverable', clock());
    return delivered ? 'sent' : 'undeliverable';
  }

  async function runMember(organisation: ScheduledOrganisation, member: ScheduledMember, now: Date): Promise<{ digest?: Outcome; reminder?: Outcome }> {
    const locale = member.locale ?? organisation.defaultLocale;
    const outcome: { digest?: Outcome; reminder?: Outcome } = {};
    const digest = isAllowed(member.role, 'digest') ? dueDigest(member.schedules.digest, now, organisation.timeZone) : null;
    if (digest) {
      const { unitIds } = unitScopeOf(member.role, member.unitIds);
      outcome.digest = await deliver(organisation.id, { memberId: member.id, kind: 'digest', periodKey: digest.periodKey }, async () => [
        (await buildDigest(dataSource, { organisationId: organisation.id, unitIds }, { day: digest.day, locale })).reply,
      ]);
    }
    const reminder = isAllowed(member.role, 'reminders') ? dueReminder(member.schedules, now, organisation.timeZone) : null;
    if (reminder) {
      const [latest] = await entries.recentByAuthor(organisation.id, member.id, 1);
      if (!latest || latest.createdAt < reminder.sessionStart) {
        const session = displayMoment(reminder.sessionStart, organisation.timeZone, locale);
        outcome.reminder = await deliver(organisation.id, { memberId: member.id, kind: 'reminder', periodKey: reminder.periodKey }, async () => [
          { text: t(locale, 'reminderMessage', { session }), locale },
        ]);
      }
    }
    return outcome;
  }

  return {
    async run() {
      const now = clock();
      const summary: ScheduleRunSummary = { digestsSent: 0, remindersSent: 0, undeliverable: 0, failed: 0 };
      for (const organisation of await organisationsWithSchedules(dataSource)) {
        await sends.forgetBefore(organisation.id, new Date(now.getTime() - SEND_LOG_DAYS * DAY_MS));
        for (const member of await scheduledMembers(dataSource, organisation.id)) {
          try {
            const outcome = await runMember(organisation, member, now);
            if (outcome.digest === 'sent') summary.digestsSent++;
            if (outcome.reminder === 'sent') summary.remindersSent++;
            for (const result of [outcome.digest, outcome.reminder]) {
              if (result === 'undeliverable') summary.undeliverable++;
              if (result === 'failed') summary.failed++;
            }
          } catch (error) {
            summary.failed++;
            logger.error({ err: error, organisationId: organisation.id }, 'scheduled messages of a member failed');
          }
        }
      }
      return summary;
    },
  };
}
