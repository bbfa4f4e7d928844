import { Injectable, type Type } from '@nestjs/common';
import {
  InboundArbeidsforholdEvent,
  InboundCancellationEvent,
  InboundInntektsmeldingEvent,
  InboundOppfolgingsplanEvent,
  InboundScreeningAnswerEvent,
  InboundSickNoteEvent,
  InboundSoknadEvent,
  InboundVirksomhetEvent,
  type Envelope,
  type EventDefinition,
  type PayloadOf,
} from '@syfo/contracts';
import { Consumes, DomainError, OutboxService, PoisonMessageError, type EventHandler, type OutboxTransaction } from '@syfo/platform';
import type { EntityManager } from 'typeorm';

import { DocumentsService } from './documents.service';

type Submit<E extends EventDefinition> = (documents: DocumentsService, tx: OutboxTransaction, payload: PayloadOf<E>) => Promise<unknown>;

/**
 * A handler for documents that external case systems publish on the inbound topics instead of
 * calling gRPC: the same validation (by the event schema) and the same service. A domain refusal can
 * never succeed on retry, so it goes to the dead-letter topic with its reason. Each event gets a
 * class of its own, because the platform finds handlers by their class's `@Consumes` metadata.
 */
function inboundDocumentHandler<E extends EventDefinition>(event: E, submit: Submit<E>): Type<EventHandler<E>> {
  @Injectable()
  @Consumes('case-intake.inbound')
  class InboundDocumentHandler implements EventHandler<E> {
    public readonly event = event;

    public constructor(
      private readonly documents: DocumentsService,
      private readonly outbox: OutboxService,
    ) {}

    public async handle(payload: PayloadOf<E>, envelope: Envelope, manager: EntityManager): Promise<void> {
      try {
        await submit(this.documents, this.outbox.within(manager, envelope.correlationId), payload);
      } catch (error) {
        if (error instanceof DomainError) throw new PoisonMessageError(error.code.toLowerCase(), error.message);
        throw error;
      }
    }
  }
  // Nest names providers by class in its logs and errors.
  Object.defineProperty(InboundDocumentHandler, 'name', { value: `InboundDocumentHandler(${event.type})` });
  return InboundDocumentHandler;
}

export const INBOUND_DOCUMENT_HANDLERS = [
  inboundDocumentHandler(InboundSickNoteEvent, (documents, tx, note) => documents.submitSickNote(tx, note)),
  inboundDocumentHandler(InboundSoknadEvent, (documents, tx, soknad) => documents.submitSoknad(tx, soknad)),
  inboundDocumentHandler(InboundInntektsmeldingEvent, (documents, tx, melding) => documents.submitInntektsmelding(tx, melding)),
  inboundDocumentHandler(InboundArbeidsforholdEvent, (documents, tx, forhold) => documents.submitArbeidsforhold(tx, forhold)),
  inboundDocumentHandler(InboundOppfolgingsplanEvent, (documents, tx, plan) => documents.submitOppfolgingsplan(tx, plan)),
  inboundDocumentHandler(InboundScreeningAnswerEvent, (documents, tx, answer) => documents.submitScreeningAnswer(tx, answer)),
  inboundDocumentHandler(InboundVirksomhetEvent, (documents, tx, virksomhet) => documents.submitVirksomhet(tx, virksomhet)),
  inboundDocumentHandler(InboundCancellationEvent, (documents, tx, cancellation) => documents.cancel(tx, cancellation)),
];
