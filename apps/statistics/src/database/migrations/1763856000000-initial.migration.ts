import { createPlatformTables, dropPlatformTables } from '@syfo/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1763856000000 implements MigrationInterface {
  public readonly name = 'Initial1763856000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await createPlatformTables(queryRunner);
    // A counter, not a copy of the notes: it only stays right if every event is applied exactly once.
    await queryRunner.query(`
      CREATE TABLE intake_count (
        orgnr      text NOT NULL,
        quarter    text NOT NULL,
        sick_notes bigint NOT NULL,
        PRIMARY KEY (orgnr, quarter)
      )`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE intake_count');
    await dropPlatformTables(queryRunner);
  }
}
