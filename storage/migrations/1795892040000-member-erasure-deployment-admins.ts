import type { MigrationInterface, QueryRunner } from 'typeorm';

/** GDPR erasure of staff (members.erased_at) and the deployment administrators of the CLI. */
export class MemberErasureDeploymentAdmins1795892040000 implements MigrationInterface {
  name = 'MemberErasureDeploymentAdmins1795892040000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "members" ADD "erased_at" TIMESTAMP WITH TIME ZONE`);
    // Deployment-wide, so the one table without organisation_id.
    await queryRunner.query(`CREATE TABLE "deployment_admins" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "channel" text NOT NULL, "user_id" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a69c9754b3728548a22879fb126" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "deployment_admins_channel_user_key" ON "deployment_admins"("channel", "user_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "deployment_admins"`);
    await queryRunner.query(`ALTER TABLE "members" DROP COLUMN "erased_at"`);
  }
}
