import { randomUUID } from 'node:crypto';

import { status, type ServiceError } from '@grpc/grpc-js';
import {
  InboundArbeidsforholdEvent,
  InboundCancellationEvent,
  InboundScreeningAnswerEvent,
  InboundSickNoteEvent,
  InboundSoknadEvent,
  InboundVirksomhetEvent,
  type EventDefinition,
  type intakeDocumentsV1,
  type intakeV1,
  type Region,
} from '@syfo/contracts';
import { grpcClient } from '@syfo/testing';
import type { Message, ProducerRecord } from 'kafkajs';

import type { FeedItem, FeedKind } from './feed-item';
import { kommune } from './geography.table';
import { toIntakeRequest, type IntakeRequest } from './intake-requests.mapper';
import type { Simulation } from './simulation';

/** The inbound event each kind of document travels as on Kafka; its payload schema is the contract either way. */
export const INBOUND_EVENTS: Readonly<Record<FeedKind, EventDefinition>> = {
  virksomhet: InboundVirksomhetEvent,
  arbeidsforhold: InboundArbeidsforholdEvent,
  'sick-note': InboundSickNoteEvent,
  soknad: InboundSoknadEvent,
  'screening-answer': InboundScreeningAnswerEvent,
  cancellation: InboundCancellationEvent,
};

/** Where documents go: case-intake's public gRPC API or its inbound topics. Never a database. */
export interface FeedTarget {
  /** Takes a document; resolves when there is room for the next (backpressure). */
  send(item: FeedItem, region: Region): Promise<void>;
  /** Resolves when everything taken has been delivered. */
  flush(): Promise<void>;
  /** Documents the target refused, with the first few reasons. */
  readonly refused: { count: number; readonly reasons: string[] };
  /** Documents the target could not take at all (an rpc it does not have), by kind. */
  readonly skipped: Partial<Record<FeedKind, number>>;
}

export interface FeedOptions {
  /** Documents per second over all kinds; 0 for as fast as the target takes them. */
  readonly rate: number;
  readonly onProgress?: (progress: FeedProgress) => void;
  readonly progressEveryMs?: number;
}

export interface FeedProgress {
  readonly persons: number;
  readonly sent: Readonly<Record<FeedKind, number>>;
  readonly elapsedMs: number;
}

export interface FeedSummary extends FeedProgress {
  readonly refused: number;
  readonly refusedReasons: readonly string[];
  readonly skipped: Partial<Record<FeedKind, number>>;
}

/** How many documents of each kind are checked against the contract before sending. */
const CONTRACT_SAMPLE = 200;
const MAX_REASONS = 10;

/**
 * Streams a simulation to a target the way external case systems would: the employer register
 * first, then person by person their arbeidsforhold, sick notes, søknader, screening answers and
 * cancellations, in the order each sending system produced them. The first documents of each kind
 * are checked against the contract: a producer that breaks it has a bug, and stops.
 */
export async function feed(simulation: Simulation, target: FeedTarget, options: FeedOptions): Promise<FeedSummary> {
  const pacer = new Pacer(options.rate);
  const started = performance.now();
  const sent = { virksomhet: 0, arbeidsforhold: 0, 'sick-note': 0, soknad: 0, 'screening-answer': 0, cancellation: 0 } satisfies Record<FeedKind, number>;
  let persons = 0;
  let reported = started;
  const progress = (): FeedProgress => ({ persons, sent: { ...sent }, elapsedMs: performance.now() - started });
  const deliver = async (item: FeedItem, region: Region) => {
    if (sent[item.kind] < CONTRACT_SAMPLE) INBOUND_EVENTS[item.kind].payload.parse(item.submission);
    const paced = pacer.take();
    if (paced) await paced;
    await target.send(item, region);
    sent[item.kind] += 1;
  };
  for (const item of simulation.employerDocuments()) {
    if (item.kind === 'virksomhet') await deliver(item, kommune(item.submission.kommunenummer).region);
  }
  for (const { person, documents } of simulation.people()) {
    for (const item of documents) await deliver(item, person.region);
    persons += 1;
    if (options.onProgress && performance.now() - reported >= (options.progressEveryMs ?? 5_000)) {
      reported = performance.now();
      options.onProgress(progress());
    }
  }
  await target.flush();
  return { ...progress(), refused: target.refused.count, refusedReasons: target.refused.reasons, skipped: target.skipped };
}

/** Spaces calls evenly at a rate; sleeps only when a millisecond or more is owed. */
export class Pacer {
  private next = 0;

  public constructor(
    private readonly perSecond: number,
    private readonly now: () => number = () => performance.now(),
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  /** A promise to wait for, or undefined when nothing is owed (an await costs a turn of the event loop). */
  public take(): Promise<void> | undefined {
    if (!(this.perSecond > 0)) return undefined;
    const now = this.now();
    const slot = Math.max(this.next, now);
    this.next = slot + 1000 / this.perSecond;
    return slot - now >= 1 ? this.sleep(slot - now) : undefined;
  }
}

/** The field of a SubmitDocuments request each document rpc's request goes in. */
const BULK_FIELD = {
  SubmitVirksomhet: 'virksomhet',
  SubmitArbeidsforhold: 'arbeidsforhold',
  SubmitSoknad: 'soknad',
  SubmitScreeningAnswer: 'screeningAnswer',
  CancelDocument: 'cancellation',
} as const satisfies Record<Exclude<IntakeRequest, { method: 'SubmitSickNotes' }>['method'], keyof intakeDocumentsV1.SubmitDocumentsRequest>;

/** A bulk stream's documents, with their kinds for reporting what case-intake refused or lacks. */
interface Bulk<R> {
  readonly kinds: FeedKind[];
  readonly requests: R[];
}

/**
 * case-intake over gRPC, in bulk: sick notes through the SubmitSickNotes client stream, the other
 * documents through SubmitDocuments, each stream `bulkSize` documents, with a bounded number of
 * streams in flight.
 */
export class GrpcFeedTarget implements FeedTarget {
  public readonly refused = { count: 0, reasons: [] as string[] };
  public readonly skipped: Partial<Record<FeedKind, number>> = {};
  private readonly sickNotes: ReturnType<typeof grpcClient>;
  private readonly documents: ReturnType<typeof grpcClient>;
  private notes: Bulk<intakeV1.SubmitSickNotesRequest> = { kinds: [], requests: [] };
  private others: Bulk<intakeDocumentsV1.SubmitDocumentsRequest> = { kinds: [], requests: [] };
  private readonly inFlight = new Set<Promise<void>>();

  public constructor(
    address: string,
    private readonly bulkSize = 1_000,
    private readonly concurrency = 32,
  ) {
    this.sickNotes = grpcClient('case-intake', 'SickNoteService', address);
    this.documents = grpcClient('case-intake', 'DocumentService', address);
  }

  public async send(item: FeedItem): Promise<void> {
    const request = toIntakeRequest(item);
    if (request.method === 'SubmitSickNotes') {
      this.notes.kinds.push(item.kind);
      this.notes.requests.push({ sickNote: request.request });
      if (this.notes.requests.length >= this.bulkSize) await this.launch(this.stream(this.sickNotes, 'SubmitSickNotes', this.takeNotes()));
    } else {
      this.others.kinds.push(item.kind);
      this.others.requests.push({ [BULK_FIELD[request.method]]: request.request });
      if (this.others.requests.length >= this.bulkSize) await this.launch(this.stream(this.documents, 'SubmitDocuments', this.takeOthers()));
    }
  }

  public async flush(): Promise<void> {
    if (this.notes.requests.length > 0) await this.launch(this.stream(this.sickNotes, 'SubmitSickNotes', this.takeNotes()));
    if (this.others.requests.length > 0) await this.launch(this.stream(this.documents, 'SubmitDocuments', this.takeOthers()));
    await Promise.all(this.inFlight);
  }

  public close(): void {
    this.sickNotes.close();
    this.documents.close();
  }

  private takeNotes(): Bulk<intakeV1.SubmitSickNotesRequest> {
    const notes = this.notes;
    this.notes = { kinds: [], requests: [] };
    return notes;
  }

  private takeOthers(): Bulk<intakeDocumentsV1.SubmitDocumentsRequest> {
    const others = this.others;
    this.others = { kinds: [], requests: [] };
    return others;
  }

  private async launch(work: Promise<void>): Promise<void> {
    const tracked = work.finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
    while (this.inFlight.size >= this.concurrency) await Promise.race(this.inFlight);
  }

  private async stream<R>(client: ReturnType<typeof grpcClient>, method: 'SubmitSickNotes' | 'SubmitDocuments', bulk: Bulk<R>): Promise<void> {
    const stream = client.stream<intakeV1.SubmitSickNotesResponse | intakeDocumentsV1.SubmitDocumentsResponse>(method);
    for (const request of bulk.requests) stream.write(request);
    try {
      const response = await stream.end();
      for (const rejected of response.rejected) {
        this.refuse(`${label(bulk.kinds[rejected.index]!)} ${rejected.sourceId}: ${rejected.reason} ${rejected.fieldErrors.map((error) => `${error.field}:${error.rule}`).join(' ')}`);
      }
    } catch (error) {
      // A case-intake without the rpc yet: its documents are counted as skipped, not refused.
      if ((error as ServiceError).code === status.UNIMPLEMENTED) bulk.kinds.forEach((kind) => (this.skipped[kind] = (this.skipped[kind] ?? 0) + 1));
      else bulk.kinds.forEach((kind) => this.refuse(`${label(kind)} stream: ${describe(error)}`));
    }
  }

  private refuse(reason: string): void {
    this.refused.count += 1;
    if (this.refused.reasons.length < MAX_REASONS) this.refused.reasons.push(reason);
  }
}

function label(kind: FeedKind): string {
  return kind.replace('-', ' ');
}

/** The part of a kafkajs producer the feeder uses. */
export interface MessageSender {
  send(record: ProducerRecord): Promise<unknown>;
}

/**
 * case-intake's inbound topics: every document in the platform's envelope, keyed and headed as the
 * outbox relay does, batched per topic and sent with acks from all replicas.
 */
export class KafkaFeedTarget implements FeedTarget {
  public readonly refused = { count: 0, reasons: [] as string[] };
  public readonly skipped: Partial<Record<FeedKind, number>> = {};
  private readonly batches = new Map<string, Message[]>();

  public constructor(
    private readonly producer: MessageSender,
    private readonly topicPrefix: string,
    private readonly correlationId: string,
    private readonly batchSize = 500,
  ) {}

  public async send(item: FeedItem, region: Region): Promise<void> {
    const event = INBOUND_EVENTS[item.kind];
    const eventId = randomUUID();
    const envelope = { eventId, type: event.type, version: event.version, occurredAt: item.at, region, correlationId: this.correlationId, payload: item.submission };
    const topic = `${this.topicPrefix}${event.topic}`;
    const batch = this.batches.get(topic) ?? [];
    batch.push({
      key: event.key(item.submission),
      value: JSON.stringify(envelope),
      headers: { 'event-id': eventId, 'event-type': event.type, 'event-version': String(event.version), 'correlation-id': this.correlationId },
    });
    this.batches.set(topic, batch);
    if (batch.length >= this.batchSize) await this.sendBatch(topic);
  }

  public async flush(): Promise<void> {
    for (const topic of [...this.batches.keys()]) await this.sendBatch(topic);
  }

  private async sendBatch(topic: string): Promise<void> {
    const messages = this.batches.get(topic) ?? [];
    this.batches.delete(topic);
    if (messages.length > 0) await this.producer.send({ topic, acks: -1, messages });
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
