import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tilfelle computation reads a person's documents of some kinds (`person_ident = $1 AND kind IN
 * (...)`). Without table statistics the planner may walk the whole (kind, source_system, source_id)
 * index for that; this index answers it directly. It serves the person-only lookups too, so the
 * person index it begins with goes.
 */
export class DocumentPersonKind1764288000000 implements MigrationInterface {
  public readonly name = 'DocumentPersonKind1764288000000';
  /** CONCURRENTLY, so intake keeps writing while the index builds; that cannot run in a transaction. */
  public readonly transaction = false;

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX CONCURRENTLY document_person_kind_idx ON document (person_ident, kind)');
    await queryRunner.query('DROP INDEX CONCURRENTLY document_person_idx');
  }

  /** Revert runs in one transaction (see runMigrations), so not concurrently. */
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX document_person_idx ON document (person_ident)');
    await queryRunner.query('DROP INDEX document_person_kind_idx');
  }
}
