import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { WorkItemChangedEvent, type WORK_ITEM_ACTIONS } from '@syfo/contracts';
import type { LocalDate } from '@syfo/local-date';
import { DomainError, DomainErrorCode, type OutboxTransaction } from '@syfo/platform';

import type { WorkItemDraft, WorkItemState } from './work-item.types';

type WorkItemAction = (typeof WORK_ITEM_ACTIONS)[number];

/** Who a person's items go to: the enhet (override first) and the veileder, if one is assigned. */
export interface PersonRouting {
  readonly personIdent: string;
  readonly enhet: string;
  readonly veileder: string | null;
}

export interface WorkItemContext {
  readonly tilfelleStart: LocalDate;
  readonly gradert: boolean;
  readonly orgnr: string | null;
}

export interface WorkItemRow {
  readonly id: string;
  readonly person_ident: string;
  readonly key: string;
  readonly type: string;
  readonly priority: string;
  readonly statutory: boolean;
  readonly due_date: LocalDate | null;
  readonly visible_from: LocalDate;
  readonly enhet: string;
  readonly veileder: string | null;
  readonly state: WorkItemState;
  readonly orgnr: string | null;
  readonly gradert: boolean;
  readonly tilfelle_start: LocalDate;
  readonly message_template: string | null;
  readonly created_at: Date;
}

/**
 * Opens and closes work items inside the caller's transaction, each change with its history row and
 * event. An item's key names its cause, so the same cause never opens a second item.
 */
@Injectable()
export class WorkItemService {
  public async open(tx: OutboxTransaction, routing: PersonRouting, draft: WorkItemDraft, context: WorkItemContext, now: Date, today: LocalDate): Promise<boolean> {
    const id = randomUUID();
    const inserted: { id: string }[] = await tx.manager.query(
      `INSERT INTO work_item (id, person_ident, key, type, priority, statutory, due_date, visible_from, enhet, veileder, state, orgnr,
                              gradert, tilfelle_start, message_template, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'OPEN', $11, $12, $13, $14, $15, $15)
       ON CONFLICT (person_ident, tilfelle_start, key) DO NOTHING
       RETURNING id`,
      [
        id,
        routing.personIdent,
        draft.key,
        draft.type,
        draft.priority,
        draft.statutory,
        draft.dueDate,
        draft.visibleFrom,
        routing.enhet,
        routing.veileder,
        context.orgnr,
        context.gradert,
        context.tilfelleStart,
        draft.messageTemplate ?? null,
        now,
      ],
    );
    if (inserted.length === 0) return false;
    await this.changed(tx, { id, person_ident: routing.personIdent, type: draft.type, state: 'OPEN', enhet: routing.enhet, veileder: routing.veileder, statutory: draft.statutory, due_date: draft.dueDate }, 'OPENED', 'system', null, now, today);
    return true;
  }

  /**
   * Closes a person's open items of one tilfelle whose cause went away or was met: those with the given
   * keys, or all of them when `keys` is null.
   */
  public async close(tx: OutboxTransaction, personIdent: string, tilfelleStart: LocalDate, keys: readonly string[] | null, reason: string, now: Date, today: LocalDate): Promise<number> {
    if (keys !== null && keys.length === 0) return 0;
    const [rows] = (await tx.manager.query(
      `UPDATE work_item SET state = 'CLOSED', closed_by = 'system', close_reason = $4, updated_at = $5
       WHERE person_ident = $1 AND tilfelle_start = $2 AND ($3::text[] IS NULL OR key = ANY($3::text[])) AND state = 'OPEN'
       RETURNING *`,
      [personIdent, tilfelleStart, keys, reason, now],
    )) as [WorkItemRow[], number];
    for (const row of rows) await this.changed(tx, row, 'CLOSED', 'system', reason, now, today);
    return rows.length;
  }

  public async findForUpdate(tx: OutboxTransaction, id: string): Promise<WorkItemRow> {
    const rows: WorkItemRow[] = await tx.manager.query('SELECT * FROM work_item WHERE id = $1 FOR UPDATE', [id]);
    if (rows.length === 0) throw new DomainError(DomainErrorCode.NotFound, 'no work item with that id');
    return rows[0]!;
  }

  /** Completes or exempts one open item on a veileder's word. */
  public async resolve(tx: OutboxTransaction, item: WorkItemRow, action: 'COMPLETED' | 'EXEMPTED', actor: string, reason: string, now: Date, today: LocalDate): Promise<void> {
    if (item.state !== 'OPEN') {
      throw new DomainError(DomainErrorCode.FailedPrecondition, `the work item is ${item.state}, not OPEN`, [{ field: 'work_item_id', rule: 'work_item.open', message: `is ${item.state}` }]);
    }
    const [rows] = (await tx.manager.query(
      `UPDATE work_item SET state = $2, closed_by = $3, close_reason = $4, updated_at = $5 WHERE id = $1 RETURNING *`,
      [item.id, action, actor, reason, now],
    )) as [WorkItemRow[], number];
    await this.changed(tx, rows[0]!, action, actor, reason, now, today);
  }

  /** The person is what gets assigned (handbook §5.1): every open item of theirs follows the veileder. */
  public async assignPerson(tx: OutboxTransaction, personIdent: string, veileder: string | null, action: 'TAKEN' | 'HANDED_OVER', actor: string, reason: string, now: Date, today: LocalDate): Promise<void> {
    const [rows] = (await tx.manager.query(
      `UPDATE work_item SET veileder = $2, updated_at = $3 WHERE person_ident = $1 AND state = 'OPEN' RETURNING *`,
      [personIdent, veileder, now],
    )) as [WorkItemRow[], number];
    for (const row of rows) await this.changed(tx, row, action, actor, reason, now, today);
  }

  /**
   * A tilfelle's start moved (a late or corrected note): its items follow. Where the new start already
   * has an item with the same key, the moved duplicate is closed rather than kept twice.
   */
  public async moveTilfelle(tx: OutboxTransaction, personIdent: string, from: LocalDate, to: LocalDate, now: Date, today: LocalDate): Promise<void> {
    const [duplicates] = (await tx.manager.query(
      `UPDATE work_item moved SET state = 'CLOSED', closed_by = 'system', close_reason = 'TILFELLE_MERGED', updated_at = $4
       WHERE moved.person_ident = $1 AND moved.tilfelle_start = $2 AND moved.state = 'OPEN'
         AND EXISTS (SELECT 1 FROM work_item kept WHERE kept.person_ident = $1 AND kept.tilfelle_start = $3 AND kept.key = moved.key)
       RETURNING *`,
      [personIdent, from, to, now],
    )) as [WorkItemRow[], number];
    for (const row of duplicates) await this.changed(tx, row, 'CLOSED', 'system', 'TILFELLE_MERGED', now, today);
    await tx.manager.query(
      `UPDATE work_item moved SET tilfelle_start = $3
       WHERE person_ident = $1 AND tilfelle_start = $2
         AND NOT EXISTS (SELECT 1 FROM work_item kept WHERE kept.person_ident = $1 AND kept.tilfelle_start = $3 AND kept.key = moved.key)`,
      [personIdent, from, to],
    );
  }

  /** Re-routes a person's open items when their enhet changes. */
  public async rerouteEnhet(tx: OutboxTransaction, personIdent: string, enhet: string, now: Date): Promise<void> {
    await tx.manager.query(`UPDATE work_item SET enhet = $2, updated_at = $3 WHERE person_ident = $1 AND state = 'OPEN'`, [personIdent, enhet, now]);
  }

  private async changed(
    tx: OutboxTransaction,
    row: Pick<WorkItemRow, 'id' | 'person_ident' | 'type' | 'state' | 'enhet' | 'veileder' | 'statutory' | 'due_date'>,
    action: WorkItemAction,
    actor: string,
    reason: string | null,
    now: Date,
    today: LocalDate,
  ): Promise<void> {
    await tx.manager.query('INSERT INTO work_item_history (work_item_id, action, actor, veileder, reason, at) VALUES ($1, $2, $3, $4, $5, $6)', [
      row.id,
      action,
      actor,
      row.veileder,
      reason,
      now,
    ]);
    await tx.publish(WorkItemChangedEvent, {
      workItemId: row.id,
      personIdent: row.person_ident,
      type: row.type,
      action,
      state: row.state,
      enhet: row.enhet,
      veileder: row.veileder,
      statutory: row.statutory,
      dueDate: row.due_date,
      changedOn: today,
    });
  }
}
