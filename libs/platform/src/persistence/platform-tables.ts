import type { QueryRunner } from 'typeorm';

/** The outbox and inbox tables every service needs; called from each service's first migration. */
export async function createPlatformTables(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`
    CREATE TABLE outbox_message (
      seq             bigserial PRIMARY KEY,
      event_id        uuid NOT NULL UNIQUE,
      topic           text NOT NULL,
      message_key     text NOT NULL,
      envelope        jsonb NOT NULL,
      created_at      timestamptz NOT NULL DEFAULT now(),
      published_at    timestamptz,
      attempts        integer NOT NULL DEFAULT 0,
      last_error      text
    )`);
  await queryRunner.query(`CREATE INDEX outbox_message_pending_idx ON outbox_message (seq) WHERE published_at IS NULL`);
  await queryRunner.query(`
    CREATE TABLE inbox_entry (
      consumer_group text NOT NULL,
      event_id       uuid NOT NULL,
      topic          text NOT NULL,
      processed_at   timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (consumer_group, event_id)
    )`);
}

export async function dropPlatformTables(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query('DROP TABLE inbox_entry');
  await queryRunner.query('DROP TABLE outbox_message');
}

/** The audit log AuditService writes; for services that serve person data. */
export async function createAuditTable(queryRunner: QueryRunner): Promise<void> {
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
