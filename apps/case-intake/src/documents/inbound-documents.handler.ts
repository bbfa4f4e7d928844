import { Injectable } from '@nestjs/common';
import {
  InboundArbeidsforholdEvent,
  InboundCancellationEvent,
  InboundInntektsmeldingEvent,
  InboundOppfolgingsplanEvent,
  InboundScreeningAnswerEvent,
  InboundSickNoteEvent,
  InboundSoknadEvent,
  type Envelope,
  type EventDefinition,
  type PayloadOf,
} from '@syfo/contracts';
import { Consumes, DomainError, OutboxService, PoisonMessageError, type EventHandler, type OutboxTransaction } from '@syfo/platform';
import type { EntityManager } from 'typeorm';

import { DocumentsService } from './documents.service';

/**
 * Documents that external case systems publish on the inbound topics instead of calling gRPC: the
 * same validation (by the event schema) and the same service. A domain refusal can never succeed on
 * retry, so it goes to the dead-letter topic with its reason.
 */
@Injectable()
abstract class InboundDocumentHandler<E extends EventDefinition> implements EventHandler<E> {
  public abstract readonly event: E;

  public constructor(
    protected readonly documents: DocumentsService,
    private readonly outbox: OutboxService,
  ) {}

  public async handle(payload: PayloadOf<E>, envelope: Envelope, manager: EntityManager): Promise<void> {
    try {
      await this.apply(this.outbox.within(manager, envelope.correlationId), payload);
    } catch (error) {
      if (error instanceof DomainError) throw new PoisonMessageError(error.code.toLowerCase(), error.message);
      throw error;
    }
  }

  protected abstract apply(tx: OutboxTransaction, payload: PayloadOf<E>): Promise<unknown>;
}

@Injectable()
@Consumes('case-intake.inbound')
export class InboundSickNoteHandler extends InboundDocumentHandler<typeof InboundSickNoteEvent> {
  public readonly event = InboundSickNoteEvent;
  protected apply = (tx: OutboxTransaction, payload: PayloadOf<typeof InboundSickNoteEvent>) => this.documents.submitSickNote(tx, payload);
}

@Injectable()
@Consumes('case-intake.inbound')
export class InboundSoknadHandler extends InboundDocumentHandler<typeof InboundSoknadEvent> {
  public readonly event = InboundSoknadEvent;
  protected apply = (tx: OutboxTransaction, payload: PayloadOf<typeof InboundSoknadEvent>) => this.documents.submitSoknad(tx, payload);
}

@Injectable()
@Consumes('case-intake.inbound')
export class InboundInntektsmeldingHandler extends InboundDocumentHandler<typeof InboundInntektsmeldingEvent> {
  public readonly event = InboundInntektsmeldingEvent;
  protected apply = (tx: OutboxTransaction, payload: PayloadOf<typeof InboundInntektsmeldingEvent>) => this.documents.submitInntektsmelding(tx, payload);
}

@Injectable()
@Consumes('case-intake.inbound')
export class InboundArbeidsforholdHandler extends InboundDocumentHandler<typeof InboundArbeidsforholdEvent> {
  public readonly event = InboundArbeidsforholdEvent;
  protected apply = (tx: OutboxTransaction, payload: PayloadOf<typeof InboundArbeidsforholdEvent>) => this.documents.submitArbeidsforhold(tx, payload);
}

@Injectable()
@Consumes('case-intake.inbound')
export class InboundOppfolgingsplanHandler extends InboundDocumentHandler<typeof InboundOppfolgingsplanEvent> {
  public readonly event = InboundOppfolgingsplanEvent;
  protected apply = (tx: OutboxTransaction, payload: PayloadOf<typeof InboundOppfolgingsplanEvent>) => this.documents.submitOppfolgingsplan(tx, payload);
}

@Injectable()
@Consumes('case-intake.inbound')
export class InboundScreeningAnswerHandler extends InboundDocumentHandler<typeof InboundScreeningAnswerEvent> {
  public readonly event = InboundScreeningAnswerEvent;
  protected apply = (tx: OutboxTransaction, payload: PayloadOf<typeof InboundScreeningAnswerEvent>) => this.documents.submitScreeningAnswer(tx, payload);
}

@Injectable()
@Consumes('case-intake.inbound')
export class InboundCancellationHandler extends InboundDocumentHandler<typeof InboundCancellationEvent> {
  public readonly event = InboundCancellationEvent;
  protected apply = (tx: OutboxTransaction, payload: PayloadOf<typeof InboundCancellationEvent>) => this.documents.cancel(tx, payload);
}

export const INBOUND_DOCUMENT_HANDLERS = [
  InboundSickNoteHandler,
  InboundSoknadHandler,
  InboundInntektsmeldingHandler,
  InboundArbeidsforholdHandler,
  InboundOppfolgingsplanHandler,
  InboundScreeningAnswerHandler,
  InboundCancellationHandler,
];
