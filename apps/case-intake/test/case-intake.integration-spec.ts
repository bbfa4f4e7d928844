import { randomUUID } from 'node:crypto';

import { status, type ServiceError } from '@grpc/grpc-js';
import { deadLetterTopic } from '@syfo/contracts';
import { decodeBadRequest } from '@syfo/platform';
import {
  DEFAULT_ENVIRONMENT,
  ServiceProcess,
  deleteTopicsWithPrefix,
  eventually,
  grpcAddress,
  grpcClient,
  localService,
  prepareInfrastructure,
  produceRaw,
  readTopic,
  recreateDatabase,
  syntheticOrgnr,
  syntheticPersonIdent,
  testKafka,
  withDatabase,
  TEST_PORT_OFFSETS,
} from '@syfo/testing';

jest.setTimeout(180_000);

// case-intake alone, as a real process over real gRPC, Kafka and PostgreSQL, in its own namespace.
const env = { ...DEFAULT_ENVIRONMENT, database: 'syfo_case_intake_it', portOffset: TEST_PORT_OFFSETS.caseIntake, topicPrefix: `intake-it-${randomUUID().slice(0, 8)}.` };
const kafka = testKafka(env.kafkaBrokers);
const service = new ServiceProcess(localService('case-intake'), env, { OUTBOX_POLL_INTERVAL_MS: '50' });
const address = () => grpcAddress(localService('case-intake'), env);
const sickNotes = () => grpcClient('case-intake', 'SickNoteService', address());
const documents = () => grpcClient('case-intake', 'DocumentService', address());
const tilfelleService = () => grpcClient('case-intake', 'TilfelleService', address());
const A = syntheticOrgnr(1);
let personCounter = 0;

function newPerson(): string {
  personCounter += 1;
  return syntheticPersonIdent(7000 + personCounter);
}

function note(personIdent: string, sourceId: string, fom: string, tom: string, overrides: Record<string, unknown> = {}) {
  return { sourceSystem: 'it', sourceId, personIdent, orgnr: A, status: 'SICK_NOTE_STATUS_SENDT', issuedOn: fom, periods: [{ fom, tom, type: 'PERIOD_TYPE_FULL' }], ...overrides };
}

async function tilfeller(personIdent: string): Promise<string[]> {
  const client = tilfelleService();
  try {
    const response = await client.call<{ tilfeller: { start: string; end: string; antallSykedager: number }[] }>('GetPersonTilfeller', { personIdent, purpose: 'integration test' }, { 'x-actor': 'Z990001' });
    return response.tilfeller.map((t) => `${t.start}..${t.end} (${t.antallSykedager})`);
  } finally {
    client.close();
  }
}

async function submit(request: unknown): Promise<{ sickNoteId: string; duplicate: boolean }> {
  const client = sickNotes();
  try {
    return await client.call('SubmitSickNote', request);
  } finally {
    client.close();
  }
}

/** The tilfelle lists published for a person, in order, read from Kafka. */
async function publishedTilfeller(personIdent: string, count: number): Promise<{ revision: number; tilfeller: { start: string; end: string }[] }[]> {
  const messages = await readTopic(kafka, `${env.topicPrefix}intake.tilfelle-person.v1`, (all) => all.filter((m) => String(m.key) === personIdent).length >= count);
  return messages.filter((m) => String(m.key) === personIdent).map((m) => JSON.parse(String(m.value)).payload);
}

function plan(personIdent: string, sourceId: string, overrides: Record<string, unknown> = {}) {
  return {
    sourceSystem: 'it',
    sourceId,
    personIdent,
    orgnr: A,
    createdOn: '2025-02-03',
    arbeidsoppgaverOgArbeidsevne: 'Kan ta kontorarbeid, ikke løft over ti kilo',
    tiltakArbeidsgiver: ['Kortere arbeidsdager de første ukene', 'Hev-senk-pult på kontoret'],
    tiltakMedBistand: ['Arbeidsplassvurdering med bedriftshelsetjenesten'],
    videreOppfolging: 'Nytt møte med nærmeste leder om fire uker',
    evaluationDate: '2025-03-03',
    sharedWithNav: true,
    sharedWithSykmelder: true,
    approvedByEmployee: true,
    ...overrides,
  };
}

/** A fact topic's events for a person (or, for a virksomhet, an orgnr), in order, read from Kafka. */
async function publishedFacts<T>(topic: string, key: string, count: number): Promise<T[]> {
  const messages = await readTopic(kafka, `${env.topicPrefix}${topic}`, (all) => all.filter((m) => String(m.key) === key).length >= count);
  return messages.filter((m) => String(m.key) === key).map((m) => JSON.parse(String(m.value)).payload);
}

function virksomhet(orgnr: string, sourceId: string, overrides: Record<string, unknown> = {}) {
  return { sourceSystem: 'it', sourceId, orgnr, hovedenhetOrgnr: syntheticOrgnr(2), naeringskode: '86.101', sektor: 'SEKTOR_KOMMUNAL', kommunenummer: '0301', ...overrides };
}

/** An envelope on the inbound documents topic, as an external case system publishes it. */
function inboundEnvelope(type: string, payload: unknown, correlationId = 'it-inbound'): string {
  return JSON.stringify({ eventId: randomUUID(), type, version: 1, occurredAt: new Date().toISOString(), region: env.region, correlationId, payload });
}

const count = (sql: string, params: unknown[] = []) => withDatabase(env, async (db) => (await db.query(sql, params)).rows[0].n as number);

beforeAll(async () => {
  await recreateDatabase(env);
  await prepareInfrastructure(env);
  await service.start();
});

afterAll(async () => {
  await service.kill();
  await deleteTopicsWithPrefix(kafka, env.topicPrefix);
});

describe('case-intake over real gRPC, Kafka and PostgreSQL', () => {
  it('stores a note delivered twice once, and publishes one tilfelle list', async () => {
    const person = newPerson();
    const first = await submit(note(person, 'dup-1', '2025-01-06', '2025-01-19'));
    const second = await submit(note(person, 'dup-1', '2025-01-06', '2025-01-19'));
    expect(second).toEqual({ sickNoteId: first.sickNoteId, duplicate: true });
    expect(await count("SELECT count(*)::int AS n FROM case_intake.document WHERE source_id = 'dup-1'")).toBe(1);
    expect(await tilfeller(person)).toEqual(['2025-01-06..2025-01-19 (14)']);
    const published = await publishedTilfeller(person, 1);
    expect(published.map((p) => p.revision)).toEqual([1]);
  });

  it('keeps every version of a corrected note and recomputes from the newest', async () => {
    const person = newPerson();
    const { sickNoteId } = await submit(note(person, 'corr-1', '2025-01-06', '2025-01-19'));
    await submit(note(person, 'corr-1', '2025-01-06', '2025-01-26'));
    expect(await tilfeller(person)).toEqual(['2025-01-06..2025-01-26 (21)']);

    const client = sickNotes();
    const stored = await client.call<{ version: number; versions: { version: number; periods: { tom: string }[] }[] }>('GetSickNote', { sickNoteId, purpose: 'integration test' });
    client.close();
    expect(stored.version).toBe(2);
    expect(stored.versions.map((v) => [v.version, v.periods[0]!.tom])).toEqual([
      [1, '2025-01-19'],
      [2, '2025-01-26'],
    ]);
    const published = await publishedTilfeller(person, 2);
    expect(published.map((p) => `${p.revision} ${p.tilfeller[0]?.end}`)).toEqual(['1 2025-01-19', '2 2025-01-26']);
  });

  it('undoes exactly the cancelled note, and publishes the emptied list', async () => {
    const person = newPerson();
    await submit(note(person, 'keep-1', '2025-01-06', '2025-01-19'));
    await submit(note(person, 'cancel-1', '2025-03-03', '2025-03-16'));
    expect(await tilfeller(person)).toEqual(['2025-01-06..2025-01-19 (14)', '2025-03-03..2025-03-16 (14)']);

    const client = documents();
    const cancelled = await client.call<{ alreadyCancelled: boolean }>('CancelDocument', { sourceSystem: 'it', sourceId: 'cancel-1', kind: 'DOCUMENT_KIND_SICK_NOTE', reason: 'sent by mistake' });
    const again = await client.call<{ alreadyCancelled: boolean }>('CancelDocument', { sourceSystem: 'it', sourceId: 'cancel-1', kind: 'DOCUMENT_KIND_SICK_NOTE', reason: 'sent by mistake' });
    await client.call('CancelDocument', { sourceSystem: 'it', sourceId: 'keep-1', kind: 'DOCUMENT_KIND_SICK_NOTE', reason: 'sent by mistake' });
    client.close();
    expect([cancelled.alreadyCancelled, again.alreadyCancelled]).toEqual([false, true]);
    const published = await publishedTilfeller(person, 4);
    expect(published.map((p) => p.tilfeller.length)).toEqual([1, 2, 1, 0]);
  });

  it('lets a correction that overtakes its original win, by when the sender produced each', async () => {
    const person = newPerson();
    const corrected = await submit(note(person, 'ooo-1', '2025-06-02', '2025-06-22', { sentAt: '2025-06-10T10:00:00+02:00' }));
    const original = await submit(note(person, 'ooo-1', '2025-06-02', '2025-06-15', { sentAt: '2025-06-02T09:00:00+02:00' }));
    expect(original).toEqual({ sickNoteId: corrected.sickNoteId, duplicate: false });
    expect(await tilfeller(person)).toEqual(['2025-06-02..2025-06-22 (21)']);
    const client = sickNotes();
    const stored = await client.call<{ version: number; versions: { version: number }[]; periods: { tom: string }[] }>('GetSickNote', { sickNoteId: corrected.sickNoteId, purpose: 'integration test' });
    client.close();
    expect([stored.version, stored.versions.length, stored.periods[0]!.tom]).toEqual([1, 2, '2025-06-22']);
  });

  it('keeps a cancellation that arrives before its note, and applies it when the note comes', async () => {
    const person = newPerson();
    const client = documents();
    const early = await client.call<{ awaitingDocument: boolean; documentId: string }>('CancelDocument', { sourceSystem: 'it', sourceId: 'early-cancel', kind: 'DOCUMENT_KIND_SICK_NOTE', reason: 'withdrawn by the clinician' });
    client.close();
    expect(early).toMatchObject({ awaitingDocument: true, documentId: '' });
    await submit(note(person, 'early-cancel', '2025-07-07', '2025-07-20'));
    expect(await tilfeller(person)).toEqual([]);
    expect(await count("SELECT count(*)::int AS n FROM case_intake.document WHERE source_id = 'early-cancel' AND cancelled_at IS NOT NULL")).toBe(1);
  });

  it('merges tilfeller when a late note fills the gap (handbook example 10), whatever the arrival order', async () => {
    const early = newPerson();
    await submit(note(early, 'late-a1', '2025-01-06', '2025-01-19'));
    await submit(note(early, 'late-a2', '2025-02-05', '2025-02-18'));
    expect(await tilfeller(early)).toEqual(['2025-01-06..2025-01-19 (14)', '2025-02-05..2025-02-18 (14)']);
    await submit(note(early, 'late-a3', '2025-01-25', '2025-02-01'));
    expect(await tilfeller(early)).toEqual(['2025-01-06..2025-02-18 (36)']);

    const reversed = newPerson();
    for (const [id, fom, tom] of [['late-b3', '2025-01-25', '2025-02-01'], ['late-b2', '2025-02-05', '2025-02-18'], ['late-b1', '2025-01-06', '2025-01-19']] as const) {
      await submit(note(reversed, id, fom, tom));
    }
    expect(await tilfeller(reversed)).toEqual(await tilfeller(early));
  });

  it('takes søknader, inntektsmeldinger and arbeidsforhold into the computation', async () => {
    const person = newPerson();
    const client = documents();
    await client.call('SubmitInntektsmelding', { sourceSystem: 'it', sourceId: 'im-1', personIdent: person, orgnr: A, arbeidsgiverperioder: [{ fom: '2025-01-06', tom: '2025-01-21' }] });
    await submit(note(person, 'im-note', '2025-01-22', '2025-02-04'));
    expect(await tilfeller(person)).toEqual(['2025-01-06..2025-02-04 (30)']);
    await client.call('SubmitSoknad', { sourceSystem: 'it', sourceId: 'sok-1', personIdent: person, orgnr: A, fom: '2025-01-22', tom: '2025-02-04', arbeidGjenopptatt: '2025-01-27' });
    expect(await tilfeller(person)).toEqual(['2025-01-06..2025-01-26 (21)']);
    const forhold = await client.call<{ duplicate: boolean }>('SubmitArbeidsforhold', { sourceSystem: 'it', sourceId: 'af-1', personIdent: person, orgnr: A, hovedenhetOrgnr: syntheticOrgnr(2), stillingsprosent: 80, fom: '2020-01-01' });
    client.close();
    expect(forhold.duplicate).toBe(false);
    const events = await readTopic(kafka, `${env.topicPrefix}intake.arbeidsforhold.v1`, (all) => all.some((m) => String(m.value).includes(person)));
    expect(JSON.parse(String(events.find((m) => String(m.value).includes(person))!.value)).payload).toMatchObject({ orgnr: A, stillingsprosent: 80, fom: '2020-01-01', tom: null, cancelled: false });
  });

  it('stores a plan delivered twice once, and publishes one event with none of its text', async () => {
    const person = newPerson();
    const client = documents();
    const first = await client.call<{ documentId: string; duplicate: boolean }>('SubmitOppfolgingsplan', plan(person, 'plan-dup'));
    const second = await client.call<{ documentId: string; duplicate: boolean }>('SubmitOppfolgingsplan', plan(person, 'plan-dup'));
    client.close();
    expect(second).toEqual({ documentId: first.documentId, duplicate: true });
    expect(await count("SELECT count(*)::int AS n FROM case_intake.document WHERE source_id = 'plan-dup'")).toBe(1);
    expect(await count("SELECT count(*)::int AS n FROM case_intake.outbox_message WHERE topic = 'intake.oppfolgingsplan.v1' AND envelope->'payload'->>'planId' = $1", [first.documentId])).toBe(1);

    const [message, ...more] = await readTopic(kafka, `${env.topicPrefix}intake.oppfolgingsplan.v1`, (all) => all.some((m) => String(m.key) === person)).then((all) =>
      all.filter((m) => String(m.key) === person).map((m) => String(m.value)),
    );
    expect(more).toEqual([]);
    expect(JSON.parse(message!).payload).toEqual({
      planId: first.documentId,
      personIdent: person,
      orgnr: A,
      createdOn: '2025-02-03',
      evaluationDate: '2025-03-03',
      sharedWithNav: true,
      needsAssistanceFromNav: true,
      version: 1,
      cancelled: false,
    });
    const { arbeidsoppgaverOgArbeidsevne, tiltakArbeidsgiver, tiltakMedBistand, videreOppfolging } = plan(person, 'plan-dup');
    for (const text of [arbeidsoppgaverOgArbeidsevne, ...tiltakArbeidsgiver, ...tiltakMedBistand, videreOppfolging]) expect(message).not.toContain(text);
    // The text is kept, in the stored document only; the tilfeller are left alone (not even recomputed).
    const body = await withDatabase(env, async (db) => (await db.query('SELECT body FROM case_intake.document WHERE id = $1', [first.documentId])).rows[0].body);
    expect(body).toMatchObject({ videreOppfolging, tiltakMedBistand });
    expect(await count('SELECT count(*)::int AS n FROM case_intake.person_tilfeller WHERE person_ident = $1', [person])).toBe(0);
  });

  it('refuses a plan missing one of its parts, naming the part, and stores nothing', async () => {
    const before = await count('SELECT (SELECT count(*) FROM case_intake.document) + (SELECT count(*) FROM case_intake.outbox_message) AS n');
    const client = documents();
    const error = (await client.call('SubmitOppfolgingsplan', plan(newPerson(), 'plan-bad', { tiltakArbeidsgiver: [] })).catch((e: ServiceError) => e)) as ServiceError;
    client.close();
    expect(error.code).toBe(status.INVALID_ARGUMENT);
    const violations = decodeBadRequest(error.metadata.get('grpc-status-details-bin')[0] as Buffer);
    expect(violations).toEqual([expect.objectContaining({ field: 'tiltak_arbeidsgiver', reason: 'oppfolgingsplan.part_required' })]);
    expect(error.details).toContain('tiltak_arbeidsgiver');
    expect(await count('SELECT (SELECT count(*) FROM case_intake.document) + (SELECT count(*) FROM case_intake.outbox_message) AS n')).toBe(before);
  });

  it('takes a corrected screening answer from the inbound topic as version 2 of the one sent over gRPC', async () => {
    const person = newPerson();
    const answeredAt = '2025-03-03T09:15:00+01:00';
    const client = documents();
    const first = await client.call<{ documentId: string; duplicate: boolean }>('SubmitScreeningAnswer', {
      sourceSystem: 'it',
      sourceId: 'answer-1',
      personIdent: person,
      answeredAt,
      vestViken: { q1: 'RETURN_LIKELIHOOD_VERY_LIKELY', q2: 'EMPLOYER_RELATION_GOOD', q3: 'EXPECTED_DURATION_UNSURE', q3UnsureReason: 'DURATION_UNSURE_REASON_TREATMENT_OUTCOME', optOut: false },
    });
    client.close();
    expect(first.duplicate).toBe(false);
    const envelope = (payload: unknown) => inboundEnvelope('intake.inbound.screening-answer', payload, 'it-screening');
    const answer = { sourceSystem: 'it', sourceId: 'answer-1', personIdent: person, answeredAt, questionnaire: 'VV_MS_8W', q1: '1:1', q2: '2:1', q3: '3:3', q3UnsureReason: 'TREATMENT_OUTCOME', optOut: false };
    await produceRaw(kafka, `${env.topicPrefix}intake.inbound.document.v1`, [
      { key: person, value: envelope(answer) },
      { key: person, value: envelope({ ...answer, q1: '1:2', q3: '3:1', q3UnsureReason: undefined }) },
    ]);

    const published = await publishedFacts<Record<string, unknown>>('intake.screening-answer.v1', person, 2);
    expect(published).toEqual([
      { answerId: first.documentId, personIdent: person, answeredAt, questionnaire: 'VV_MS_8W', q1: '1:1', q2: '2:1', q3: '3:3', q3UnsureReason: 'TREATMENT_OUTCOME', optOut: false, version: 1, cancelled: false },
      { answerId: first.documentId, personIdent: person, answeredAt, questionnaire: 'VV_MS_8W', q1: '1:2', q2: '2:1', q3: '3:1', q3UnsureReason: null, optOut: false, version: 2, cancelled: false },
    ]);
    expect(await count('SELECT count(*)::int AS n FROM case_intake.document_version WHERE document_id = $1', [first.documentId])).toBe(2);
  });

  it('publishes a cancelled plan as cancelled, and leaves the tilfeller alone', async () => {
    const person = newPerson();
    const client = documents();
    const { documentId } = await client.call<{ documentId: string }>('SubmitOppfolgingsplan', plan(person, 'plan-cancel', { evaluationDate: undefined, tiltakMedBistand: ['Kontakt med NAV-veileder'] }));
    const cancelled = await client.call<{ documentId: string; alreadyCancelled: boolean }>('CancelDocument', { sourceSystem: 'it', sourceId: 'plan-cancel', kind: 'DOCUMENT_KIND_OPPFOLGINGSPLAN', reason: 'sent for the wrong person' });
    client.close();
    expect(cancelled).toEqual({ documentId, alreadyCancelled: false, awaitingDocument: false });

    const published = await publishedFacts<{ planId: string; evaluationDate: string | null; version: number; cancelled: boolean }>('intake.oppfolgingsplan.v1', person, 2);
    expect(published.map((p) => [p.planId, p.evaluationDate, p.version, p.cancelled])).toEqual([
      [documentId, null, 1, false],
      [documentId, null, 1, true],
    ]);
    // A recompute would have left the person a (possibly empty) tilfelle row.
    expect(await count('SELECT count(*)::int AS n FROM case_intake.person_tilfeller WHERE person_ident = $1', [person])).toBe(0);
  });

  it('registers a virksomhet, publishes each correction as the next version by when it was sent, and its cancellation', async () => {
    const orgnr = syntheticOrgnr(30);
    const tilfelleRows = await count('SELECT count(*)::int AS n FROM case_intake.person_tilfeller');
    const client = documents();
    const first = await client.call<{ documentId: string; duplicate: boolean }>('SubmitVirksomhet', virksomhet(orgnr, 'vh-1', { sentAt: '2025-01-02T08:00:00+01:00' }));
    const again = await client.call<{ documentId: string; duplicate: boolean }>('SubmitVirksomhet', virksomhet(orgnr, 'vh-1', { sentAt: '2025-01-02T08:00:00+01:00' }));
    const corrected = await client.call<{ documentId: string; duplicate: boolean }>('SubmitVirksomhet', virksomhet(orgnr, 'vh-1', { naeringskode: '87.101', sentAt: '2025-02-03T08:00:00+01:00' }));
    // Sent between the two, it arrives last: kept in the history, and the February correction stays current.
    const overtaken = await client.call<{ documentId: string; duplicate: boolean }>('SubmitVirksomhet', virksomhet(orgnr, 'vh-1', { kommunenummer: '4601', sentAt: '2025-01-15T08:00:00+01:00' }));
    const moved = (await client.call('SubmitVirksomhet', virksomhet(syntheticOrgnr(31), 'vh-1')).catch((e: ServiceError) => e)) as ServiceError;
    const cancelled = await client.call<{ documentId: string; alreadyCancelled: boolean }>('CancelDocument', { sourceSystem: 'it', sourceId: 'vh-1', kind: 'DOCUMENT_KIND_VIRKSOMHET', reason: 'registered in error' });
    client.close();
    expect([again, corrected, overtaken]).toEqual([
      { documentId: first.documentId, duplicate: true },
      { documentId: first.documentId, duplicate: false },
      { documentId: first.documentId, duplicate: false },
    ]);
    expect(moved.code).toBe(status.FAILED_PRECONDITION);
    expect(decodeBadRequest(moved.metadata.get('grpc-status-details-bin')[0] as Buffer)).toEqual([expect.objectContaining({ field: 'orgnr', reason: 'document.virksomhet_unchanged' })]);
    expect(cancelled).toEqual({ documentId: first.documentId, alreadyCancelled: false, awaitingDocument: false });

    const published = await publishedFacts<Record<string, unknown>>('intake.virksomhet.v1', orgnr, 3);
    const registered = { orgnr, hovedenhetOrgnr: syntheticOrgnr(2), naeringskode: '86.101', sektor: 'KOMMUNAL', kommunenummer: '0301', version: 1, cancelled: false };
    expect(published).toEqual([registered, { ...registered, naeringskode: '87.101', version: 2 }, { ...registered, naeringskode: '87.101', version: 2, cancelled: true }]);
    const stored = await withDatabase(env, async (db) => (await db.query('SELECT person_ident, version, body FROM case_intake.document WHERE id = $1', [first.documentId])).rows[0]);
    expect(stored).toEqual({ person_ident: null, version: 2, body: { hovedenhetOrgnr: syntheticOrgnr(2), naeringskode: '87.101', sektor: 'KOMMUNAL', kommunenummer: '0301' } });
    expect(await count('SELECT count(*)::int AS n FROM case_intake.document_version WHERE document_id = $1', [first.documentId])).toBe(3);
    expect(await count('SELECT count(*)::int AS n FROM case_intake.person_tilfeller')).toBe(tilfelleRows);
  });

  it('takes a hovedenhet and its cancellation from the inbound topic, and parks one that is its own hovedenhet', async () => {
    const [hovedenhet, underenhet] = [syntheticOrgnr(32), syntheticOrgnr(33)];
    const register = { sourceSystem: 'it', orgnr: hovedenhet, naeringskode: '84.110', sektor: 'STATLIG', kommunenummer: '5001' };
    const topic = `${env.topicPrefix}intake.inbound.document.v1`;
    await produceRaw(kafka, topic, [
      { key: underenhet, value: inboundEnvelope('intake.inbound.virksomhet', { ...register, sourceId: 'vh-own', orgnr: underenhet, hovedenhetOrgnr: underenhet }) },
      { key: hovedenhet, value: inboundEnvelope('intake.inbound.virksomhet', { ...register, sourceId: 'vh-in' }) },
    ]);
    const registered = { orgnr: hovedenhet, hovedenhetOrgnr: null, naeringskode: '84.110', sektor: 'STATLIG', kommunenummer: '5001', version: 1 };
    expect(await publishedFacts('intake.virksomhet.v1', hovedenhet, 1)).toEqual([{ ...registered, cancelled: false }]);
    // Keyed by source, the cancellation may take another partition: sent only once the virksomhet is in.
    await produceRaw(kafka, topic, [{ key: 'it:vh-in', value: inboundEnvelope('intake.inbound.cancellation', { sourceSystem: 'it', sourceId: 'vh-in', kind: 'VIRKSOMHET', reason: 'deregistered in error' }) }]);
    expect(await publishedFacts('intake.virksomhet.v1', hovedenhet, 2)).toEqual([
      { ...registered, cancelled: false },
      { ...registered, cancelled: true },
    ]);
    const dead = await readTopic(kafka, `${env.topicPrefix}${deadLetterTopic('case-intake.inbound')}`, (all) => all.some((m) => String(m.value).includes('vh-own')));
    const reason = JSON.parse(String(dead.find((m) => String(m.value).includes('vh-own'))!.headers?.['dlq-reason']));
    expect(reason).toMatchObject({ reason: 'invalid_payload', violations: [expect.objectContaining({ field: 'payload.hovedenhetOrgnr', rule: 'virksomhet.own_hovedenhet' })] });
    expect(await count("SELECT count(*)::int AS n FROM case_intake.document WHERE source_id = 'vh-own'")).toBe(0);
  });

  it('refuses an underenhet that is its own hovedenhet, naming the field and the rule, and stores nothing', async () => {
    const before = await count('SELECT (SELECT count(*) FROM case_intake.document) + (SELECT count(*) FROM case_intake.outbox_message) AS n');
    const orgnr = syntheticOrgnr(34);
    const client = documents();
    const error = (await client.call('SubmitVirksomhet', virksomhet(orgnr, 'vh-bad', { hovedenhetOrgnr: orgnr })).catch((e: ServiceError) => e)) as ServiceError;
    client.close();
    expect(error.code).toBe(status.INVALID_ARGUMENT);
    expect(decodeBadRequest(error.metadata.get('grpc-status-details-bin')[0] as Buffer)).toEqual([expect.objectContaining({ field: 'hovedenhet_orgnr', reason: 'virksomhet.own_hovedenhet' })]);
    expect(error.details).toContain('hovedenhet_orgnr');
    expect(await count('SELECT (SELECT count(*) FROM case_intake.document) + (SELECT count(*) FROM case_intake.outbox_message) AS n')).toBe(before);
  });

  it.each([
    ['SickNoteService', 'SubmitSickNote', { sourceSystem: 'it', sourceId: 'bad-1', personIdent: '12345678901', status: 'SICK_NOTE_STATUS_SENDT', issuedOn: '2025-01-06', periods: [] }, ['person_ident', 'orgnr', 'periods']],
    ['DocumentService', 'SubmitSoknad', { sourceSystem: 'it', sourceId: 'bad-2', personIdent: syntheticPersonIdent(1), orgnr: A, fom: '2025-01-10', tom: '2025-01-05', arbeidGjenopptatt: '2025-02-01' }, ['tom', 'arbeid_gjenopptatt']],
    ['DocumentService', 'SubmitInntektsmelding', { sourceSystem: 'it', sourceId: 'bad-3', personIdent: syntheticPersonIdent(1), orgnr: '123456789', arbeidsgiverperioder: [] }, ['orgnr', 'arbeidsgiverperioder']],
    ['DocumentService', 'SubmitArbeidsforhold', { sourceSystem: 'it', sourceId: 'bad-4', personIdent: syntheticPersonIdent(1), orgnr: A, hovedenhetOrgnr: A, stillingsprosent: 0, fom: '2025-01-10', tom: '2025-01-01' }, ['stillingsprosent', 'tom']],
    ['DocumentService', 'CancelDocument', { sourceSystem: 'it', sourceId: 'bad-5', kind: 'DOCUMENT_KIND_UNSPECIFIED', reason: '' }, ['kind', 'reason']],
    [
      'DocumentService',
      'SubmitScreeningAnswer',
      { sourceSystem: 'it', sourceId: 'bad-6', personIdent: syntheticPersonIdent(1), answeredAt: '2025-03-03', vestViken: { q3: 'EXPECTED_DURATION_UNDER_26_WEEKS', q3UnsureReason: 'DURATION_UNSURE_REASON_OTHER' } },
      ['answered_at', 'vest_viken.q3_unsure_reason'],
    ],
    ['DocumentService', 'SubmitScreeningAnswer', { sourceSystem: 'it', sourceId: 'bad-7', personIdent: syntheticPersonIdent(1), answeredAt: '2025-03-03T09:15:00Z', sunnfjord: { score: 6 } }, ['sunnfjord.score']],
    [
      'DocumentService',
      'SubmitVirksomhet',
      virksomhet(syntheticOrgnr(39), 'bad-8', { hovedenhetOrgnr: '', naeringskode: '86101', sektor: 'SEKTOR_UNSPECIFIED', kommunenummer: '301', sentAt: '2025-03-03' }),
      ['naeringskode', 'sektor', 'kommunenummer', 'sent_at'],
    ],
  ])('refuses a bad %s.%s naming each field, and stores nothing', async (serviceName, method, request, fields) => {
    const before = await count('SELECT (SELECT count(*) FROM case_intake.document) + (SELECT count(*) FROM case_intake.outbox_message) AS n');
    const client = grpcClient('case-intake', serviceName, address());
    const error = (await client.call(method, request).catch((e: ServiceError) => e)) as ServiceError;
    client.close();
    expect(error.code).toBe(status.INVALID_ARGUMENT);
    const reported = decodeBadRequest(error.metadata.get('grpc-status-details-bin')[0] as Buffer).map((violation) => violation.field);
    expect(reported).toEqual(expect.arrayContaining(fields));
    expect(await count('SELECT (SELECT count(*) FROM case_intake.document) + (SELECT count(*) FROM case_intake.outbox_message) AS n')).toBe(before);
  });

  it('parks a malformed inbound document with its reason, and takes the next one', async () => {
    const person = newPerson();
    const topic = `${env.topicPrefix}intake.inbound.document.v1`;
    await produceRaw(kafka, topic, [
      { key: person, value: inboundEnvelope('intake.inbound.inntektsmelding', { sourceSystem: 'it', sourceId: 'in-bad', personIdent: person, orgnr: A, arbeidsgiverperioder: [] }) },
      { key: person, value: inboundEnvelope('intake.inbound.inntektsmelding', { sourceSystem: 'it', sourceId: 'in-good', personIdent: person, orgnr: A, arbeidsgiverperioder: [{ fom: '2025-04-01', tom: '2025-04-16' }] }) },
    ]);
    await eventually(async () => expect(await tilfeller(person)).toEqual(['2025-04-01..2025-04-16 (16)']));
    const dead = await readTopic(kafka, `${env.topicPrefix}${deadLetterTopic('case-intake.inbound')}`, (all) => all.some((m) => String(m.value).includes('in-bad')));
    const reason = JSON.parse(String(dead.find((m) => String(m.value).includes('in-bad'))!.headers?.['dlq-reason']));
    expect(reason).toMatchObject({ reason: 'invalid_payload', violations: [expect.objectContaining({ field: 'payload.arbeidsgiverperioder', rule: 'too_small' })] });
  });

  it("finds the persons' documents for the tilfelle computation by the (person_ident, kind) index", async () => {
    const plan = await withDatabase(env, async (db) => {
      // Rules out the sequential scan a table this small would get, leaving the planner to choose between the indexes.
      await db.query('SET enable_seqscan = off');
      const { rows } = await db.query(
        "EXPLAIN (FORMAT JSON) SELECT * FROM case_intake.document WHERE person_ident IN ($1, $2) AND cancelled_at IS NULL AND kind IN ('SICK_NOTE', 'SOKNAD', 'INNTEKTSMELDING', 'ARBEIDSFORHOLD')",
        [syntheticPersonIdent(1), syntheticPersonIdent(2)],
      );
      return JSON.stringify(rows[0]['QUERY PLAN']);
    });
    expect(plan).toContain('"Index Name":"document_person_kind_idx"');
  });

  it('audits every read of person data with who and why', async () => {
    const person = newPerson();
    await tilfeller(person);
    const rows = await withDatabase(env, async (db) => (await db.query('SELECT actor, action, resource, purpose FROM case_intake.audit_log WHERE person_ident = $1', [person])).rows);
    expect(rows).toEqual([{ actor: 'Z990001', action: 'access', resource: 'tilfeller', purpose: 'integration test' }]);
  });

  it('refuses single notes of a bulk load, naming index, field and rule, and stores the others with their events', async () => {
    const [first, second, third] = [newPerson(), newPerson(), newPerson()];
    const client = sickNotes();
    const stream = client.stream<{ accepted: number; duplicates: number; rejected: { index: number; sourceId: string; reason: string; fieldErrors: { field: string; rule: string }[] }[] }>('SubmitSickNotes');
    stream.write({ sickNote: note(first, 'chunk-shared', '2025-06-02', '2025-06-15') });
    stream.write({ sickNote: note(second, 'chunk-bad', '2025-06-15', '2025-06-02') });
    // Same source id as the first note of this chunk, another person: a conflict found in the database, inside the chunk's transaction.
    stream.write({ sickNote: note(second, 'chunk-shared', '2025-06-02', '2025-06-15') });
    stream.write({ sickNote: note(third, 'chunk-last', '2025-06-02', '2025-06-15') });
    const summary = await stream.end();
    client.close();
    expect(summary.accepted).toBe(2);
    expect(summary.rejected.map(({ index, sourceId, reason }) => ({ index, sourceId, reason }))).toEqual([
      { index: 1, sourceId: 'chunk-bad', reason: 'invalid' },
      { index: 2, sourceId: 'chunk-shared', reason: 'conflicts with the stored document' },
    ]);
    expect(summary.rejected[1]!.fieldErrors).toEqual([expect.objectContaining({ field: 'personIdent', rule: 'document.person_unchanged' })]);
    const storedFor = (person: string) => count("SELECT count(*)::int AS n FROM case_intake.document WHERE person_ident = $1", [person]);
    expect([await storedFor(first), await storedFor(second), await storedFor(third)]).toEqual([1, 0, 1]);
    const events = await count("SELECT count(*)::int AS n FROM case_intake.outbox_message WHERE topic = 'intake.sick-note.v1' AND envelope->'payload'->>'personIdent' = ANY ($1)", [[first, second, third]]);
    expect(events).toBe(2);
  });

  it("recomputes a person's tilfeller once for all of their notes in a bulk load, and publishes the final list once", async () => {
    const [person, other] = [newPerson(), newPerson()];
    const client = sickNotes();
    const stream = client.stream<{ accepted: number }>('SubmitSickNotes');
    stream.write({ sickNote: note(person, 'once-1', '2025-09-01', '2025-09-14') });
    stream.write({ sickNote: note(other, 'once-other', '2025-09-01', '2025-09-07') });
    stream.write({ sickNote: note(person, 'once-2', '2025-09-15', '2025-09-28') });
    stream.write({ sickNote: note(person, 'once-3', '2025-10-27', '2025-11-02') });
    expect((await stream.end()).accepted).toBe(4);
    client.close();
    const published = await publishedTilfeller(person, 1);
    expect(published.map(({ revision, tilfeller }) => ({ revision, spans: tilfeller.map((t) => `${t.start}..${t.end}`) }))).toEqual([
      { revision: 1, spans: ['2025-09-01..2025-09-28', '2025-10-27..2025-11-02'] },
    ]);
    expect(await tilfeller(person)).toEqual(['2025-09-01..2025-09-28 (28)', '2025-10-27..2025-11-02 (7)']);
    expect(await count("SELECT count(*)::int AS n FROM case_intake.outbox_message WHERE topic = 'intake.tilfelle-person.v1' AND message_key = $1", [person])).toBe(1);
    expect(await tilfeller(other)).toEqual(['2025-09-01..2025-09-07 (7)']);
  });

  it('takes a bulk load of the other kinds in order, refusing single documents by position with field and rule', async () => {
    const person = newPerson();
    const load = [
      { arbeidsforhold: { sourceSystem: 'it', sourceId: 'load-af', personIdent: person, orgnr: A, hovedenhetOrgnr: syntheticOrgnr(2), stillingsprosent: 60, fom: '2020-01-01' } },
      { soknad: { sourceSystem: 'it', sourceId: 'load-sok-bad', personIdent: person, orgnr: A, fom: '2025-03-10', tom: '2025-03-05' } },
      { soknad: { sourceSystem: 'it', sourceId: 'load-sok', personIdent: person, orgnr: A, fom: '2025-03-03', tom: '2025-03-16' } },
      { cancellation: { sourceSystem: 'it', sourceId: 'load-sok', kind: 'DOCUMENT_KIND_SOKNAD', reason: 'sent in error' } },
      {},
      { arbeidsforhold: { sourceSystem: 'it', sourceId: 'load-af', personIdent: person, orgnr: A, hovedenhetOrgnr: syntheticOrgnr(2), stillingsprosent: 60, fom: '2020-01-01' } },
    ];
    const client = documents();
    const stream = client.stream<{ accepted: number; duplicates: number; rejected: { index: number; sourceId: string; reason: string; fieldErrors: { field: string; rule: string }[] }[] }>('SubmitDocuments');
    load.forEach((request) => stream.write(request));
    const summary = await stream.end();
    client.close();
    expect({ accepted: summary.accepted, duplicates: summary.duplicates }).toEqual({ accepted: 3, duplicates: 1 });
    expect(summary.rejected.map(({ index, sourceId, reason, fieldErrors }) => ({ index, sourceId, reason, fields: fieldErrors.map((e) => `${e.field}:${e.rule}`) }))).toEqual([
      { index: 1, sourceId: 'load-sok-bad', reason: 'invalid', fields: [expect.stringMatching(/^tom:/)] },
      { index: 4, sourceId: '', reason: 'invalid', fields: ['document:required'] },
    ]);
    const rows = await withDatabase(env, async (db) => (await db.query('SELECT kind, source_id, cancelled_at IS NOT NULL AS cancelled FROM case_intake.document WHERE person_ident = $1 ORDER BY source_id', [person])).rows);
    expect(rows).toEqual([
      { kind: 'ARBEIDSFORHOLD', source_id: 'load-af', cancelled: false },
      { kind: 'SOKNAD', source_id: 'load-sok', cancelled: true },
    ]);
    expect(await count("SELECT count(*)::int AS n FROM case_intake.outbox_message WHERE topic = 'intake.arbeidsforhold.v1' AND envelope->'payload'->>'personIdent' = $1", [person])).toBe(1);
  });

  it('loses and doubles nothing when killed in the middle of a bulk load and sent the load again', async () => {
    const total = 1500;
    const load = Array.from({ length: total }, (_, i) => ({ sickNote: note(syntheticPersonIdent(20_000 + i), `bulk-${i}`, '2025-05-05', '2025-05-18', { orgnr: syntheticOrgnr(10 + (i % 7)) }) }));
    const stored = () => count("SELECT count(*)::int AS n FROM case_intake.document WHERE source_id LIKE 'bulk-%'");

    const interrupted = sickNotes();
    const first = interrupted.stream('SubmitSickNotes');
    first.done.catch(() => undefined);
    load.forEach((request) => first.write(request));
    await eventually(async () => expect(await stored()).toBeGreaterThan(100), { timeoutMs: 60_000, intervalMs: 20 });
    await service.kill();
    await expect(first.done).rejects.toBeDefined();
    interrupted.close();
    const storedBeforeRestart = await stored();
    expect(storedBeforeRestart).toBeLessThan(total);

    await service.start();
    const retry = sickNotes();
    const second = retry.stream<{ accepted: number; duplicates: number; rejected: unknown[] }>('SubmitSickNotes');
    load.forEach((request) => second.write(request));
    const summary = await second.end();
    retry.close();
    expect(summary).toEqual({ accepted: total - storedBeforeRestart, duplicates: storedBeforeRestart, rejected: [] });
    expect(await stored()).toBe(total);
    expect(await count("SELECT count(*)::int AS n FROM case_intake.outbox_message WHERE topic = 'intake.sick-note.v1' AND envelope->'payload'->>'sickNoteId' IN (SELECT id::text FROM case_intake.document WHERE source_id LIKE 'bulk-%')")).toBe(total);
  });
});
