import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scheduled messages: each member's weekly digest and log reminder settings (member_schedules), and the
 * log of what was sent (scheduled_sends). A send is claimed by inserting its key before it goes out, so two
 * instances or a retried job never send the same digest or reminder twice.
 */
export class Schedules1795893100000 implements MigrationInterface {
  name = 'Schedules1795893100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "member_schedules" (
      "organisation_id" uuid NOT NULL,
      "member_id" uuid NOT NULL,
      "digest_weekday" smallint CHECK ("digest_weekday" BETWEEN 1 AND 7),
      "digest_time" time,
      "digest_enabled" boolean NOT NULL DEFAULT false,
      "digest_set_at" TIMESTAMP WITH TIME ZONE,
      "reminder_times" time array NOT NULL DEFAULT '{}',
      "reminder_weekdays" smallint array NOT NULL DEFAULT '{}',
      "reminder_after_hours" smallint NOT NULL DEFAULT 2 CHECK ("reminder_after_hours" BETWEEN 1 AND 24),
      "reminder_set_at" TIMESTAMP WITH TIME ZONE,
      "reminder_snoozed_until" TIMESTAMP WITH TIME ZONE,
      "reminder_stopped_at" TIMESTAMP WITH TIME ZONE,
      "quiet_start" time,
      "quiet_end" time,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "member_schedules_pkey" PRIMARY KEY ("organisation_id", "member_id"),
      CONSTRAINT "member_schedules_quiet_check" CHECK (("quiet_start" IS NULL) = ("quiet_end" IS NULL))
    )`);
    // period_key: the ISO week of a digest ("2026-W12"), the local start of a reminder's session ("2026-03-17T18:00").
    await queryRunner.query(`CREATE TABLE "scheduled_sends" (
      "organisation_id" uuid NOT NULL,
      "member_id" uuid NOT NULL,
      "kind" text NOT NULL CHECK ("kind" IN ('digest', 'reminder')),
      "period_key" text NOT NULL,
      "status" text NOT NULL CHECK ("status" IN ('sending', 'sent', 'undeliverable')),
      "claimed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "sent_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "scheduled_sends_pkey" PRIMARY KEY ("organisation_id", "member_id", "kind", "period_key")
    )`);
    await queryRunner.query(`CREATE INDEX "scheduled_sends_org_claimed_idx" ON "scheduled_sends"("organisation_id", "claimed_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "scheduled_sends"`);
    await queryRunner.query(`DROP TABLE "member_schedules"`);
  }
}
