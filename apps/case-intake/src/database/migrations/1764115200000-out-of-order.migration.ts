import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Versions ordered by when the sender produced them, and cancellations that overtake their document. */
export class OutOfOrder1764115200000 implements MigrationInterface {
  public readonly name = 'OutOfOrder1764115200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE document ADD COLUMN sent_at timestamptz');
    await queryRunner.query('ALTER TABLE document_version ADD COLUMN sent_at timestamptz');
    await queryRunner.query(`
      CREATE TABLE document_cancellation (
        kind          text NOT NULL,
        source_system text NOT NULL,
        source_id     text NOT NULL,
        reason        text NOT NULL,
        cancelled_at  timestamptz NOT NULL,
        PRIMARY KEY (kind, source_system, source_id)
      )`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE document_cancellation');
    await queryRunner.query('ALTER TABLE document_version DROP COLUMN sent_at');
    await queryRunner.query('ALTER TABLE document DROP COLUMN sent_at');
  }
}
