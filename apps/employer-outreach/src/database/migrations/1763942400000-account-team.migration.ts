import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountTeam1763942400000 implements MigrationInterface {
  public readonly name = 'AccountTeam1763942400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // The CRM's own copy of which team looks after which employer, fed by collab.team.v1; employer-level only.
    await queryRunner.query(`
      CREATE TABLE account_team (
        team_id    uuid NOT NULL,
        orgnr      text NOT NULL,
        team_name  text NOT NULL,
        enhet_nr   text NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (team_id, orgnr)
      )`);
    await queryRunner.query('CREATE INDEX account_team_orgnr_idx ON account_team (orgnr)');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE account_team');
  }
}
