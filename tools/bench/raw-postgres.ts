import type { Pool, PoolClient } from 'pg';

import type { StoredRows } from './bench-notes';
import { now } from './measure';

/** A scratch schema in the bench database, so the raw writes never touch case-intake's own tables. */
const SCRATCH = 'bench_raw';
/** Notes per transaction for the bulk load: large enough that commit and round trips vanish in the row work. */
export const RAW_BATCH_NOTES = 1_000;
/** One loader connection per core: one builds its next batch while the server writes the other's. */
export const RAW_BATCH_CONNECTIONS = 2;
/** case-intake's DATABASE_POOL_SIZE default: the parallelism its one-note transactions get. */
export const RAW_PER_NOTE_CONNECTIONS = 10;

// The statements case-intake runs per note (SickNotesService.store, OutboxService.enqueue).
const INSERT_NOTE = `INSERT INTO ${SCRATCH}.sick_note (id, source_system, source_id, content_hash, person_ident, orgnr, status, issued_on, diagnosis_system, diagnosis_code, periods, received_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (source_system, source_id) DO NOTHING RETURNING id`;
const INSERT_OUTBOX = `INSERT INTO ${SCRATCH}.outbox_message (event_id, topic, message_key, envelope) VALUES ($1, $2, $3, $4)`;
// A bulk loader sends a whole batch as one statement per table: one array per column, unnested server-side.
const INSERT_NOTES = `INSERT INTO ${SCRATCH}.sick_note (id, source_system, source_id, content_hash, person_ident, orgnr, status, issued_on, diagnosis_system, diagnosis_code, periods, received_at)
  SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::date[], $9::text[], $10::text[], $11::jsonb[], $12::timestamptz[])`;
const INSERT_OUTBOXES = `INSERT INTO ${SCRATCH}.outbox_message (event_id, topic, message_key, envelope)
  SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[])`;

/**
 * Copies of case-intake's tables as its migrations left them (columns, constraints, indexes), so the
 * raw writes pay for the same unique checks and index updates. The outbox gets its own sequence.
 */
export async function createScratchTables(pool: Pool): Promise<void> {
  await pool.query(`DROP SCHEMA IF EXISTS ${SCRATCH} CASCADE`);
  await pool.query(`CREATE SCHEMA ${SCRATCH}`);
  await pool.query(`CREATE TABLE ${SCRATCH}.sick_note (LIKE case_intake.sick_note INCLUDING ALL)`);
  await pool.query(`CREATE TABLE ${SCRATCH}.outbox_message (LIKE case_intake.outbox_message INCLUDING ALL)`);
  await pool.query(`CREATE SEQUENCE ${SCRATCH}.outbox_message_seq OWNED BY ${SCRATCH}.outbox_message.seq`);
  await pool.query(`ALTER TABLE ${SCRATCH}.outbox_message ALTER COLUMN seq SET DEFAULT nextval('${SCRATCH}.outbox_message_seq')`);
}

/** Empties the scratch tables and flushes dirty pages, so each phase starts from the same state. */
export async function resetScratchTables(pool: Pool): Promise<void> {
  await pool.query(`TRUNCATE ${SCRATCH}.sick_note, ${SCRATCH}.outbox_message`);
  await pool.query('CHECKPOINT');
}

export async function dropScratchTables(pool: Pool): Promise<void> {
  await pool.query(`DROP SCHEMA IF EXISTS ${SCRATCH} CASCADE`);
}

/** Every note in its own transaction, exactly as case-intake commits them; returns the elapsed ms. */
export async function insertOneNotePerTransaction(pool: Pool, rows: readonly StoredRows[]): Promise<number> {
  let next = 0;
  return timedWorkers(pool, RAW_PER_NOTE_CONNECTIONS, async (client) => {
    for (let row = rows[next++]; row; row = rows[next++]) {
      await client.query('BEGIN');
      await client.query(INSERT_NOTE, [...row.sickNote]);
      await client.query(INSERT_OUTBOX, [row.outbox.eventId, row.outbox.topic, row.outbox.key, row.outbox.envelope]);
      await client.query('COMMIT');
    }
  });
}

/** The same rows, RAW_BATCH_NOTES notes per transaction; returns the elapsed ms. */
export async function insertBatched(pool: Pool, rows: readonly StoredRows[]): Promise<number> {
  let next = 0;
  return timedWorkers(pool, RAW_BATCH_CONNECTIONS, async (client) => {
    for (let start = next; start < rows.length; start = next) {
      next += RAW_BATCH_NOTES;
      const batch = rows.slice(start, start + RAW_BATCH_NOTES);
      await client.query('BEGIN');
      await client.query(INSERT_NOTES, batch[0]!.sickNote.map((_, column) => batch.map((row) => row.sickNote[column])));
      await client.query(INSERT_OUTBOXES, [
        batch.map((row) => row.outbox.eventId),
        batch.map((row) => row.outbox.topic),
        batch.map((row) => row.outbox.key),
        batch.map((row) => row.outbox.envelope),
      ]);
      await client.query('COMMIT');
    }
  });
}

/**
 * Connects first, so the timing covers the writes and not the connection set-up. Waits for every
 * worker before it gives a connection back, even when one has failed.
 */
async function timedWorkers(pool: Pool, connections: number, work: (client: PoolClient) => Promise<void>): Promise<number> {
  const clients = await Promise.all(Array.from({ length: connections }, () => pool.connect()));
  try {
    const start = now();
    const failed = (await Promise.allSettled(clients.map(work))).find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    return now() - start;
  } finally {
    clients.forEach((client) => client.release());
  }
}
