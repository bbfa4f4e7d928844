import { createHash, randomUUID } from 'node:crypto';

import { SickNoteReceivedEvent, type SickNoteReceived } from '@syfo/contracts';
import { syntheticOrgnr, syntheticPersonIdent } from '@syfo/testing';

/** Employers the notes are spread over: enough that statistics updates many counter rows, as in a region. */
const EMPLOYERS = 500;
const DIAGNOSES = ['L03', 'P74', 'R74', 'L86', 'P76'] as const;
const employers = Array.from({ length: EMPLOYERS }, (_, i) => syntheticOrgnr(i));

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
}

/**
 * The n-th distinct, valid sick note of a batch: synthetic person and employer, one- to
 * three-week periods spread over 2025 (so all four quarters are counted), every fourth one graded.
 */
export function sickNoteRequest(batch: string, n: number): SubmitRequest {
  const fom = day(Date.UTC(2025, 0, 1) + ((n * 7) % 365) * DAY_MS);
  const tom = day(Date.parse(fom) + (6 + (n % 3) * 7) * DAY_MS);
  const graded = n % 4 === 3;
  return {
    sourceSystem: 'bench',
    sourceId: `${batch}-${n}`,
    personIdent: syntheticPersonIdent(n),
    orgnr: employers[n % EMPLOYERS]!,
    status: 'SICK_NOTE_STATUS_SENDT',
    issuedOn: fom,
    diagnosis: { system: 'DIAGNOSIS_SYSTEM_ICPC2', code: DIAGNOSES[n % DIAGNOSES.length]! },
    periods: [graded ? { fom, tom, type: 'PERIOD_TYPE_GRADED', grade: 50 } : { fom, tom, type: 'PERIOD_TYPE_FULL' }],
  };
}

/** What case-intake writes for one note: the sick_note row's values and the outbox_message row's. */
export interface StoredRows {
  readonly sickNote: readonly [string, string, string, string, string, string, string, string, string, string, string, Date];
  readonly outbox: { readonly eventId: string; readonly topic: string; readonly key: string; readonly envelope: string; readonly correlationId: string };
}

/**
 * The rows SickNotesService.store and OutboxService.enqueue write for a request, with an envelope of
 * the same shape and size (the event payload is built and checked by the real contract).
 */
export function storedRows(request: SubmitRequest, region: string): StoredRows {
  const submission = {
    sourceSystem: request.sourceSystem,
    sourceId: request.sourceId,
    personIdent: request.personIdent,
    orgnr: request.orgnr,
    status: request.status.replace('SICK_NOTE_STATUS_', ''),
    issuedOn: request.issuedOn,
    diagnosis: { system: request.diagnosis.system.replace('DIAGNOSIS_SYSTEM_', ''), code: request.diagnosis.code },
    periods: request.periods.map((period) => ({ ...period, type: period.type.replace('PERIOD_TYPE_', '') })),
  };
  const id = randomUUID();
  const receivedAt = new Date();
  const payload: SickNoteReceived = SickNoteReceivedEvent.payload.parse({
    sickNoteId: id,
    personIdent: submission.personIdent,
    orgnr: submission.orgnr,
    status: submission.status,
    issuedOn: submission.issuedOn,
    periods: submission.periods,
    receivedAt: receivedAt.toISOString(),
  });
  const eventId = randomUUID();
  // The service uses the caller's x-correlation-id, or a fresh UUID when there is none, as here.
  const correlationId = randomUUID();
  const envelope = {
    eventId,
    type: SickNoteReceivedEvent.type,
    version: SickNoteReceivedEvent.version,
    occurredAt: receivedAt.toISOString(),
    region,
    correlationId,
    payload,
  };
  return {
    sickNote: [
      id,
      submission.sourceSystem,
      submission.sourceId,
      createHash('sha256').update(JSON.stringify(submission)).digest('hex'),
      submission.personIdent,
      submission.orgnr,
      submission.status,
      submission.issuedOn,
      submission.diagnosis.system,
      submission.diagnosis.code,
      JSON.stringify(submission.periods),
      receivedAt,
    ],
    outbox: { eventId, topic: SickNoteReceivedEvent.topic, key: SickNoteReceivedEvent.key(payload), envelope: JSON.stringify(envelope), correlationId },
  };
}

const DAY_MS = 86_400_000;

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
