import { Inject, Injectable } from '@nestjs/common';
import {
  ArbeidsforholdChangedEvent,
  SickNoteReceivedEvent,
  type ArbeidsforholdSubmission,
  type DocumentCancellation,
  type InntektsmeldingSubmission,
  type SickNoteSubmission,
  type SoknadSubmission,
} from '@syfo/contracts';
import { CLOCK, DomainError, DomainErrorCode, type Clock, type OutboxTransaction } from '@syfo/platform';

import { TilfellerService } from '../tilfeller/tilfeller.service';
import type { Document } from './document.entity';
import { DocumentConflictError, DocumentsRepository, type IncomingDocument } from './documents.repository';

export interface StoreResult {
  readonly documentId: string;
  readonly duplicate: boolean;
}

/**
 * Takes in every kind of document. Each write, the events it causes and the recomputed tilfeller
 * commit together in the caller's transaction; a duplicate changes nothing and publishes nothing.
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
    if (!stored.duplicate) await this.publishSickNote(tx, stored.document);
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
    if (!stored.duplicate) await this.publishArbeidsforhold(tx, stored.document);
    return this.finish(tx, stored);
  }

  public async cancel(tx: OutboxTransaction, cancellation: DocumentCancellation): Promise<{ documentId: string; alreadyCancelled: boolean }> {
    const result = await this.documents.cancel(tx.manager, cancellation.kind, cancellation.sourceSystem, cancellation.sourceId, this.clock.now());
    if (!result) throw new DomainError(DomainErrorCode.NotFound, 'no document of that kind with that source_system and source_id');
    if (!result.alreadyCancelled) {
      if (result.document.kind === 'SICK_NOTE') await this.publishSickNote(tx, result.document);
      if (result.document.kind === 'ARBEIDSFORHOLD') await this.publishArbeidsforhold(tx, result.document);
      await this.tilfeller.recompute(tx, result.document.personIdent);
    }
    return { documentId: result.document.id, alreadyCancelled: result.alreadyCancelled };
  }

  private async store(tx: OutboxTransaction, incoming: Omit<IncomingDocument, 'receivedAt'>): Promise<{ document: Document; duplicate: boolean }> {
    try {
      const { document, outcome } = await this.documents.store(tx.manager, { ...incoming, receivedAt: this.clock.now() });
      return { document, duplicate: outcome === 'duplicate' };
    } catch (error) {
      if (error instanceof DocumentConflictError) throw new DomainError(DomainErrorCode.FailedPrecondition, 'conflicts with the stored document', [{ field: error.field, rule: error.rule, message: error.message }]);
      throw error;
    }
  }

  private async finish(tx: OutboxTransaction, stored: { document: Document; duplicate: boolean }): Promise<StoreResult> {
    if (!stored.duplicate) await this.tilfeller.recompute(tx, stored.document.personIdent);
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
}
