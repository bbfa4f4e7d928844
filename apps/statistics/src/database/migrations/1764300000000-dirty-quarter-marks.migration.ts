import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A quarter's "needs refreshing" mark becomes a row per marking transaction instead of one row per quarter.
 * Events upserting the one row held its lock to their commit, and a refresh taking the marks waited for
 * those locks while holding others: with a batch of events marking several quarters in event order, the
 * two deadlocked. Plain inserts lock nothing another transaction wants, and a refresh takes only the marks
 * already committed; a mark committed later is taken by the next refresh.
 */
export class DirtyQuarterMarks1764300000000 implements MigrationInterface {
  public readonly name = 'DirtyQuarterMarks1764300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE stat_dirty_quarter DROP CONSTRAINT stat_dirty_quarter_pkey');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DELETE FROM stat_dirty_quarter a USING stat_dirty_quarter b WHERE a.quarter = b.quarter AND a.ctid < b.ctid');
    await queryRunner.query('ALTER TABLE stat_dirty_quarter ADD PRIMARY KEY (quarter)');
  }
}
