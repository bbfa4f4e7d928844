import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Decisions taken in one transaction share a timestamp (and a simulated clock stands still): keep their order. */
export class DecisionOrder1764115200000 implements MigrationInterface {
  public readonly name = 'DecisionOrder1764115200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE screening_decision ADD COLUMN seq bigserial');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE screening_decision DROP COLUMN seq');
  }
}
