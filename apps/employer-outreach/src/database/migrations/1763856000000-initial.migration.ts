import { createPlatformTables, dropPlatformTables } from '@syfo/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1763856000000 implements MigrationInterface {
  public readonly name = 'Initial1763856000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await createPlatformTables(queryRunner);
    // Employer-level only: no column here may ever hold a person identifier.
    await queryRunner.query(`
      CREATE TABLE account (
        id            uuid PRIMARY KEY,
        orgnr         text NOT NULL UNIQUE,
        name          text NOT NULL,
        kommunenummer text NOT NULL,
        nace_code     text NOT NULL,
        created_at    timestamptz NOT NULL
      )`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE account');
    await dropPlatformTables(queryRunner);
  }
}
