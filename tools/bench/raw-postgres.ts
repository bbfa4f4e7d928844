import type { Pool, PoolClient } from 'pg';

import type { StoredRows } from './bench-notes';
import { now } from './measure';

/** A scratch schema in the bench database, so the raw writes never touch case-intake's own tables. */
const SCRATCH = 'bench_raw';
/** Notes per transaction for the bulk load: enough that commits and round trips vanish in the row work. */
export const RAW_BATCH_NOTES = 1_000;
/** One loader connection per core: one builds its next batch while the server writes the other's. */
export const RAW_BATCH_CONNECTIONS = 2;
/** case-intake's DATABASE_POOL_SIZE default: the parallelism its one-note transactions get. */
export const RAW_PER_NOTE_CONNECTIONS = 10;

// The rows case-intake writes per note, written the shortest way: each table once, the final tilfelle
// list straight away instead of a placeholder row that is locked, read and updated.
const DOCUMENT = `INSERT INTO ${SCRATCH}.document (id, kind, source_system, source_id, person_ident, orgnr, version, content_hash, body, diagnosis_system, diagnosis_code, received_at)`;
const DOCUMENT_VERSION = `INSERT INTO ${SCRATCH}.document_version (document_id, version, content_hash, body, orgnr, received_at)`;
const PERSON_TILFELLER = `INSERT INTO ${SCRATCH}.person_tilfeller (person_ident, tilfeller, recurring_absence, revision, computed_at)`;
const TILFELLER_UPSERT = `ON CONFLICT (person_ident) DO UPDATE SET tilfeller = EXCLUDED.tilfeller, recurring_absence = EXCLUDED.recurring_absence,
  revision = ${SCRATCH}.person_tilfeller.revision + 1, computed_at = EXCLUDED.computed_at`;
const OUTBOX = `INSERT INTO ${SCRATCH}.outbox_message (event_id, topic, message_key, envelope)`;

const ONE = {
  document: `${DOCUMENT} VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $8, $9, $10, $11) ON CONFLICT (kind, source_system, source_id) DO NOTHING RETURNING id`,
  documentVersion: `${DOCUMENT_VERSION} VALUES ($1, 1, $2, $3, $4, $5)`,
  personTilfeller: `${PERSON_TILFELLER} VALUES ($1, $2, $3, $4, $5) ${TILFELLER_UPSERT}`,
  outbox: `${OUTBOX} VALUES ($1, $2, $3, $4), ($5, $6, $7, $8)`,
};
// A bulk loader sends a batch as one statement per table: an array per column, unnested server-side.
const MANY = {
  document: `${DOCUMENT} SELECT id, kind, ss, sid, pi, org, 1, hash, body, dsys, dcode, at
    FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::jsonb[], $9::text[], $10::text[], $11::timestamptz[])
    AS t (id, kind, ss, sid, pi, org, hash, body, dsys, dcode, at)`,
  documentVersion: `${DOCUMENT_VERSION} SELECT id, 1, hash, body, org, at FROM unnest($1::uuid[], $2::text[], $3::jsonb[], $4::text[], $5::timestamptz[]) AS t (id, hash, body, org, at)`,
  personTilfeller: `${PERSON_TILFELLER} SELECT * FROM unnest($1::text[], $2::jsonb[], $3::boolean[], $4::integer[], $5::timestamptz[]) ${TILFELLER_UPSERT}`,
  outbox: `${OUTBOX} SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[])`,
};

/**
 * Copies of case-intake's tables as its migrations left them (columns, constraints, indexes), so the
 * raw writes pay for the same checks and index updates. LIKE copies no foreign key and no sequence
 * ownership, so those are added here.
 */
export async function createScratchTables(pool: Pool): Promise<void> {
  await pool.query(`DROP SCHEMA IF EXISTS ${SCRATCH} CASCADE`);
  await pool.query(`CREATE SCHEMA ${SCRATCH}`);
  for (const table of ['document', 'document_version', 'person_tilfeller', 'outbox_message']) {
    await pool.query(`CREATE TABLE ${SCRATCH}.${table} (LIKE case_intake.${table} INCLUDING ALL)`);
  }
  await pool.query(`ALTER TABLE ${SCRATCH}.document_version ADD FOREIGN KEY (document_id) REFERENCES ${SCRATCH}.document (id)`);
  await pool.query(`CREATE SEQUENCE ${SCRATCH}.outbox_message_seq OWNED BY ${SCRATCH}.outbox_message.seq`);
  await pool.query(`ALTER TABLE ${SCRATCH}.outbox_message ALTER COLUMN seq SET DEFAULT nextval('${SCRATCH}.outbox_message_seq')`);
}

/** Empties the scratch tables and flushes dirty pages, so each phase starts from the same state. */
export async function resetScratchTables(pool: Pool): Promise<void> {
  await pool.query(`TRUNCATE ${SCRATCH}.document, ${SCRATCH}.document_version, ${SCRATCH}.person_tilfeller, ${SCRATCH}.outbox_message`);
  await pool.query('CHECKPOINT');
}

export async function dropScratchTables(pool: Pool): Promise<void> {
  await pool.query(`DROP SCHEMA IF EXISTS ${SCRATCH} CASCADE`);
}

/** Every note in its own transaction, as case-intake commits them; returns the elapsed ms. */
export async function insertOneNotePerTransaction(pool: Pool, rows: readonly StoredRows[]): Promise<number> {
  let next = 0;
  return timedWorkers(pool, RAW_PER_NOTE_CONNECTIONS, async (client) => {
    for (let row = rows[next++]; row; row = rows[next++]) {
      await client.query('BEGIN');
      await client.query(ONE.document, row.document as unknown[]);
      await client.query(ONE.documentVersion, row.documentVersion as unknown[]);
      await client.query(ONE.personTilfeller, row.personTilfeller as unknown[]);
      await client.query(ONE.outbox, row.events.flatMap((event) => [event.eventId, event.topic, event.key, event.envelope]));
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
      // One upsert may not touch a row twice, so a person with two notes in a batch gets the last list.
      const tilfeller = [...new Map(batch.map((row) => [row.personIdent, row.personTilfeller])).values()];
      const events = batch.flatMap((row) => row.events);
      await client.query('BEGIN');
      await client.query(MANY.document, columns(batch.map((row) => row.document)));
      await client.query(MANY.documentVersion, columns(batch.map((row) => row.documentVersion)));
      await client.query(MANY.personTilfeller, columns(tilfeller));
      await client.query(MANY.outbox, columns(events.map((event) => [event.eventId, event.topic, event.key, event.envelope])));
      await client.query('COMMIT');
    }
  });
}

/** Rows to one array per column. */
export function columns(rows: readonly (readonly unknown[])[]): unknown[][] {
  return rows[0]!.map((_, column) => rows.map((row) => row[column]));
}

/**
 * Connects first, so the timing covers the writes and not the connection set-up. Waits for every
 * worker before it gives a connection back, even when one has failed.
 */
export async function timedWorkers(pool: Pool, connections: number, work: (client: PoolClient) => Promise<void>): Promise<number> {
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
