import type { MigrationInterface, QueryRunner } from 'typeorm';

const TILFELLE_KINDS = "'SICK_NOTE', 'SOKNAD', 'INNTEKTSMELDING', 'ARBEIDSFORHOLD'";
const FOLLOW_UP_KINDS = "'OPPFOLGINGSPLAN', 'SCREENING_ANSWER'";

/** Oppfølgingsplaner and screening answers become kinds of versioned document. */
export class FollowUpFacts1764028800000 implements MigrationInterface {
  public readonly name = 'FollowUpFacts1764028800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE document DROP CONSTRAINT document_kind_check');
    await queryRunner.query(`ALTER TABLE document ADD CONSTRAINT document_kind_check CHECK (kind IN (${TILFELLE_KINDS}, ${FOLLOW_UP_KINDS}))`);
  }

  /** Refuses while such documents exist, rather than losing them. */
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE document DROP CONSTRAINT document_kind_check');
    await queryRunner.query(`ALTER TABLE document ADD CONSTRAINT document_kind_check CHECK (kind IN (${TILFELLE_KINDS}))`);
  }
}
