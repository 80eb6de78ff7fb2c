import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The data model of the design sketch. Keys and indexes start with organisation_id. */
export class InitialSchema1764345600000 implements MigrationInterface {
  name = 'InitialSchema1764345600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "activities" ("organisation_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_id" uuid, "name" text NOT NULL, "aliases" text array NOT NULL DEFAULT '{}', "work_form" text, "archived_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_43140403b85117107402cac3e15" PRIMARY KEY ("organisation_id", "id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "activities_org_name_key" ON "activities"("organisation_id", "name")`);
    await queryRunner.query(`CREATE TABLE "audit_events" ("organisation_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "actor_id" uuid, "action" text NOT NULL, "target_type" text NOT NULL, "target_id" text, "before" jsonb, "after" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6d6bb86d1048765d64fc14c7f01" PRIMARY KEY ("organisation_id", "id"))`);
    await queryRunner.query(`CREATE INDEX "audit_events_org_created_idx" ON "audit_events"("organisation_id", "created_at")`);
    await queryRunner.query(`CREATE TABLE "channel_identities" ("organisation_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "channel" text NOT NULL, "tenant_id" text NOT NULL, "user_id" text NOT NULL, "member_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a8e827ba74bc4b828e94d184e50" PRIMARY KEY ("organisation_id", "id"))`);
    await queryRunner.query(`CREATE INDEX "channel_identities_member_idx" ON "channel_identities"("organisation_id", "member_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "channel_identities_lookup_key" ON "channel_identities"("channel", "tenant_id", "user_id")`);
    await queryRunner.query(`CREATE TABLE "conversation_references" ("organisation_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "channel" text NOT NULL, "conversation_id" text NOT NULL, "member_id" uuid, "reference" jsonb NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_850a013eb8703db3210465e750c" PRIMARY KEY ("organisation_id", "id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "conversation_references_key" ON "conversation_references"("organisation_id", "channel", "conversation_id")`);
    await queryRunner.query(`CREATE TABLE "drafts" ("organisation_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "member_id" uuid NOT NULL, "conversation_key" text NOT NULL, "state" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_123b150d86db4f83af79a4f6fc6" PRIMARY KEY ("organisation_id", "id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "drafts_org_member_conversation_key" ON "drafts"("organisation_id", "member_id", "conversation_key")`);
    await queryRunner.query(`CREATE TABLE "entries" ("organisation_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "date" date NOT NULL, "unit_id" uuid, "activity_id" uuid, "work_form" text, "duration_minutes" integer, "total" integer, "girls" integer, "boys" integer, "non_binary" integer, "new_participants" integer, "age_groups" text array, "youth_led" boolean, "staff_count" integer, "themes" text array NOT NULL DEFAULT '{}', "notes" text, "reflections" jsonb, "author_id" uuid, "channel" text NOT NULL, "source_message_id" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_24607293878801bde6ec687ecb9" PRIMARY KEY ("organisation_id", "id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "entries_org_source_key" ON "entries"("organisation_id", "source_message_id") WHERE source_message_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "entries_org_author_idx" ON "entries"("organisation_id", "author_id", "created_at")`);
    await queryRunner.query(`CREATE INDEX "entries_org_date_idx" ON "entries"("organisation_id", "date")`);
    await queryRunner.query(`CREATE TABLE "members" ("organisation_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "display_name" text, "email" text, "role" text NOT NULL, "locale" text, "unit_ids" uuid array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "removed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_84f36424375bfd49a93dd664d43" PRIMARY KEY ("organisation_id", "id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "members_org_email_key" ON "members"("organisation_id", "email") WHERE email IS NOT NULL`);
    await queryRunner.query(`CREATE TABLE "organisations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "teams_tenant_id" text, "slack_team_id" text, "time_zone" text NOT NULL DEFAULT 'Europe/Helsinki', "default_locale" text NOT NULL DEFAULT 'fi', "settings" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7bf54cba378d5b2f1d4c10ef4df" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "organisations_name_key" ON "organisations"("name")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "organisations_teams_tenant_key" ON "organisations"("teams_tenant_id") WHERE teams_tenant_id IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "organisations_slack_team_key" ON "organisations"("slack_team_id") WHERE slack_team_id IS NOT NULL`);
    await queryRunner.query(`CREATE TABLE "processed_messages" ("organisation_id" uuid NOT NULL, "channel" text NOT NULL, "message_id" text NOT NULL, "replies" jsonb, "processed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_851b14d8da1f3a20da94973020b" PRIMARY KEY ("organisation_id", "channel", "message_id"))`);
    await queryRunner.query(`CREATE TABLE "themes" ("organisation_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "key" text NOT NULL, "labels" jsonb NOT NULL, "keywords" jsonb NOT NULL, "archived_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_585b2f74c8419a9b33920a7ce5d" PRIMARY KEY ("organisation_id", "id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "themes_org_key_key" ON "themes"("organisation_id", "key")`);
    await queryRunner.query(`CREATE TABLE "units" ("organisation_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "aliases" text array NOT NULL DEFAULT '{}', "archived_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1fb19cf5ddc4f342cbedea57965" PRIMARY KEY ("organisation_id", "id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "units_org_name_key" ON "units"("organisation_id", "name")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "processed_messages"`);
    await queryRunner.query(`DROP TABLE "conversation_references"`);
    await queryRunner.query(`DROP TABLE "audit_events"`);
    await queryRunner.query(`DROP TABLE "drafts"`);
    await queryRunner.query(`DROP TABLE "entries"`);
    await queryRunner.query(`DROP TABLE "themes"`);
    await queryRunner.query(`DROP TABLE "channel_identities"`);
    await queryRunner.query(`DROP TABLE "members"`);
    await queryRunner.query(`DROP TABLE "activities"`);
    await queryRunner.query(`DROP TABLE "units"`);
    await queryRunner.query(`DROP TABLE "organisations"`);
  }
}
