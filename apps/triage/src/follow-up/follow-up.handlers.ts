import { Injectable } from '@nestjs/common';
import {
  OppfolgingsplanReceivedEvent,
  ScreeningAnswerReceivedEvent,
  TilfellerChangedEvent,
  type Envelope,
  type OppfolgingsplanReceived,
  type ScreeningAnswerReceived,
  type TilfellerChanged,
} from '@syfo/contracts';
import { osloDate } from '@syfo/local-date';
import { Consumes, OutboxService, type EventHandler } from '@syfo/platform';
import type { EntityManager } from 'typeorm';

import { ScreeningService } from '../screening/screening.service';
import { WorkItemService } from '../work-items/work-item.service';
import { currentTilfelle, FollowUpService, routingOf } from './follow-up.service';

/** A person's whole tilfelle list: the follow-up is recomputed from it. */
@Injectable()
@Consumes('triage.intake-events')
export class TilfellerChangedHandler implements EventHandler<typeof TilfellerChangedEvent> {
  public readonly event = TilfellerChangedEvent;

  public constructor(
    private readonly outbox: OutboxService,
    private readonly followUp: FollowUpService,
  ) {}

  public async handle(payload: TilfellerChanged, envelope: Envelope<TilfellerChanged>, manager: EntityManager): Promise<void> {
    await this.followUp.applyTilfeller(this.outbox.within(manager, envelope.correlationId), payload);
  }
}

const PLAN_SOURCE = (planId: string) => `oppfolgingsplan:${planId}`;

/**
 * An oppfølgingsplan meets the plan milestone of the tilfelle it belongs to; withdrawn, it no longer
 * does. A plan that asks for NAV's help opens OPPFOLGINGSPLAN_BISTAND.
 */
@Injectable()
@Consumes('triage.intake-events')
export class OppfolgingsplanHandler implements EventHandler<typeof OppfolgingsplanReceivedEvent> {
  public readonly event = OppfolgingsplanReceivedEvent;

  public constructor(
    private readonly outbox: OutboxService,
    private readonly followUp: FollowUpService,
    private readonly workItems: WorkItemService,
    private readonly screening: ScreeningService,
  ) {}

  public async handle(plan: OppfolgingsplanReceived, envelope: Envelope<OppfolgingsplanReceived>, manager: EntityManager): Promise<void> {
    const tx = this.outbox.within(manager, envelope.correlationId);
    const person = await this.followUp.lockPerson(tx, plan.personIdent);
    const tilfelle = person ? currentTilfelle(person.tilfeller) : null;
    if (!person || !tilfelle || plan.createdOn < tilfelle.start) return; // a plan from an earlier tilfelle meets nothing now
    if (plan.cancelled) {
      await this.followUp.withdrawCompletion(tx, plan.personIdent, 'OPPFOLGINGSPLAN', PLAN_SOURCE(plan.planId));
    } else {
      await this.followUp.resolve(tx, plan.personIdent, tilfelle.start, { milestone: 'OPPFOLGINGSPLAN', on: plan.createdOn, by: PLAN_SOURCE(plan.planId), reason: 'OPPFOLGINGSPLAN_RECEIVED' });
      if (plan.needsAssistanceFromNav) {
        const now = this.followUp.now();
        const today = osloDate(now);
        await this.workItems.open(
          tx,
          routingOf(person),
          { type: 'OPPFOLGINGSPLAN_BISTAND', key: `OPPFOLGINGSPLAN_BISTAND:${plan.planId}`, priority: 'REVIEW', statutory: false, dueDate: null, visibleFrom: today },
          { tilfelleStart: tilfelle.start, gradert: tilfelle.gradertAtTilfelleEnd, orgnr: plan.orgnr },
          now,
          today,
        );
      }
    }
    if (!plan.cancelled) await this.screening.reEnter(tx, routingOf(person), tilfelle, 'OPPFOLGINGSPLAN', this.followUp.now());
    await this.followUp.recompute(tx, plan.personIdent);
  }
}

/** A coded screening answer, corrected or withdrawn: the case it belongs to is decided again. */
@Injectable()
@Consumes('triage.intake-events')
export class ScreeningAnswerHandler implements EventHandler<typeof ScreeningAnswerReceivedEvent> {
  public readonly event = ScreeningAnswerReceivedEvent;

  public constructor(
    private readonly outbox: OutboxService,
    private readonly followUp: FollowUpService,
    private readonly screening: ScreeningService,
  ) {}

  public async handle(answer: ScreeningAnswerReceived, envelope: Envelope<ScreeningAnswerReceived>, manager: EntityManager): Promise<void> {
    const tx = this.outbox.within(manager, envelope.correlationId);
    const person = await this.followUp.lockPerson(tx, answer.personIdent);
    const tilfelle = person ? currentTilfelle(person.tilfeller) : null;
    // An answer with no open case (no questionnaire for this tilfelle) has nothing to decide.
    if (!person || !tilfelle || !(await this.screening.onAnswer(tx, routingOf(person), tilfelle, answer))) return;
    await this.followUp.recompute(tx, answer.personIdent);
  }
}
