import { Inject, Injectable } from '@nestjs/common';
import {
  ArbeidsforholdChangedEvent,
  OppfolgingsplanReceivedEvent,
  ScreeningAnswerReceivedEvent,
  SickNoteReceivedEvent,
  VirksomhetChangedEvent,
  type ArbeidsforholdSubmission,
  type DocumentCancellation,
  type DocumentKind,
  type InntektsmeldingSubmission,
  type OppfolgingsplanSubmission,
  type ScreeningAnswerSubmission,
  type SickNoteSubmission,
  type SoknadSubmission,
  type VirksomhetSubmission,
} from '@syfo/contracts';
import { CLOCK, DomainError, DomainErrorCode, type Clock, type OutboxTransaction } from '@syfo/platform';

import { TilfellerService } from '../tilfeller/tilfeller.service';
import { isTilfelleDocumentKind, personOf, type Document } from './document.entity';
import { DocumentConflictError, DocumentsRepository, type IncomingDocument } from './documents.repository';

export interface StoreResult {
  readonly documentId: string;
  readonly duplicate: boolean;
}

/** A document as its submission gives it: its sentAt still in the body, and not yet received. */
type Submitted = Omit<IncomingDocument, 'receivedAt' | 'sentAt'>;

interface Stored {
  readonly document: Document;
  readonly duplicate: boolean;
  readonly changed: boolean;
}

/**
 * Takes in every kind of document. Each write, the events it causes and the recomputed tilfeller
 * (at the end of the transaction, once per person) commit together in the caller's transaction; a duplicate changes nothing and publishes nothing.
 * Oppfølgingsplaner and screening answers are follow-up facts, and virksomheter register facts:
 * they are published, and the tilfeller are left alone.
 */
@Injectable()
export class DocumentsService {
  /** Each kind's event, published with every change of its current version and with its cancellation. */
  private readonly publishers: Readonly<Partial<Record<DocumentKind, (tx: OutboxTransaction, document: Document) => Promise<void>>>> = {
    SICK_NOTE: (tx, document) => this.publishSickNote(tx, document),
    ARBEIDSFORHOLD: (tx, document) => this.publishArbeidsforhold(tx, document),
    OPPFOLGINGSPLAN: (tx, document) => this.publishOppfolgingsplan(tx, document),
    SCREENING_ANSWER: (tx, document) => this.publishScreeningAnswer(tx, document),
    VIRKSOMHET: (tx, document) => this.publishVirksomhet(tx, document),
  };

  public constructor(
    private readonly documents: DocumentsRepository,
    private readonly tilfeller: TilfellerService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  public async submitSickNote(tx: OutboxTransaction, note: SickNoteSubmission): Promise<StoreResult> {
    const { sourceSystem, sourceId, personIdent, orgnr, diagnosis, ...body } = note;
    return this.accept(tx, { kind: 'SICK_NOTE', sourceSystem, sourceId, personIdent, orgnr: orgnr ?? null, body, diagnosis });
  }

  public async submitSoknad(tx: OutboxTransaction, soknad: SoknadSubmission): Promise<StoreResult> {
    const { sourceSystem, sourceId, personIdent, orgnr, ...body } = soknad;
    return this.accept(tx, { kind: 'SOKNAD', sourceSystem, sourceId, personIdent, orgnr, body });
  }

  public async submitInntektsmelding(tx: OutboxTransaction, melding: InntektsmeldingSubmission): Promise<StoreResult> {
    const { sourceSystem, sourceId, personIdent, orgnr, ...body } = melding;
    return this.accept(tx, { kind: 'INNTEKTSMELDING', sourceSystem, sourceId, personIdent, orgnr, body });
  }

  public async submitArbeidsforhold(tx: OutboxTransaction, forhold: ArbeidsforholdSubmission): Promise<StoreResult> {
    const { sourceSystem, sourceId, personIdent, orgnr, ...body } = forhold;
    return this.accept(tx, { kind: 'ARBEIDSFORHOLD', sourceSystem, sourceId, personIdent, orgnr, body });
  }

  /** The plan's free text stays in the stored body: its event says only that the plan exists and how it stands. */
  public async submitOppfolgingsplan(tx: OutboxTransaction, plan: OppfolgingsplanSubmission): Promise<StoreResult> {
    const { sourceSystem, sourceId, personIdent, orgnr, ...body } = plan;
    return this.accept(tx, { kind: 'OPPFOLGINGSPLAN', sourceSystem, sourceId, personIdent, orgnr, body });
  }

  public async submitScreeningAnswer(tx: OutboxTransaction, answer: ScreeningAnswerSubmission): Promise<StoreResult> {
    const { sourceSystem, sourceId, personIdent, ...body } = answer;
    return this.accept(tx, { kind: 'SCREENING_ANSWER', sourceSystem, sourceId, personIdent, orgnr: null, body });
  }

  /** A virksomhet is about an employer: it has no person, and its orgnr is who it is. */
  public async submitVirksomhet(tx: OutboxTransaction, virksomhet: VirksomhetSubmission): Promise<StoreResult> {
    const { sourceSystem, sourceId, orgnr, ...body } = virksomhet;
    return this.accept(tx, { kind: 'VIRKSOMHET', sourceSystem, sourceId, personIdent: null, orgnr, body });
  }

  /** A cancellation that overtakes its document is kept, and applies when the document arrives. */
  public async cancel(tx: OutboxTransaction, cancellation: DocumentCancellation): Promise<{ documentId: string; alreadyCancelled: boolean; awaitingDocument: boolean }> {
    const result = await this.documents.cancel(tx.manager, cancellation, this.clock.now());
    if (!result) return { documentId: '', alreadyCancelled: false, awaitingDocument: true };
    if (!result.alreadyCancelled) await this.follow(tx, result.document);
    return { documentId: result.document.id, alreadyCancelled: result.alreadyCancelled, awaitingDocument: false };
  }

  private async accept(tx: OutboxTransaction, incoming: Submitted): Promise<StoreResult> {
    const stored = await this.store(tx, incoming);
    if (stored.changed) await this.follow(tx, stored.document);
    return { documentId: stored.document.id, duplicate: stored.duplicate };
  }

  /** `changed`: the document's current version is new, so its events and the tilfeller follow. */
  private async store(tx: OutboxTransaction, incoming: Submitted): Promise<Stored> {
    const { sentAt, ...body } = incoming.body as { sentAt?: string };
    try {
      const { document, outcome } = await this.documents.store(tx.manager, { ...incoming, body, sentAt: sentAt ? new Date(sentAt) : null, receivedAt: this.clock.now() });
      return { document, duplicate: outcome === 'duplicate', changed: outcome === 'created' || outcome === 'corrected' };
    } catch (error) {
      if (error instanceof DocumentConflictError) throw new DomainError(DomainErrorCode.FailedPrecondition, 'conflicts with the stored document', [{ field: error.field, rule: error.rule, message: error.message }]);
      throw error;
    }
  }

  /** A document's current version changed or was withdrawn: its kind's event, then the tilfeller of the kinds they read. */
  private async follow(tx: OutboxTransaction, document: Document): Promise<void> {
    await this.publishers[document.kind]?.(tx, document);
    if (isTilfelleDocumentKind(document.kind)) this.tilfeller.recompute(tx, personOf(document));
  }

  private async publishSickNote(tx: OutboxTransaction, document: Document): Promise<void> {
    const body = document.body as Pick<SickNoteSubmission, 'status' | 'issuedOn' | 'periods'>;
    await tx.publish(SickNoteReceivedEvent, {
      sickNoteId: document.id,
      personIdent: personOf(document),
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
      personIdent: personOf(document),
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
      personIdent: personOf(document),
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
    const common = { answerId: document.id, personIdent: personOf(document), answeredAt: body.answeredAt, version: document.version, cancelled: document.cancelledAt !== null };
    await tx.publish(
      ScreeningAnswerReceivedEvent,
      body.questionnaire === 'VV_MS_8W'
        ? { ...common, questionnaire: body.questionnaire, q1: body.q1 ?? null, q2: body.q2 ?? null, q3: body.q3 ?? null, q3UnsureReason: body.q3UnsureReason ?? null, optOut: body.optOut }
        : { ...common, questionnaire: body.questionnaire, score: body.score },
    );
  }

  private async publishVirksomhet(tx: OutboxTransaction, document: Document): Promise<void> {
    const body = document.body as Pick<VirksomhetSubmission, 'hovedenhetOrgnr' | 'naeringskode' | 'sektor' | 'kommunenummer'>;
    await tx.publish(VirksomhetChangedEvent, {
      orgnr: document.orgnr!,
      hovedenhetOrgnr: body.hovedenhetOrgnr ?? null,
      naeringskode: body.naeringskode,
      sektor: body.sektor,
      kommunenummer: body.kommunenummer,
      version: document.version,
      cancelled: document.cancelledAt !== null,
    });
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
