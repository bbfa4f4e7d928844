import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { Stoppunkt1DemandEvent, type Stoppunkt1Demand } from '@syfo/contracts';
import { CLOCK, Consumes, type Clock, type EventHandler } from '@syfo/platform';
import type { EntityManager } from 'typeorm';

/**
 * Turns triage's weekly stoppunkt-1 demand into the CRM's call tasks: one per employer and batch (a
 * redelivery changes nothing), SUPPRESSED when a recent call means no new one, flagged for ALS when
 * the employer is escalated.
 */
@Injectable()
@Consumes('employer-outreach.triage-events')
export class Stoppunkt1DemandHandler implements EventHandler<typeof Stoppunkt1DemandEvent> {
  public readonly event = Stoppunkt1DemandEvent;

  public constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  public async handle(demand: Stoppunkt1Demand, _envelope: unknown, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO call_task (id, orgnr, kind, iso_week, batch_date, status, escalate_to_als, created_at)
       VALUES ($1, $2, 'STOPPUNKT1_CALL', $3, $4, $5, $6, $7)
       ON CONFLICT (orgnr, kind, batch_date) DO NOTHING`,
      [randomUUID(), demand.orgnr, demand.isoWeek, demand.batchDate, demand.callTask ? 'OPEN' : 'SUPPRESSED', demand.outcome === 'ESCALATE_TO_ALS', this.clock.now()],
    );
  }
}
