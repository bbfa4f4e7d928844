import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The follow-up figures' read models (handbook §9.2, §9.3): each person's tilfeller and graded sick-note days
 * for the weekly open-case counts, the employer register and teams that make the units, and triage's
 * milestones, screening decisions and work items for the operational figures. Every table is replaced or
 * moved forward by events; none is a counter, so a redelivered event changes nothing.
 */
export class FollowUpFigures1764200000000 implements MigrationInterface {
  public readonly name = 'FollowUpFigures1764200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // The revision of the person's tilfelle list applied last: an older one arriving late is dropped.
    await queryRunner.query(`
      CREATE TABLE fu_person (
        person_ident text PRIMARY KEY,
        revision     integer NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE fu_tilfelle (
        person_ident text NOT NULL REFERENCES fu_person (person_ident) ON DELETE CASCADE,
        start_date   date NOT NULL,
        end_date     date NOT NULL,
        orgnrs       text[] NOT NULL,
        PRIMARY KEY (person_ident, start_date)
      )`);
    await queryRunner.query('CREATE INDEX fu_tilfelle_orgnrs_idx ON fu_tilfelle USING gin (orgnrs)');
    // Only what the counts need of each note: its periods and grades, and whether it is live.
    await queryRunner.query(`
      CREATE TABLE fu_sick_note (
        sick_note_id  uuid PRIMARY KEY,
        person_ident  text NOT NULL,
        version       integer NOT NULL,
        counts        boolean NOT NULL,
        periods       jsonb NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX fu_sick_note_person_idx ON fu_sick_note (person_ident)');
    await queryRunner.query(`
      CREATE TABLE fu_virksomhet (
        orgnr         text PRIMARY KEY,
        kommunenummer text NOT NULL,
        version       integer NOT NULL,
        cancelled     boolean NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX fu_virksomhet_kommune_idx ON fu_virksomhet (kommunenummer) WHERE NOT cancelled');
    await queryRunner.query(`
      CREATE TABLE fu_team (
        team_id uuid PRIMARY KEY,
        enhet   text NOT NULL,
        orgnrs  text[] NOT NULL
      )`);
    // The latest state of each milestone; resolved_on is the day it became DONE or EXEMPT.
    await queryRunner.query(`
      CREATE TABLE fu_milestone (
        person_ident   text NOT NULL,
        tilfelle_start date NOT NULL,
        milestone      text NOT NULL,
        state          text NOT NULL,
        deadline       date NOT NULL,
        enhet          text NOT NULL,
        resolved_on    date,
        changed_on     date NOT NULL,
        PRIMARY KEY (person_ident, tilfelle_start, milestone)
      )`);
    await queryRunner.query('CREATE INDEX fu_milestone_deadline_idx ON fu_milestone (milestone, deadline)');
    await queryRunner.query(`
      CREATE TABLE fu_screening_decision (
        decision_id    uuid PRIMARY KEY,
        person_ident   text NOT NULL,
        tilfelle_start date NOT NULL,
        rule_set       text NOT NULL,
        outcome        text NOT NULL,
        rule           text NOT NULL,
        decided_on     date NOT NULL,
        enhet          text NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX fu_screening_decision_rule_set_idx ON fu_screening_decision (rule_set, person_ident)');
    await queryRunner.query(`
      CREATE TABLE fu_work_item (
        work_item_id uuid PRIMARY KEY,
        person_ident text NOT NULL,
        type         text NOT NULL,
        state        text NOT NULL,
        enhet        text NOT NULL,
        veileder     text,
        statutory    boolean NOT NULL,
        due_date     date,
        completed_on date,
        changed_on   date NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX fu_work_item_open_idx ON fu_work_item (enhet) WHERE state = 'OPEN'`);
    await queryRunner.query('CREATE INDEX fu_work_item_completed_idx ON fu_work_item (type, person_ident) WHERE completed_on IS NOT NULL');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['fu_work_item', 'fu_screening_decision', 'fu_milestone', 'fu_team', 'fu_virksomhet', 'fu_sick_note', 'fu_tilfelle', 'fu_person']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
