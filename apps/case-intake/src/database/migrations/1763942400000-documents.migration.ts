import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Sick notes become one kind of versioned document; tilfeller and the audit log get their tables. */
export class Documents1763942400000 implements MigrationInterface {
  public readonly name = 'Documents1763942400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE document (
        id               uuid PRIMARY KEY,
        kind             text NOT NULL CHECK (kind IN ('SICK_NOTE', 'SOKNAD', 'INNTEKTSMELDING', 'ARBEIDSFORHOLD')),
        source_system    text NOT NULL,
        source_id        text NOT NULL,
        person_ident     text NOT NULL,
        orgnr            text,
        version          integer NOT NULL,
        content_hash     text NOT NULL,
        body             jsonb NOT NULL,
        diagnosis_system text,
        diagnosis_code   text,
        received_at      timestamptz NOT NULL,
        cancelled_at     timestamptz,
        UNIQUE (kind, source_system, source_id)
      )`);
    await queryRunner.query('CREATE INDEX document_person_idx ON document (person_ident)');
    await queryRunner.query(`
      CREATE TABLE document_version (
        document_id  uuid NOT NULL REFERENCES document (id),
        version      integer NOT NULL,
        content_hash text NOT NULL,
        body         jsonb NOT NULL,
        orgnr        text,
        received_at  timestamptz NOT NULL,
        PRIMARY KEY (document_id, version)
      )`);
    await queryRunner.query(`
      INSERT INTO document (id, kind, source_system, source_id, person_ident, orgnr, version, content_hash, body, diagnosis_system, diagnosis_code, received_at)
      SELECT id, 'SICK_NOTE', source_system, source_id, person_ident, orgnr, 1, content_hash,
             jsonb_build_object('status', status, 'issuedOn', to_char(issued_on, 'YYYY-MM-DD'), 'periods', periods), diagnosis_system, diagnosis_code, received_at
      FROM sick_note`);
    await queryRunner.query('INSERT INTO document_version (document_id, version, content_hash, body, orgnr, received_at) SELECT id, 1, content_hash, body, orgnr, received_at FROM document');
    await queryRunner.query('DROP TABLE sick_note');
    await queryRunner.query(`
      CREATE TABLE person_tilfeller (
        person_ident      text PRIMARY KEY,
        tilfeller         jsonb NOT NULL,
        recurring_absence boolean NOT NULL,
        revision          integer NOT NULL,
        computed_at       timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE audit_log (
        id           bigserial PRIMARY KEY,
        at           timestamptz NOT NULL,
        actor        text NOT NULL,
        action       text NOT NULL,
        resource     text NOT NULL,
        person_ident text NOT NULL,
        purpose      text NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX audit_log_person_idx ON audit_log (person_ident, at)');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE audit_log');
    await queryRunner.query('DROP TABLE person_tilfeller');
    await queryRunner.query(`
      CREATE TABLE sick_note (
        id uuid PRIMARY KEY, source_system text NOT NULL, source_id text NOT NULL, content_hash text NOT NULL,
        person_ident text NOT NULL, orgnr text, status text NOT NULL, issued_on date NOT NULL,
        diagnosis_system text, diagnosis_code text, periods jsonb NOT NULL, received_at timestamptz NOT NULL,
        UNIQUE (source_system, source_id)
      )`);
    await queryRunner.query('CREATE INDEX sick_note_person_idx ON sick_note (person_ident)');
    await queryRunner.query(`
      INSERT INTO sick_note (id, source_system, source_id, content_hash, person_ident, orgnr, status, issued_on, diagnosis_system, diagnosis_code, periods, received_at)
      SELECT id, source_system, source_id, content_hash, person_ident, orgnr, body->>'status', (body->>'issuedOn')::date, diagnosis_system, diagnosis_code, body->'periods', received_at
      FROM document WHERE kind = 'SICK_NOTE'`);
    await queryRunner.query('DROP TABLE document_version');
    await queryRunner.query('DROP TABLE document');
  }
}
