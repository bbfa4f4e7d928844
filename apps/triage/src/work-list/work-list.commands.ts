import type { Metadata } from '@grpc/grpc-js';
import { Inject, Injectable } from '@nestjs/common';
import type { triageWorkListV1 } from '@syfo/contracts';
import { osloDate } from '@syfo/local-date';
import { actorOf, CLOCK, DomainError, OutboxService, type Clock } from '@syfo/platform';

import { FollowUpService } from '../follow-up/follow-up.service';
import { EXEMPTION_REASON_CODES, validateExemption } from '../milestones/milestone.calculator';
import { MILESTONES_RESOLVED_BY_ITEM } from '../milestones/milestone-work-items';
import { ScreeningService } from '../screening/screening.service';
import { WorkItemService, type WorkItemRow } from '../work-items/work-item.service';
import type { WorkItemType } from '../work-items/work-item.types';
import { toWorkItemMessage } from './work-list.mapper';

/**
 * What a veileder does with an item. Completing or exempting an item that stands for a milestone meets
 * or exempts the milestone too, in the same transaction, so the two never disagree.
 */
@Injectable()
export class WorkListCommands {
  public constructor(
    private readonly outbox: OutboxService,
    private readonly workItems: WorkItemService,
    private readonly followUp: FollowUpService,
    private readonly screening: ScreeningService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  public actor(metadata: Metadata | undefined): string {
    return actorOf(metadata);
  }

  public async assign(correlationId: string, itemId: string, veileder: string, action: 'TAKEN' | 'HANDED_OVER', actor: string, reason: string): Promise<triageWorkListV1.WorkItem> {
    return this.outbox.transaction(correlationId, async (tx) => {
      const now = this.clock.now();
      const item = await this.workItems.findForUpdate(tx, itemId);
      const person = await this.followUp.lockPerson(tx, item.person_ident);
      await tx.manager.query('UPDATE person_followup SET veileder = $2, updated_at = $3 WHERE person_ident = $1', [item.person_ident, veileder, now]);
      await tx.manager.query(
        'INSERT INTO person_assignment_history (person_ident, enhet, veileder, assigned_by, reason, at) VALUES ($1, $2, $3, $4, $5, $6)',
        [item.person_ident, person?.enhet_override ?? person?.enhet ?? item.enhet, veileder, actor, reason, now],
      );
      await this.workItems.assignPerson(tx, item.person_ident, veileder, action, actor, reason, now, osloDate(now));
      return this.reload(tx.manager, itemId);
    });
  }

  public async complete(correlationId: string, itemId: string, actor: string, reason: string): Promise<triageWorkListV1.WorkItem> {
    return this.outbox.transaction(correlationId, async (tx) => {
      const now = this.clock.now();
      const today = osloDate(now);
      const item = await this.workItems.findForUpdate(tx, itemId);
      await this.workItems.resolve(tx, item, 'COMPLETED', actor, reason, now, today);
      for (const milestone of MILESTONES_RESOLVED_BY_ITEM[item.type as WorkItemType] ?? []) {
        await this.followUp.resolve(tx, item.person_ident, item.tilfelle_start, { milestone, on: today, by: actor, reason: 'WORK_ITEM_COMPLETED' });
      }
      await this.screening.onWorkItemCompleted(tx, item, today);
      await this.followUp.recompute(tx, item.person_ident);
      return this.reload(tx.manager, itemId);
    });
  }

  public async exempt(correlationId: string, itemId: string, actor: string, reasonCode: string, text: string): Promise<triageWorkListV1.WorkItem> {
    return this.outbox.transaction(correlationId, async (tx) => {
      const now = this.clock.now();
      const item = await this.workItems.findForUpdate(tx, itemId);
      const exemptable = (MILESTONES_RESOLVED_BY_ITEM[item.type as WorkItemType] ?? []).filter((milestone) => EXEMPTION_REASON_CODES[milestone].length > 0);
      for (const milestone of exemptable) {
        const exemption = { milestone, reasonCode, text, decidedBy: actor, decidedAt: now.toISOString() };
        const check = validateExemption(exemption);
        if (!check.ok) throw DomainError.invalid([{ field: check.field === 'reasonCode' ? 'reason_code' : check.field, rule: check.rule, message: check.message }]);
        await this.followUp.resolve(tx, item.person_ident, item.tilfelle_start, exemption);
      }
      await this.workItems.resolve(tx, item, 'EXEMPTED', actor, `${reasonCode}: ${text}`, now, osloDate(now));
      await this.followUp.recompute(tx, item.person_ident);
      return this.reload(tx.manager, itemId);
    });
  }

  private async reload(manager: { query: (sql: string, params: unknown[]) => Promise<WorkItemRow[]> }, itemId: string): Promise<triageWorkListV1.WorkItem> {
    const [row] = await manager.query('SELECT * FROM work_item WHERE id = $1', [itemId]);
    return toWorkItemMessage(row!, osloDate(this.clock.now()));
  }
}
