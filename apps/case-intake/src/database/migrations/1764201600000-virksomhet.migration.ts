import type { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS_BEFORE = "'SICK_NOTE', 'SOKNAD', 'INNTEKTSMELDING', 'ARBEIDSFORHOLD', 'OPPFOLGINGSPLAN', 'SCREENING_ANSWER'";

/** Virksomheter from the employer register become a kind of versioned document: the one kind without a person. */
export class Virksomhet1764201600000 implements MigrationInterface {
  public readonly name = 'Virksomhet1764201600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE document DROP CONSTRAINT document_kind_check');
    await queryRunner.query(`ALTER TABLE document ADD CONSTRAINT document_kind_check CHECK (kind IN (${KINDS_BEFORE}, 'VIRKSOMHET'))`);
    await queryRunner.query('ALTER TABLE document ALTER COLUMN person_ident DROP NOT NULL');
    await queryRunner.query(`ALTER TABLE document ADD CONSTRAINT document_person_check CHECK ((person_ident IS NULL) = (kind = 'VIRKSOMHET'))`);
  }

  /** Refuses while virksomheter exist, rather than losing them. */
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE document DROP CONSTRAINT document_person_check');
    await queryRunner.query('ALTER TABLE document ALTER COLUMN person_ident SET NOT NULL');
    await queryRunner.query('ALTER TABLE document DROP CONSTRAINT document_kind_check');
    await queryRunner.query(`ALTER TABLE document ADD CONSTRAINT document_kind_check CHECK (kind IN (${KINDS_BEFORE}))`);
  }
}
