import { createAuditTable } from '@syfo/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The quarterly sick-leave statistics (handbook §9.1), kept incrementally (quarterly-statistics/statistics.ledger.ts):
 * each person's facts and contributions, the employer register, the rows they add up to, and the masked snapshot
 * the queries read. Person data stays in stat_person and stat_person_unit; every other table is per unit or above.
 * Dagsverk are bigint micro-dagsverk (1/1,000,000 of a dagsverk), so every sum is exact.
 */
export class QuarterlyStatistics1764100000000 implements MigrationInterface {
  public readonly name = 'QuarterlyStatistics1764100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // facts: PersonFactsState as JSON. contributions: what the person adds to each (quarter, underenhet), as the
    // aggregate rows hold it now; the next change subtracts exactly this. Every event rewrites its person's row: room
    // in each page lets the new version stay there without touching the index (a HOT update).
    await queryRunner.query(`
      CREATE TABLE stat_person (
        person_ident  text PRIMARY KEY,
        facts         jsonb NOT NULL,
        contributions jsonb NOT NULL,
        updated_at    timestamptz NOT NULL
      ) WITH (fillfactor = 70)`);
    // Who is counted at each underenhet: the persons a register change reclassifies.
    await queryRunner.query(`
      CREATE TABLE stat_person_unit (
        orgnr        text NOT NULL,
        person_ident text NOT NULL,
        PRIMARY KEY (orgnr, person_ident)
      )`);
    await queryRunner.query(`
      CREATE TABLE stat_virksomhet (
        orgnr            text PRIMARY KEY,
        hovedenhet_orgnr text,
        naeringskode     text NOT NULL,
        sektor           text NOT NULL,
        kommunenummer    text NOT NULL,
        version          integer NOT NULL,
        cancelled        boolean NOT NULL,
        updated_at       timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX stat_virksomhet_hovedenhet_idx ON stat_virksomhet (hovedenhet_orgnr) WHERE hovedenhet_orgnr IS NOT NULL');
    const sums = `
        antall_personer integer NOT NULL,
        mulige          bigint NOT NULL,
        tapte           bigint NOT NULL,
        tapte_gradert   bigint NOT NULL,
        tapte_a         bigint NOT NULL,
        tapte_b         bigint NOT NULL,
        tapte_c         bigint NOT NULL,
        tapte_d         bigint NOT NULL,
        tapte_e         bigint NOT NULL,
        tapte_f         bigint NOT NULL`;
    // The live rows: every event's delta lands here in the event's own transaction. Never read by the queries. No
    // CHECK on antall_personer: PostgreSQL checks the row an upsert proposes, and a delta's is negative; the
    // repository checks the result instead.
    await queryRunner.query(`
      CREATE TABLE stat_aggregate (
        quarter text NOT NULL,
        level   text NOT NULL,
        code    text NOT NULL,${sums},
        PRIMARY KEY (quarter, level, code)
      )`);
    // What the queries read: a quarter's rows masked together, as of its last refresh. mask_reason null = shown.
    await queryRunner.query(`
      CREATE TABLE stat_figure (
        quarter      text NOT NULL,
        level        text NOT NULL,
        code         text NOT NULL,${sums},
        mask_reason  text,
        refreshed_at timestamptz NOT NULL,
        PRIMARY KEY (quarter, level, code)
      )`);
    // Quarters whose live rows changed since their snapshot.
    await queryRunner.query('CREATE TABLE stat_dirty_quarter (quarter text PRIMARY KEY, marked_at timestamptz NOT NULL)');
    // The window the stored contributions were computed for (one row).
    await queryRunner.query(`
      CREATE TABLE stat_state (
        id            boolean PRIMARY KEY DEFAULT true CHECK (id),
        window_from   text NOT NULL,
        window_to     text NOT NULL,
        recomputed_at timestamptz
      )`);
    await queryRunner.query(`
      CREATE TABLE stat_published_import (
        import_id   uuid PRIMARY KEY,
        imported_at timestamptz NOT NULL,
        imported_by text NOT NULL,
        reason      text NOT NULL,
        row_count   integer NOT NULL
      )`);
    // Aggregates published elsewhere (national, sector, industry), shown beside the computed ones as PUBLISHED.
    await queryRunner.query(`
      CREATE TABLE stat_published_aggregate (
        quarter         text NOT NULL,
        level           text NOT NULL,
        code            text NOT NULL,
        publisher       text NOT NULL,
        tapte           bigint NOT NULL,
        mulige          bigint NOT NULL,
        antall_personer integer NOT NULL,
        import_id       uuid NOT NULL REFERENCES stat_published_import (import_id),
        PRIMARY KEY (quarter, level, code, publisher)
      )`);
    // Pseudonymised exports hold person data: every person exported is written here (handbook §10.5).
    await createAuditTable(queryRunner);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE audit_log');
    for (const table of ['stat_published_aggregate', 'stat_published_import', 'stat_state', 'stat_dirty_quarter', 'stat_figure', 'stat_aggregate', 'stat_virksomhet', 'stat_person_unit', 'stat_person']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
