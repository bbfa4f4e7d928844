import { createHash, randomUUID } from 'node:crypto';

import { SickNoteReceivedEvent, TilfellerChangedEvent, type EventDefinition, type PayloadOf } from '@syfo/contracts';
import { syntheticOrgnr, syntheticPersonIdent } from '@syfo/testing';

/** Employers the notes are spread over: enough that statistics updates many counter rows, as in a region. */
const EMPLOYERS = 500;
const DIAGNOSES = ['L03', 'P74', 'R74', 'L86', 'P76'] as const;
const employers = Array.from({ length: EMPLOYERS }, (_, i) => syntheticOrgnr(i));
const DAY_MS = 86_400_000;

/** SubmitSickNote's request as a case system sends it: proto field and enum names. */
export interface SubmitRequest {
  readonly sourceSystem: string;
  readonly sourceId: string;
  readonly personIdent: string;
  readonly orgnr: string;
  readonly status: string;
  readonly issuedOn: string;
  readonly diagnosis: { readonly system: string; readonly code: string };
  readonly periods: readonly { readonly fom: string; readonly tom: string; readonly type: string; readonly grade?: number }[];
  readonly egenmeldingsperioder: readonly { readonly fom: string; readonly tom: string }[];
  readonly issuerHpr: string;
}

/**
 * The n-th distinct, valid sick note: a synthetic person of its own (distinct for every n below
 * 200,000, so each note is its person's first and recomputes one tilfelle from one document), one of
 * 500 employers, a one- to three-week period in 2025 (all four quarters get counted), every fourth
 * one graded and every third with egenmelding days before it.
 */
export function sickNoteRequest(batch: string, n: number): SubmitRequest {
  const fom = Date.UTC(2025, 0, 4) + ((n * 7) % 360) * DAY_MS;
  const tom = fom + (6 + (n % 3) * 7) * DAY_MS;
  const graded = n % 4 === 3;
  return {
    sourceSystem: 'bench',
    sourceId: `${batch}-${n}`,
    personIdent: syntheticPersonIdent(n),
    orgnr: employers[n % EMPLOYERS]!,
    status: 'SICK_NOTE_STATUS_SENDT',
    issuedOn: day(fom),
    diagnosis: { system: 'DIAGNOSIS_SYSTEM_ICPC2', code: DIAGNOSES[n % DIAGNOSES.length]! },
    periods: [graded ? { fom: day(fom), tom: day(tom), type: 'PERIOD_TYPE_GRADED', grade: 50 } : { fom: day(fom), tom: day(tom), type: 'PERIOD_TYPE_FULL' }],
    egenmeldingsperioder: n % 3 === 0 ? [{ fom: day(fom - 3 * DAY_MS), tom: day(fom - DAY_MS) }] : [],
    issuerHpr: String(1_000_000 + (n % 9_000_000)),
  };
}

export interface OutboxRow {
  readonly eventId: string;
  readonly topic: string;
  readonly key: string;
  readonly envelope: string;
  readonly type: string;
  readonly version: number;
  readonly correlationId: string;
}

/** Column values, in the order of the INSERTs in raw-postgres.ts. */
export interface StoredRows {
  readonly personIdent: string;
  readonly document: readonly unknown[];
  readonly documentVersion: readonly unknown[];
  readonly personTilfeller: readonly unknown[];
  /** intake.sick-note.v1, then intake.tilfelle-person.v1. */
  readonly events: readonly [OutboxRow, OutboxRow];
}

/**
 * What case-intake writes for a new note of a person with no other documents (DocumentsRepository,
 * TilfellerService, OutboxService): the document and its first version, the person's tilfelle list,
 * and two outbox rows. The events are built and checked with the real contracts, so the envelopes
 * have the real shape and size; the tilfelle is the one such a note gives (its period, egenmelding
 * days included).
 */
export function storedRows(request: SubmitRequest, region: string): StoredRows {
  const body = {
    status: request.status.replace('SICK_NOTE_STATUS_', ''),
    issuedOn: request.issuedOn,
    periods: request.periods.map((period) => ({ ...period, type: period.type.replace('PERIOD_TYPE_', '') })),
    ...(request.egenmeldingsperioder.length > 0 ? { egenmeldingsperioder: request.egenmeldingsperioder } : {}),
    issuerHpr: request.issuerHpr,
  };
  const diagnosis = { system: request.diagnosis.system.replace('DIAGNOSIS_SYSTEM_', ''), code: request.diagnosis.code };
  const hash = createHash('sha256').update(JSON.stringify({ body, orgnr: request.orgnr, diagnosis, personIdent: request.personIdent })).digest('hex');
  const id = randomUUID();
  const receivedAt = new Date();
  const bodyJson = JSON.stringify(body);
  // Both events of one call share its correlation id: the caller's, or a fresh UUID as here.
  const correlationId = randomUUID();

  const start = request.egenmeldingsperioder[0]?.fom ?? request.periods[0]!.fom;
  const end = request.periods[0]!.tom;
  const tilfeller = [
    {
      start,
      end,
      antallSykedager: (Date.parse(end) - Date.parse(start)) / DAY_MS + 1,
      virksomhetsnummerList: [request.orgnr],
      arbeidstakerAtTilfelleEnd: true,
      gradertAtTilfelleEnd: body.periods[0]!.type === 'GRADED',
    },
  ];
  return {
    personIdent: request.personIdent,
    document: [id, 'SICK_NOTE', request.sourceSystem, request.sourceId, request.personIdent, request.orgnr, hash, bodyJson, diagnosis.system, diagnosis.code, receivedAt],
    documentVersion: [id, hash, bodyJson, request.orgnr, receivedAt],
    personTilfeller: [request.personIdent, JSON.stringify(tilfeller), false, 1, receivedAt],
    events: [
      outboxRow(SickNoteReceivedEvent, region, correlationId, receivedAt, {
        sickNoteId: id,
        personIdent: request.personIdent,
        orgnr: request.orgnr,
        status: body.status as PayloadOf<typeof SickNoteReceivedEvent>['status'],
        issuedOn: body.issuedOn,
        periods: body.periods as PayloadOf<typeof SickNoteReceivedEvent>['periods'],
        receivedAt: receivedAt.toISOString(),
        version: 1,
        cancelled: false,
      }),
      outboxRow(TilfellerChangedEvent, region, correlationId, receivedAt, {
        personIdent: request.personIdent,
        tilfeller,
        recurringAbsence: false,
        revision: 1,
        computedAt: receivedAt.toISOString(),
      }),
    ],
  };
}

/** The envelope OutboxService.enqueue builds, after the same contract check. */
function outboxRow<E extends EventDefinition>(event: E, region: string, correlationId: string, at: Date, payload: PayloadOf<E>): OutboxRow {
  const parsed = event.payload.parse(payload) as PayloadOf<E>;
  const eventId = randomUUID();
  const envelope = { eventId, type: event.type, version: event.version, occurredAt: at.toISOString(), region, correlationId, payload: parsed };
  return { eventId, topic: event.topic, key: event.key(parsed), envelope: JSON.stringify(envelope), type: event.type, version: event.version, correlationId };
}

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
