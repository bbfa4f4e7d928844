import { createPlatformTables, dropPlatformTables } from '@syfo/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1763856000000 implements MigrationInterface {
  public readonly name = 'Initial1763856000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await createPlatformTables(queryRunner);
    await queryRunner.query(`
      CREATE TABLE sick_note (
        id               uuid PRIMARY KEY,
        source_system    text NOT NULL,
        source_id        text NOT NULL,
        content_hash     text NOT NULL,
        person_ident     text NOT NULL,
        orgnr            text,
        status           text NOT NULL,
        issued_on        date NOT NULL,
        diagnosis_system text,
        diagnosis_code   text,
        periods          jsonb NOT NULL,
        received_at      timestamptz NOT NULL,
        UNIQUE (source_system, source_id)
      )`);
    await queryRunner.query('CREATE INDEX sick_note_person_idx ON sick_note (person_ident)');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE sick_note');
    await dropPlatformTables(queryRunner);
  }
}
