import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CallTask1764300000000 implements MigrationInterface {
  public readonly name = 'CallTask1764300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Employer-level only: the orgnr and the week, never an employee.
    await queryRunner.query(`
      CREATE TABLE call_task (
        id              uuid PRIMARY KEY,
        orgnr           text NOT NULL,
        kind            text NOT NULL,
        iso_week        text NOT NULL,
        batch_date      date NOT NULL,
        status          text NOT NULL CHECK (status IN ('OPEN', 'DONE', 'SUPPRESSED')),
        escalate_to_als boolean NOT NULL,
        created_at      timestamptz NOT NULL,
        completed_at    timestamptz,
        completed_by    text,
        outcome         text,
        UNIQUE (orgnr, kind, batch_date)
      )`);
    await queryRunner.query('CREATE INDEX call_task_status_idx ON call_task (status, batch_date)');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE call_task');
  }
}
