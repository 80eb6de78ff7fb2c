import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Goals a mentor sets for the organisation or one unit: a report metric, at least or at most a target.
 * Shares (target 0..1) are measured over the period, counts per month or per week. One goal per
 * organisation, unit (or none), metric and per.
 */
export class Goals1795893000000 implements MigrationInterface {
  name = 'Goals1795893000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "goals" (
      "organisation_id" uuid NOT NULL,
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "unit_id" uuid,
      "metric" text NOT NULL,
      "comparator" text NOT NULL,
      "target" numeric NOT NULL,
      "per" text NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_by" uuid,
      CONSTRAINT "goals_pkey" PRIMARY KEY ("organisation_id", "id"),
      CONSTRAINT "goals_metric_check" CHECK ("metric" IN ('entries', 'participants', 'girls', 'boys', 'nonBinary', 'new', 'hours', 'youthLedShare', 'girlsShare')),
      CONSTRAINT "goals_comparator_check" CHECK ("comparator" IN ('atLeast', 'atMost')),
      CONSTRAINT "goals_per_check" CHECK ("per" IN ('period', 'month', 'week')),
      CONSTRAINT "goals_target_check" CHECK ("target" >= 0 AND ("metric" NOT IN ('youthLedShare', 'girlsShare') OR ("target" <= 1 AND "per" = 'period')))
    )`);
    // The organisation's own goals have no unit: coalesce makes them one key, as NULLS NOT DISTINCT would.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "goals_org_unit_metric_per_key" ON "goals" ("organisation_id", (coalesce("unit_id", '00000000-0000-0000-0000-000000000000'::uuid)), "metric", "per")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "goals"`);
  }
}
