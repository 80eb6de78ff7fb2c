import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dashboard page's sign-ins: one-time links from the chat command `dashboard` (10 minutes) and the
 * sessions they open (8 hours). Only the SHA-256 hash of each random token is stored; expired rows are
 * deleted by the retention job, and a member's go with their erasure.
 */
export class Dashboard1795893300000 implements MigrationInterface {
  name = 'Dashboard1795893300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['dashboard_sign_ins', 'dashboard_sessions']) {
      const usedAt = table === 'dashboard_sign_ins' ? ', "used_at" TIMESTAMP WITH TIME ZONE' : '';
      await queryRunner.query(
        `CREATE TABLE "${table}" ("token_hash" text NOT NULL, "organisation_id" uuid NOT NULL, "member_id" uuid NOT NULL, "locale" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL${usedAt}, CONSTRAINT "${table}_pkey" PRIMARY KEY ("token_hash"), CONSTRAINT "${table}_member_fkey" FOREIGN KEY ("organisation_id", "member_id") REFERENCES "members"("organisation_id", "id") ON DELETE CASCADE)`,
      );
      await queryRunner.query(`CREATE INDEX "${table}_org_expires_idx" ON "${table}"("organisation_id", "expires_at")`);
      await queryRunner.query(`CREATE INDEX "${table}_org_member_idx" ON "${table}"("organisation_id", "member_id")`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "dashboard_sessions"`);
    await queryRunner.query(`DROP TABLE "dashboard_sign_ins"`);
  }
}
