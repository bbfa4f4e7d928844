import { createPlatformTables, dropPlatformTables } from '@syfo/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1763856000000 implements MigrationInterface {
  public readonly name = 'Initial1763856000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await createPlatformTables(queryRunner);
    // Collaboration's own copy of the CRM's accounts, fed by its events; never the CRM's table.
    await queryRunner.query(`
      CREATE TABLE known_employer (
        orgnr      text PRIMARY KEY,
        name       text NOT NULL,
        account_id uuid NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE team (
        id         uuid PRIMARY KEY,
        name       text NOT NULL,
        enhet_nr   text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE team_employer (
        team_id uuid NOT NULL REFERENCES team (id),
        orgnr   text NOT NULL,
        PRIMARY KEY (team_id, orgnr)
      )`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE team_employer');
    await queryRunner.query('DROP TABLE team');
    await queryRunner.query('DROP TABLE known_employer');
    await dropPlatformTables(queryRunner);
  }
}
