import { createPlatformTables, dropPlatformTables } from '@syfo/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1763856000000 implements MigrationInterface {
  public readonly name = 'Initial1763856000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await createPlatformTables(queryRunner);
    await queryRunner.query(`
      CREATE TABLE person_case (
        person_ident     text PRIMARY KEY,
        sick_note_count  integer NOT NULL,
        first_fom        date NOT NULL,
        last_tom         date NOT NULL,
        last_received_at timestamptz NOT NULL
      )`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE person_case');
    await dropPlatformTables(queryRunner);
  }
}
