import { Injectable } from '@nestjs/common';
import { InboundSickNoteEvent, type Envelope, type SickNoteSubmission } from '@syfo/contracts';
import { Consumes, DomainError, OutboxService, PoisonMessageError, type EventHandler } from '@syfo/platform';
import type { EntityManager } from 'typeorm';

import { SickNotesService } from './sick-notes.service';

/** Sick notes that external case systems publish on the inbound topic instead of calling gRPC. */
@Injectable()
@Consumes('case-intake.inbound')
export class InboundSickNoteHandler implements EventHandler<typeof InboundSickNoteEvent> {
  public readonly event = InboundSickNoteEvent;

  public constructor(
    private readonly sickNotes: SickNotesService,
    private readonly outbox: OutboxService,
  ) {}

  public async handle(submission: SickNoteSubmission, envelope: Envelope, manager: EntityManager): Promise<void> {
    try {
      await this.sickNotes.store(this.outbox.within(manager, envelope.correlationId), submission);
    } catch (error) {
      if (error instanceof DomainError) throw new PoisonMessageError(error.code.toLowerCase(), error.message);
      throw error;
    }
  }
}
