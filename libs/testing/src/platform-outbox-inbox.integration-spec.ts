import { randomUUID } from 'node:crypto';

import { deadLetterTopic, SickNoteReceivedEvent, type SickNoteReceived } from '@syfo/contracts';
import {
  createDataSource,
  createDeclaredTopics,
  createPlatformTables,
  createProducer,
  deferredWrite,
  EventConsumer,
  OutboxRelay,
  OutboxService,
  PoisonMessageError,
  systemClock,
  type DeferredWrite,
  type EventHandler,
} from '@syfo/platform';
import type { Producer } from 'kafkajs';
import pino from 'pino';
import type { DataSource, EntityManager } from 'typeorm';

import { recreateDatabase, withDatabase } from './database';
import { eventually } from './eventually';
import { deleteTopicsWithPrefix, produceRaw, readTopic, testKafka } from './kafka';
import { DEFAULT_ENVIRONMENT } from './local-services';

jest.setTimeout(120_000);

const env = { ...DEFAULT_ENVIRONMENT, database: 'syfo_platform_it', topicPrefix: `platform-it-${randomUUID().slice(0, 8)}.` };
const kafka = testKafka(env.kafkaBrokers);
const logger = pino({ level: 'silent' });
const GROUP = 'triage.intake-events';
const TOPIC = `${env.topicPrefix}intake.sick-note.v1`;

let dataSource: DataSource;
let producer: Producer;
let relay: OutboxRelay;
let outbox: OutboxService;
let consumer: EventConsumer;
/** What the handler does with the next event of a person, or with one note, for the failure tests. */
const behaviour = new Map<string, () => void>();

/** Notes per person, written once at the end of each transaction, with what `prepare` saw of it. */
class NotesPerPerson implements DeferredWrite {
  public readonly counts = new Map<string, number>();
  public prepared: readonly string[] = [];

  public async flush(manager: EntityManager): Promise<void> {
    for (const [personIdent, notes] of this.counts) {
      await manager.query('INSERT INTO per_transaction (txid, person_ident, notes, prepared) VALUES (txid_current(), $1, $2, $3)', [personIdent, notes, this.prepared]);
    }
  }
}

class RecordingHandler implements EventHandler<typeof SickNoteReceivedEvent> {
  public readonly event = SickNoteReceivedEvent;

  public async prepare(notes: readonly SickNoteReceived[], manager: EntityManager): Promise<void> {
    perTransaction(manager).prepared = notes.map((each) => each.sickNoteId);
  }

  public async handle(note: SickNoteReceived, _envelope: unknown, manager: EntityManager): Promise<void> {
    (behaviour.get(note.personIdent) ?? behaviour.get(note.sickNoteId))?.();
    await manager.query('INSERT INTO applied (person_ident, sick_note_id, txid) VALUES ($1, $2, txid_current())', [note.personIdent, note.sickNoteId]);
    const counts = perTransaction(manager).counts;
    counts.set(note.personIdent, (counts.get(note.personIdent) ?? 0) + 1);
  }
}

const perTransaction = (manager: EntityManager) => deferredWrite(manager, 'it.notes-per-person', () => new NotesPerPerson());

/** Each transaction that applied the person's notes: the notes it applied, the deferred count and what was prepared. */
const transactionsOf = (personIdent: string) =>
  withDatabase(env, async (db) =>
    (
      await db.query(
        `SELECT array_agg(a.sick_note_id::text ORDER BY a.seq) AS applied, min(t.notes) AS notes, min(t.prepared) AS prepared
         FROM platform_it.applied a LEFT JOIN platform_it.per_transaction t ON t.txid = a.txid AND t.person_ident = a.person_ident
         WHERE a.person_ident = $1 GROUP BY a.txid ORDER BY min(a.seq)`,
        [personIdent],
      )
    ).rows,
  );

function note(personIdent: string): SickNoteReceived {
  return {
    sickNoteId: randomUUID(),
    personIdent,
    orgnr: '889640782',
    status: 'SENDT',
    issuedOn: '2025-01-06',
    periods: [{ fom: '2025-01-06', tom: '2025-01-19', type: 'FULL' }],
    receivedAt: new Date().toISOString(),
    version: 1,
    cancelled: false,
  };
}

/** The envelope as the relay would publish it, for producing straight to the topic. */
const envelopeOf = (payload: SickNoteReceived, correlationId: string) =>
  JSON.stringify({ eventId: randomUUID(), type: 'intake.sick-note', version: 1, occurredAt: new Date().toISOString(), region: 'vestland', correlationId, payload });

const applied = (personIdent: string) =>
  withDatabase(env, async (db) => (await db.query('SELECT sick_note_id FROM platform_it.applied WHERE person_ident = $1 ORDER BY seq', [personIdent])).rows.map((row) => row.sick_note_id as string));

beforeAll(async () => {
  await recreateDatabase(env);
  await withDatabase(env, (db) => db.query('CREATE SCHEMA platform_it'));
  dataSource = await createDataSource(
    { DATABASE_URL: `postgres://postgres@${env.pgHost}:${env.pgPort}/${env.database}`, DATABASE_SCHEMA: 'platform_it', DATABASE_POOL_SIZE: 5 },
    { entities: [], migrations: [] },
  ).initialize();
  const runner = dataSource.createQueryRunner();
  await createPlatformTables(runner);
  await runner.query('CREATE TABLE applied (seq bigserial PRIMARY KEY, person_ident text NOT NULL, sick_note_id uuid NOT NULL, txid bigint NOT NULL)');
  await runner.query('CREATE TABLE per_transaction (txid bigint NOT NULL, person_ident text NOT NULL, notes int NOT NULL, prepared text[] NOT NULL)');
  await runner.release();

  await createDeclaredTopics(kafka, env.topicPrefix);
  producer = createProducer(kafka);
  await producer.connect();
  relay = new OutboxRelay(dataSource, producer, logger, { pollIntervalMs: 50, batchSize: 100, lockName: 'platform-it', topicPrefix: env.topicPrefix });
  outbox = new OutboxService(dataSource, systemClock, 'vestland');
  outbox.onCommitted(() => relay.nudge());
  relay.start();
  consumer = new EventConsumer(kafka, producer, dataSource, logger, {
    group: GROUP,
    topics: ['intake.sick-note.v1'],
    topicPrefix: env.topicPrefix,
    handlers: [new RecordingHandler()],
    maxAttempts: 3,
    retryBaseMs: 20,
    batchSize: 50,
  });
  await consumer.start();
});

afterAll(async () => {
  await consumer?.stop();
  await relay?.stop();
  await producer?.disconnect();
  await dataSource?.destroy();
  await deleteTopicsWithPrefix(kafka, env.topicPrefix);
});

describe('outbox and inbox over real PostgreSQL and Kafka', () => {
  it('publishes committed events in order per key, and each is applied once', async () => {
    const notes = Array.from({ length: 30 }, (_, i) => note(i % 2 === 0 ? '01019012480' : '41019012474'));
    for (let i = 0; i < notes.length; i += 10) {
      await outbox.transaction('it-order', async (tx) => {
        for (const each of notes.slice(i, i + 10)) await tx.publish(SickNoteReceivedEvent, each);
      });
    }
    for (const person of ['01019012480', '41019012474']) {
      const expected = notes.filter((each) => each.personIdent === person).map((each) => each.sickNoteId);
      await eventually(async () => expect(await applied(person)).toEqual(expected));
    }
    expect(await relay.pendingCount()).toBe(0);
  });

  it('publishes nothing for a transaction that rolls back', async () => {
    const rolledBack = note('01019012480');
    await expect(
      outbox.transaction('it-rollback', async (tx) => {
        await tx.publish(SickNoteReceivedEvent, rolledBack);
        throw new Error('the write failed');
      }),
    ).rejects.toThrow('the write failed');
    const count = await withDatabase(env, async (db) => (await db.query("SELECT count(*)::int AS n FROM platform_it.outbox_message WHERE envelope->'payload'->>'sickNoteId' = $1", [rolledBack.sickNoteId])).rows[0].n);
    expect(count).toBe(0);
  });

  it('applies a redelivered event once', async () => {
    const person = '21019012422';
    const envelope = envelopeOf(note(person), 'it-dup');
    const marker = note(person);
    await produceRaw(kafka, TOPIC, [
      { key: person, value: envelope },
      { key: person, value: envelope },
    ]);
    await outbox.transaction('it-dup-marker', (tx) => tx.publish(SickNoteReceivedEvent, marker));
    await eventually(async () => expect((await applied(person)).at(-1)).toBe(marker.sickNoteId));
    expect(await applied(person)).toHaveLength(2);
  });

  it('retries a failing handler, then parks a poison event with its reason while the partition flows on', async () => {
    const person = '31019012584';
    let failures = 2;
    behaviour.set(person, () => {
      if (failures > 0) {
        failures -= 1;
        throw new Error('deadlock, try again');
      }
    });
    const retried = note(person);
    await outbox.transaction('it-retry', (tx) => tx.publish(SickNoteReceivedEvent, retried));
    await eventually(async () => expect(await applied(person)).toEqual([retried.sickNoteId]));

    behaviour.set(person, () => {
      throw new PoisonMessageError('it.cannot_apply', 'this event can never be applied');
    });
    const poison = note(person);
    await outbox.transaction('it-poison', (tx) => tx.publish(SickNoteReceivedEvent, poison));
    const dead = await readTopic(kafka, `${env.topicPrefix}${deadLetterTopic(GROUP)}`, (messages) => messages.some((m) => String(m.value).includes(poison.sickNoteId)));
    const parked = dead.find((m) => String(m.value).includes(poison.sickNoteId))!;
    expect(JSON.parse(String(parked.headers?.['dlq-reason']))).toMatchObject({ reason: 'it.cannot_apply' });

    behaviour.delete(person);
    const after = note(person);
    await outbox.transaction('it-after', (tx) => tx.publish(SickNoteReceivedEvent, after));
    await eventually(async () => expect(await applied(person)).toEqual([retried.sickNoteId, after.sickNoteId]));
  });

  it('applies consecutive events of a partition in one transaction', async () => {
    const person = '05019012427';
    const notes = Array.from({ length: 5 }, () => note(person));
    const envelopes = notes.map((each) => envelopeOf(each, 'it-batch'));
    // One produce request is one record batch: the consumer fetches all five together.
    await produceRaw(kafka, TOPIC, envelopes.map((value) => ({ key: person, value })));
    await eventually(async () => expect(await applied(person)).toEqual(notes.map((each) => each.sickNoteId)));
    // processed_at is the transaction's start: one value for all five means one transaction.
    const eventIds = envelopes.map((value) => JSON.parse(value).eventId as string);
    const transactions = await withDatabase(env, async (db) => (await db.query('SELECT count(DISTINCT processed_at)::int AS n FROM platform_it.inbox_entry WHERE event_id = ANY ($1::uuid[])', [eventIds])).rows[0].n);
    expect(transactions).toBe(1);
    // The handler prepared once with all five, and its deferred write ran once, at the end, with all five counted.
    const ids = notes.map((each) => each.sickNoteId);
    expect(await transactionsOf(person)).toEqual([{ applied: ids, notes: 5, prepared: ids }]);
  });

  it('parks a poison event inside a batch and applies the others once, in order', async () => {
    const person = '15019012589';
    const notes = Array.from({ length: 4 }, () => note(person));
    behaviour.set(notes[2]!.sickNoteId, () => {
      throw new PoisonMessageError('it.poison_in_batch', 'this event can never be applied');
    });
    await produceRaw(kafka, TOPIC, notes.map((each) => ({ key: person, value: envelopeOf(each, 'it-batch-poison') })));
    await eventually(async () => expect(await applied(person)).toEqual([notes[0]!.sickNoteId, notes[1]!.sickNoteId, notes[3]!.sickNoteId]));
    // The batch's deferred write was rolled back with it; one at a time, each event prepares and flushes its own.
    expect(await transactionsOf(person)).toEqual([0, 1, 3].map((i) => ({ applied: [notes[i]!.sickNoteId], notes: 1, prepared: [notes[i]!.sickNoteId] })));
    const dead = await readTopic(kafka, `${env.topicPrefix}${deadLetterTopic(GROUP)}`, (messages) => messages.some((m) => String(m.value).includes(notes[2]!.sickNoteId)));
    expect(JSON.parse(String(dead.find((m) => String(m.value).includes(notes[2]!.sickNoteId))!.headers?.['dlq-reason']))).toMatchObject({ reason: 'it.poison_in_batch' });
    behaviour.delete(notes[2]!.sickNoteId);
  });
});
