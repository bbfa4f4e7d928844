import { Inject, Injectable } from '@nestjs/common';
import {
  ArbeidsforholdChangedEvent,
  OppfolgingsplanReceivedEvent,
  ScreeningAnswerReceivedEvent,
  SickNoteReceivedEvent,
  type ArbeidsforholdSubmission,
  type DocumentCancellation,
  type InntektsmeldingSubmission,
  type OppfolgingsplanSubmission,
  type ScreeningAnswerSubmission,
  type SickNoteSubmission,
  type SoknadSubmission,
} from '@syfo/contracts';
import { CLOCK, DomainError, DomainErrorCode, type Clock, type OutboxTransaction } from '@syfo/platform';

import { TilfellerService } from '../tilfeller/tilfeller.service';
import { isTilfelleDocumentKind, type Document } from './document.entity';
import { DocumentConflictError, DocumentsRepository, type IncomingDocument } from './documents.repository';

export interface StoreResult {
  readonly documentId: string;
  readonly duplicate: boolean;
}

/**
 * Takes in every kind of document. Each write, the events it causes and the recomputed tilfeller
 * commit together in the caller's transaction; a duplicate changes nothing and publishes nothing.
 * Oppfølgingsplaner and screening answers are follow-up facts: they are published, and the tilfeller
 * are left alone.
 */
@Injectable()
export class DocumentsService {
  public constructor(
    private readonly documents: DocumentsRepository,
    private readonly tilfeller: TilfellerService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  public async submitSickNote(tx: OutboxTransaction, note: SickNoteSubmission): Promise<StoreResult> {
    const { sourceSystem, sourceId, personIdent, orgnr, diagnosis, ...body } = note;
    const stored = await this.store(tx, { kind: 'SICK_NOTE', sourceSystem, sourceId, personIdent, orgnr: orgnr ?? null, body, diagnosis });
    if (stored.changed) await this.publishSickNote(tx, stored.document);
    return this.finish(tx, stored);
  }

  public async submitSoknad(tx: OutboxTransaction, soknad: SoknadSubmission): Promise<StoreResult> {
    const { sourceSystem, sourceId, personIdent, orgnr, ...body } = soknad;
    return this.finish(tx, await this.store(tx, { kind: 'SOKNAD', sourceSystem, sourceId, personIdent, orgnr, body }));
  }

  public async submitInntektsmelding(tx: OutboxTransaction, melding: InntektsmeldingSubmission): Promise<StoreResult> {
    const { sourceSystem, sourceId, personIdent, orgnr, ...body } = melding;
    return this.finish(tx, await this.store(tx, { kind: 'INNTEKTSMELDING', sourceSystem, sourceId, personIdent, orgnr, body }));
  }

  public async submitArbeidsforhold(tx: OutboxTransaction, forhold: ArbeidsforholdSubmission): Promise<StoreResult> {
    const { sourceSystem, sourceId, personIdent, orgnr, ...body } = forhold;
    const stored = await this.store(tx, { kind: 'ARBEIDSFORHOLD', sourceSystem, sourceId, personIdent, orgnr, body });
    if (stored.changed) await this.publishArbeidsforhold(tx, stored.document);
    return this.finish(tx, stored);
  }

  /** The plan's free text stays in the stored body: its event says only that the plan exists and how it stands. */
  public async submitOppfolgingsplan(tx: OutboxTransaction, plan: OppfolgingsplanSubmission): Promise<StoreResult> {
    const { sourceSystem, sourceId, personIdent, orgnr, ...body } = plan;
    const stored = await this.store(tx, { kind: 'OPPFOLGINGSPLAN', sourceSystem, sourceId, personIdent, orgnr, body });
    if (stored.changed) await this.publishOppfolgingsplan(tx, stored.document);
    return { documentId: stored.document.id, duplicate: stored.duplicate };
  }

  public async submitScreeningAnswer(tx: OutboxTransaction, answer: ScreeningAnswerSubmission): Promise<StoreResult> {
    const { sourceSystem, sourceId, personIdent, ...body } = answer;
    const stored = await this.store(tx, { kind: 'SCREENING_ANSWER', sourceSystem, sourceId, personIdent, orgnr: null, body });
    if (stored.changed) await this.publishScreeningAnswer(tx, stored.document);
    return { documentId: stored.document.id, duplicate: stored.duplicate };
  }

  /** A cancellation that overtakes its document is kept, and applies when the document arrives. */
  public async cancel(tx: OutboxTransaction, cancellation: DocumentCancellation): Promise<{ documentId: string; alreadyCancelled: boolean; awaitingDocument: boolean }> {
    const result = await this.documents.cancel(tx.manager, cancellation, this.clock.now());
    if (!result) return { documentId: '', alreadyCancelled: false, awaitingDocument: true };
    if (!result.alreadyCancelled) {
      if (result.document.kind === 'SICK_NOTE') await this.publishSickNote(tx, result.document);
      if (result.document.kind === 'ARBEIDSFORHOLD') await this.publishArbeidsforhold(tx, result.document);
      if (result.document.kind === 'OPPFOLGINGSPLAN') await this.publishOppfolgingsplan(tx, result.document);
      if (result.document.kind === 'SCREENING_ANSWER') await this.publishScreeningAnswer(tx, result.document);
      if (isTilfelleDocumentKind(result.document.kind)) await this.tilfeller.recompute(tx, result.document.personIdent);
    }
    return { documentId: result.document.id, alreadyCancelled: result.alreadyCancelled, awaitingDocument: false };
  }

  /** `changed`: the document's current version is new, so its events and the tilfeller follow. */
  private async store(tx: OutboxTransaction, incoming: Omit<IncomingDocument, 'receivedAt' | 'sentAt'>): Promise<{ document: Document; duplicate: boolean; changed: boolean }> {
    const { sentAt, ...body } = incoming.body as { sentAt?: string };
    try {
      const { document, outcome } = await this.documents.store(tx.manager, { ...incoming, body, sentAt: sentAt ? new Date(sentAt) : null, receivedAt: this.clock.now() });
      return { document, duplicate: outcome === 'duplicate', changed: outcome === 'created' || outcome === 'corrected' };
    } catch (error) {
      if (error instanceof DocumentConflictError) throw new DomainError(DomainErrorCode.FailedPrecondition, 'conflicts with the stored document', [{ field: error.field, rule: error.rule, message: error.message }]);
      throw error;
    }
  }

  private async finish(tx: OutboxTransaction, stored: { document: Document; duplicate: boolean; changed: boolean }): Promise<StoreResult> {
    if (stored.changed) await this.tilfeller.recompute(tx, stored.document.personIdent);
    return { documentId: stored.document.id, duplicate: stored.duplicate };
  }

  private async publishSickNote(tx: OutboxTransaction, document: Document): Promise<void> {
    const body = document.body as Pick<SickNoteSubmission, 'status' | 'issuedOn' | 'periods'>;
    await tx.publish(SickNoteReceivedEvent, {
      sickNoteId: document.id,
      personIdent: document.personIdent,
      orgnr: document.orgnr,
      status: body.status,
      issuedOn: body.issuedOn,
      periods: body.periods,
      receivedAt: document.receivedAt.toISOString(),
      version: document.version,
      cancelled: document.cancelledAt !== null,
    });
  }

  private async publishArbeidsforhold(tx: OutboxTransaction, document: Document): Promise<void> {
    const body = document.body as Pick<ArbeidsforholdSubmission, 'hovedenhetOrgnr' | 'stillingsprosent' | 'fom' | 'tom'>;
    await tx.publish(ArbeidsforholdChangedEvent, {
      arbeidsforholdId: document.id,
      personIdent: document.personIdent,
      orgnr: document.orgnr!,
      hovedenhetOrgnr: body.hovedenhetOrgnr,
      stillingsprosent: body.stillingsprosent,
      fom: body.fom,
      tom: body.tom ?? null,
      cancelled: document.cancelledAt !== null,
    });
  }

  /** Built field by field, so none of the plan's free text can reach the event. */
  private async publishOppfolgingsplan(tx: OutboxTransaction, document: Document): Promise<void> {
    const body = document.body as Pick<OppfolgingsplanSubmission, 'createdOn' | 'evaluationDate' | 'sharedWithNav' | 'tiltakMedBistand'>;
    await tx.publish(OppfolgingsplanReceivedEvent, {
      planId: document.id,
      personIdent: document.personIdent,
      orgnr: document.orgnr!,
      createdOn: body.createdOn,
      evaluationDate: body.evaluationDate ?? null,
      sharedWithNav: body.sharedWithNav,
      needsAssistanceFromNav: body.tiltakMedBistand.length > 0,
      version: document.version,
      cancelled: document.cancelledAt !== null,
    });
  }

  private async publishScreeningAnswer(tx: OutboxTransaction, document: Document): Promise<void> {
    const body = document.body as DistributiveOmit<ScreeningAnswerSubmission, 'sourceSystem' | 'sourceId' | 'personIdent'>;
    const common = { answerId: document.id, personIdent: document.personIdent, answeredAt: body.answeredAt, version: document.version, cancelled: document.cancelledAt !== null };
    await tx.publish(
      ScreeningAnswerReceivedEvent,
      body.questionnaire === 'VV_MS_8W'
        ? { ...common, questionnaire: body.questionnaire, q1: body.q1 ?? null, q2: body.q2 ?? null, q3: body.q3 ?? null, q3UnsureReason: body.q3UnsureReason ?? null, optOut: body.optOut }
        : { ...common, questionnaire: body.questionnaire, score: body.score },
    );
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
