import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The parts of a turn's replies that a channel has delivered (a reply's text, each of its files), so a
 * retried job sends only what did not go out. Keys name a job and a part, never a person; rows older than
 * the stored replies are deleted by the retention job.
 */
export class ReplyDeliveries1795893400000 implements MigrationInterface {
  name = 'ReplyDeliveries1795893400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "reply_deliveries" ("channel" text NOT NULL, "turn_key" text NOT NULL, "part" text NOT NULL, "delivered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "reply_deliveries_pkey" PRIMARY KEY ("channel", "turn_key", "part"))`,
    );
    await queryRunner.query(`CREATE INDEX "reply_deliveries_delivered_at_idx" ON "reply_deliveries"("delivered_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "reply_deliveries"`);
  }
}
