import { join } from 'node:path';

import { loadPackageDefinition, Server, ServerCredentials, type GrpcObject, type ServiceClientConstructor } from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { EnvelopeSchema, GRPC_APIS, REGIONS } from '@syfo/contracts';
import { REPO_ROOT } from '@syfo/testing';
import type { ProducerRecord } from 'kafkajs';

import { feed, GrpcFeedTarget, INBOUND_EVENTS, KafkaFeedTarget, Pacer, type FeedSummary } from './feeder';
import type { FeedItem } from './feed-item';
import { simulate } from './simulation';

/** A few hundred people of Vest-Viken over two years: every kind of document, quickly. */
const simulation = () => simulate({ seed: 7, area: 'vest-viken', scale: 0.001, firstYear: 2023, lastYear: 2024 });
const everything = (() => {
  const sim = simulation();
  return [...sim.employerDocuments(), ...[...sim.people()].flatMap((record) => record.documents)];
})();
const count = (kind: FeedItem['kind']) => everything.filter((item) => item.kind === kind).length;

describe('Pacer', () => {
  it('spaces calls at the rate, sleeping only for what is owed', async () => {
    const slept: number[] = [];
    const pacer = new Pacer(
      10,
      () => 1_000,
      async (ms) => void slept.push(ms),
    );
    await pacer.take();
    await pacer.take();
    await pacer.take();
    // 10 a second: the 2nd call is owed 100 ms, the 3rd 200 ms, at an unmoving clock.
    expect(slept).toEqual([100, 200]);
  });

  it('never sleeps without a rate', async () => {
    const slept: number[] = [];
    const pacer = new Pacer(
      0,
      () => 0,
      async (ms) => void slept.push(ms),
    );
    for (let n = 0; n < 100; n += 1) await pacer.take();
    expect(slept).toEqual([]);
  });
});

describe('KafkaFeedTarget', () => {
  let records: ProducerRecord[];
  let summary: FeedSummary;
  beforeAll(async () => {
    records = [];
    summary = await feed(simulation(), new KafkaFeedTarget({ send: async (record) => records.push(record) }, 'sim.', 'simulator-seed-7', 100), { rate: 0 });
  });
  const messages = () => records.flatMap((record) => record.messages.map((message) => ({ topic: record.topic, acks: record.acks, message })));

  it('publishes every document once, in batches, with all replicas acknowledging', () => {
    expect(messages()).toHaveLength(everything.length);
    expect(summary.sent).toEqual({
      virksomhet: count('virksomhet'),
      arbeidsforhold: count('arbeidsforhold'),
      'sick-note': count('sick-note'),
      soknad: count('soknad'),
      'screening-answer': count('screening-answer'),
      cancellation: count('cancellation'),
    });
    expect(records.every((record) => record.messages.length <= 100 && record.acks === -1)).toBe(true);
    expect(new Set(records.map((record) => record.topic))).toEqual(new Set(['sim.intake.inbound.sick-note.v1', 'sim.intake.inbound.document.v1']));
  });

  it('wraps each in the platform envelope the inbound consumer validates, keyed and headed like the outbox relay', () => {
    const problems: string[] = [];
    for (const { topic, message } of messages()) {
      const envelope = EnvelopeSchema.parse(JSON.parse(String(message.value)));
      const event = Object.values(INBOUND_EVENTS).find((candidate) => candidate.type === envelope.type)!;
      const payload = event.payload.safeParse(envelope.payload);
      if (!payload.success) problems.push(`${envelope.type}: ${payload.error.message}`);
      if (topic !== `sim.${event.topic}`) problems.push(`${envelope.type} on ${topic}`);
      if (message.key !== event.key(envelope.payload)) problems.push(`${envelope.type} keyed ${String(message.key)}`);
      if (message.headers?.['event-id'] !== envelope.eventId || message.headers?.['event-type'] !== envelope.type) problems.push('headers');
      if (envelope.correlationId !== 'simulator-seed-7' || !(REGIONS as readonly string[]).includes(envelope.region)) problems.push('envelope');
    }
    expect(problems).toEqual([]);
    // Sick notes, søknader and screening answers are keyed by person, so each person's stay in order.
    const [first] = messages().filter(({ message }) => JSON.parse(String(message.value)).type === 'intake.inbound.sick-note');
    expect(first!.message.key).toMatch(/^\d{11}$/);
  });
});

type StreamCall<R> = { on(event: 'data', listener: (request: R) => void): void; on(event: 'end', listener: () => void): void };

/**
 * case-intake's two bulk rpcs as an in-process server that records what arrives, by sick note or by
 * the document's field in SubmitDocuments, and rejects what `rejectSourceId` picks; with
 * `documents: false` it lacks SubmitDocuments, as an older case-intake would.
 */
async function fakeCaseIntake(rejectSourceId: (sourceId: string) => boolean, options: { documents: boolean } = { documents: true }) {
  const protoRoot = join(REPO_ROOT, 'proto');
  const definition = protoLoader.loadSync(
    GRPC_APIS['case-intake'].protoFiles.map((file) => join(protoRoot, file)),
    { keepCase: false, longs: String, enums: String, defaults: true, oneofs: false, includeDirs: [protoRoot] },
  );
  const intake = GRPC_APIS['case-intake'].package.split('.').reduce<GrpcObject>((node, part) => node[part] as GrpcObject, loadPackageDefinition(definition));
  const received: Record<string, Record<string, unknown>[]> = {};
  const streams: Record<string, number> = {};
  /** A client stream that records each request's one document and answers with the bulk summary. */
  const bulk =
    (method: string, documentOf: (request: Record<string, Record<string, unknown> | null>) => [string, Record<string, unknown>]) =>
    (call: StreamCall<Record<string, Record<string, unknown> | null>>, callback: (error: null, response: unknown) => void) => {
      streams[method] = (streams[method] ?? 0) + 1;
      const rejected: unknown[] = [];
      let index = 0;
      call.on('data', (request) => {
        const [field, document] = documentOf(request);
        (received[field] ??= []).push(document);
        if (rejectSourceId(String(document['sourceId']))) rejected.push({ index, sourceId: document['sourceId'], reason: 'invalid', fieldErrors: [{ field: 'periods', rule: 'period.order', description: 'x' }] });
        index += 1;
      });
      call.on('end', () => callback(null, { accepted: index - rejected.length, duplicates: 0, rejected }));
    };
  const server = new Server();
  server.addService((intake['SickNoteService'] as ServiceClientConstructor).service, {
    SubmitSickNotes: bulk('SubmitSickNotes', (request) => ['sickNote', request['sickNote']!]),
  });
  server.addService(
    (intake['DocumentService'] as ServiceClientConstructor).service,
    options.documents ? { SubmitDocuments: bulk('SubmitDocuments', (request) => Object.entries(request).find((entry): entry is [string, Record<string, unknown>] => entry[1] !== null)!) } : {},
  );
  const port = await new Promise<number>((resolve, reject) => server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))));
  return { address: `127.0.0.1:${port}`, received, streams, stop: () => new Promise<void>((resolve) => server.tryShutdown(() => resolve())) };
}

describe('GrpcFeedTarget', () => {
  it('streams sick notes and the other documents in bulk, each stream at most bulkSize long', async () => {
    const intake = await fakeCaseIntake(() => false);
    const target = new GrpcFeedTarget(intake.address, 50, 8);
    try {
      const summary = await feed(simulation(), target, { rate: 0 });
      expect(intake.received['sickNote']).toHaveLength(count('sick-note'));
      expect(intake.streams['SubmitSickNotes']).toBe(Math.ceil(count('sick-note') / 50));
      expect(intake.received['virksomhet']).toHaveLength(count('virksomhet'));
      expect(intake.received['arbeidsforhold']).toHaveLength(count('arbeidsforhold'));
      expect(intake.received['soknad']).toHaveLength(count('soknad'));
      expect(intake.received['screeningAnswer']).toHaveLength(count('screening-answer'));
      expect(intake.received['cancellation']).toHaveLength(count('cancellation'));
      const others = everything.length - count('sick-note');
      expect(intake.streams['SubmitDocuments']).toBe(Math.ceil(others / 50));
      expect(summary).toMatchObject({ refused: 0, skipped: {} });
    } finally {
      target.close();
      await intake.stop();
    }
  });

  it('counts the documents of a case-intake without SubmitDocuments as skipped, by kind, and still sends the sick notes', async () => {
    const intake = await fakeCaseIntake(() => false, { documents: false });
    const target = new GrpcFeedTarget(intake.address, 50, 8);
    try {
      const summary = await feed(simulation(), target, { rate: 0 });
      expect(intake.received['sickNote']).toHaveLength(count('sick-note'));
      expect(summary.skipped).toEqual({
        virksomhet: count('virksomhet'),
        arbeidsforhold: count('arbeidsforhold'),
        soknad: count('soknad'),
        'screening-answer': count('screening-answer'),
        cancellation: count('cancellation'),
      });
      expect(summary.refused).toBe(0);
    } finally {
      target.close();
      await intake.stop();
    }
  });

  it('delivers the fields case-intake reads, as the proto names them', async () => {
    const intake = await fakeCaseIntake(() => false);
    const target = new GrpcFeedTarget(intake.address, 50, 8);
    try {
      await feed(simulation(), target, { rate: 0 });
      const sent = everything.find((item): item is Extract<FeedItem, { kind: 'sick-note' }> => item.kind === 'sick-note' && item.submission.periods[0]!.type === 'GRADED')!.submission;
      const arrived = intake.received['sickNote']!.find((note) => note['sourceId'] === sent.sourceId && note['sentAt'] === sent.sentAt)!;
      expect(arrived).toMatchObject({
        personIdent: sent.personIdent,
        status: `SICK_NOTE_STATUS_${sent.status}`,
        issuedOn: sent.issuedOn,
        periods: [{ fom: sent.periods[0]!.fom, tom: sent.periods[0]!.tom, type: 'PERIOD_TYPE_GRADED', grade: sent.periods[0]!.grade }],
        diagnosis: { system: `DIAGNOSIS_SYSTEM_${sent.diagnosis!.system}`, code: sent.diagnosis!.code },
      });
      const answer = intake.received['screeningAnswer']![0]!;
      expect(answer['vestViken']).toMatchObject({ optOut: expect.any(Boolean) });
    } finally {
      target.close();
      await intake.stop();
    }
  });

  it('counts and explains the documents case-intake rejects, by kind and source id', async () => {
    // The first note of each episode, and the cancellations that withdraw one.
    const intake = await fakeCaseIntake((sourceId) => sourceId.endsWith('n1'));
    const target = new GrpcFeedTarget(intake.address, 50, 8);
    try {
      const summary = await feed(simulation(), target, { rate: 0 });
      const rejected = everything.filter((item) => item.submission.sourceId.endsWith('n1'));
      expect(rejected.filter((item) => item.kind === 'sick-note').length).toBeGreaterThan(0);
      expect(summary.refused).toBe(rejected.length);
      expect(summary.refusedReasons.find((reason) => reason.startsWith('sick note'))).toMatch(/^sick note s7p\d+e\d+n1: invalid periods:period\.order$/);
    } finally {
      target.close();
      await intake.stop();
    }
  });
});
