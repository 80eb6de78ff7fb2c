import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Files of replies (chart images, exports) served through signed, expiring links, and the deployment's
 * link-signing secret (used when LOGBOOK_LINK_SECRET is not set), so every instance signs alike.
 */
export class Downloads1795893200000 implements MigrationInterface {
  name = 'Downloads1795893200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "downloads" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "filename" text NOT NULL, "content_type" text NOT NULL, "data" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "downloads_pkey" PRIMARY KEY ("id"), CONSTRAINT "downloads_organisation_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE)`);
    await queryRunner.query(`CREATE INDEX "downloads_org_expires_idx" ON "downloads"("organisation_id", "expires_at")`);
    await queryRunner.query(`CREATE INDEX "downloads_expires_idx" ON "downloads"("expires_at")`);
    // Deployment-wide and one row at most (id is always true), like deployment_admins without organisation_id.
    await queryRunner.query(`CREATE TABLE "download_link_secret" ("id" boolean NOT NULL DEFAULT true, "secret" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "download_link_secret_pkey" PRIMARY KEY ("id"), CONSTRAINT "download_link_secret_one_row" CHECK ("id"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "download_link_secret"`);
    await queryRunner.query(`DROP TABLE "downloads"`);
  }
}
