import { createAuditTable } from '@syfo/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Milestones with their durable schedule, screening, work items and the stoppunkt-1 batch. */
export class FollowUp1764028800000 implements MigrationInterface {
  public readonly name = 'FollowUp1764028800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await createAuditTable(queryRunner);
    // One row per person: the tilfelle list as case-intake last published it, routing, and when the
    // scheduler must look at the person again (the durable schedule: no in-memory timers).
    await queryRunner.query(`
      CREATE TABLE person_followup (
        person_ident           text PRIMARY KEY,
        revision               integer NOT NULL,
        tilfeller              jsonb NOT NULL,
        recurring_absence      boolean NOT NULL,
        current_tilfelle_start date,
        current_tilfelle_end   date,
        maksdato               date,
        dm2_stoppunkt          date,
        enhet                  text NOT NULL,
        enhet_override         text,
        veileder               text,
        next_check_on          date,
        updated_at             timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX person_followup_schedule_idx ON person_followup (next_check_on) WHERE next_check_on IS NOT NULL');
    await queryRunner.query(`
      CREATE TABLE person_assignment_history (
        id           bigserial PRIMARY KEY,
        person_ident text NOT NULL,
        enhet        text NOT NULL,
        veileder     text,
        assigned_by  text NOT NULL,
        reason       text NOT NULL,
        at           timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX person_assignment_history_person_idx ON person_assignment_history (person_ident, at)');
    await queryRunner.query(`
      CREATE TABLE person_sick_note (
        sick_note_id uuid PRIMARY KEY,
        person_ident text NOT NULL,
        version      integer NOT NULL,
        cancelled    boolean NOT NULL,
        orgnr        text,
        periods      jsonb NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX person_sick_note_person_idx ON person_sick_note (person_ident)');
    await queryRunner.query(`
      CREATE TABLE milestone (
        person_ident   text NOT NULL,
        tilfelle_start date NOT NULL,
        type           text NOT NULL,
        legal          boolean NOT NULL,
        actor          text NOT NULL,
        due_from       date NOT NULL,
        deadline       date NOT NULL,
        date_source    text NOT NULL,
        state          text NOT NULL,
        state_reason   text,
        next_change_on date,
        fired_on       date,
        updated_at     timestamptz NOT NULL,
        PRIMARY KEY (person_ident, tilfelle_start, type)
      )`);
    // Completions and exemptions: what people decided, kept apart from what the calculator derives.
    await queryRunner.query(`
      CREATE TABLE milestone_resolution (
        person_ident   text NOT NULL,
        tilfelle_start date NOT NULL,
        milestone      text NOT NULL,
        kind           text NOT NULL CHECK (kind IN ('COMPLETION', 'EXEMPTION')),
        on_date        date NOT NULL,
        reason_code    text NOT NULL,
        text           text NOT NULL,
        decided_by     text NOT NULL,
        decided_at     timestamptz NOT NULL,
        PRIMARY KEY (person_ident, tilfelle_start, milestone, kind)
      )`);
    await queryRunner.query(`
      CREATE TABLE work_item (
        id               uuid PRIMARY KEY,
        person_ident     text NOT NULL,
        key              text NOT NULL,
        type             text NOT NULL,
        priority         text NOT NULL,
        statutory        boolean NOT NULL,
        due_date         date,
        visible_from     date NOT NULL,
        enhet            text NOT NULL,
        veileder         text,
        state            text NOT NULL,
        orgnr            text,
        gradert          boolean NOT NULL,
        tilfelle_start   date NOT NULL,
        message_template text,
        created_at       timestamptz NOT NULL,
        updated_at       timestamptz NOT NULL,
        closed_by        text,
        close_reason     text,
        UNIQUE (person_ident, tilfelle_start, key)
      )`);
    // The work lists: an enhet's and a veileder's open items in priority order.
    await queryRunner.query(`CREATE INDEX work_item_enhet_open_idx ON work_item (enhet, due_date, tilfelle_start, created_at) WHERE state = 'OPEN'`);
    await queryRunner.query(`CREATE INDEX work_item_veileder_open_idx ON work_item (veileder, due_date) WHERE state = 'OPEN'`);
    await queryRunner.query('CREATE INDEX work_item_person_idx ON work_item (person_ident)');
    await queryRunner.query(`
      CREATE TABLE work_item_history (
        id           bigserial PRIMARY KEY,
        work_item_id uuid NOT NULL REFERENCES work_item (id),
        action       text NOT NULL,
        actor        text NOT NULL,
        veileder     text,
        reason       text,
        at           timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX work_item_history_item_idx ON work_item_history (work_item_id)');
    await queryRunner.query(`
      CREATE TABLE screening_case (
        person_ident     text NOT NULL,
        tilfelle_start   date NOT NULL,
        rule_set         text NOT NULL,
        rule_set_version integer NOT NULL,
        sent_on          date,
        reminder_sent_on date,
        answer           jsonb,
        facts            jsonb NOT NULL,
        attempts         integer NOT NULL DEFAULT 0,
        outcome          text,
        review_on        date,
        updated_at       timestamptz NOT NULL,
        PRIMARY KEY (person_ident, tilfelle_start, rule_set)
      )`);
    await queryRunner.query(`
      CREATE TABLE screening_decision (
        id               uuid PRIMARY KEY,
        person_ident     text NOT NULL,
        tilfelle_start   date NOT NULL,
        rule_set         text NOT NULL,
        rule_set_version integer NOT NULL,
        outcome          text NOT NULL,
        rule             text NOT NULL,
        reasons          jsonb NOT NULL,
        trace            jsonb NOT NULL,
        inputs           jsonb NOT NULL,
        decided_on       date NOT NULL,
        decided_at       timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX screening_decision_person_idx ON screening_decision (person_ident, decided_at)');
    // Stoppunkt 1: who passed 6 weeks at 100 % at which underenhet, and each employer's batch history.
    await queryRunner.query(`
      CREATE TABLE sp1_candidate (
        person_ident   text NOT NULL,
        tilfelle_start date NOT NULL,
        orgnr          text NOT NULL,
        passed_on      date NOT NULL,
        tilfelle_end   date NOT NULL,
        PRIMARY KEY (person_ident, tilfelle_start, orgnr)
      )`);
    await queryRunner.query('CREATE INDEX sp1_candidate_passed_idx ON sp1_candidate (passed_on)');
    await queryRunner.query(`
      CREATE TABLE sp1_appearance (
        orgnr      text NOT NULL,
        batch_date date NOT NULL,
        outcome    text NOT NULL,
        call_task  boolean NOT NULL,
        PRIMARY KEY (orgnr, batch_date)
      )`);
    await queryRunner.query(`
      CREATE TABLE scheduled_task (
        name        text PRIMARY KEY,
        next_run_at timestamptz NOT NULL,
        last_run_at timestamptz
      )`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'scheduled_task',
      'sp1_appearance',
      'sp1_candidate',
      'screening_decision',
      'screening_case',
      'work_item_history',
      'work_item',
      'milestone_resolution',
      'milestone',
      'person_sick_note',
      'person_assignment_history',
      'person_followup',
      'audit_log',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
