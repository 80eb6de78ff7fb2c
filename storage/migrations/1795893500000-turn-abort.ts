import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Raises the given SQLSTATE: a chat turn's writes, one statement, call it when a part did not go through,
 * so the statement fails and nothing of it is kept, without a transaction around it (see turn-writes.ts).
 */
export class TurnAbort1795893500000 implements MigrationInterface {
  name = 'TurnAbort1795893500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE FUNCTION "logbook_abort_turn"(sqlstate text) RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
       BEGIN
         RAISE EXCEPTION USING ERRCODE = sqlstate, MESSAGE = 'chat turn not written: ' || sqlstate;
       END $$`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION "logbook_abort_turn"(text)`);
  }
}
