import { Injectable } from '@nestjs/common';
import { daysBetween, type LocalDate } from '@syfo/local-date';
import { DataSource } from 'typeorm';

import { priorityOrderSql } from './work-item.priority';
import type { WorkItemRow } from './work-item.service';

export interface WorkListFilter {
  readonly owner: { readonly enhet: string } | { readonly veileder: string };
  readonly types: readonly string[];
  readonly dueFrom: LocalDate | null;
  readonly dueTo: LocalDate | null;
  readonly overdueOnly: boolean;
  readonly gradert: boolean | null;
  readonly minWeek: number | null;
  readonly maxWeek: number | null;
  readonly orgnr: string | null;
  readonly unassignedOnly: boolean;
}

export interface WorkListPage {
  readonly items: readonly (WorkItemRow & { readonly tilfelleWeek: number; readonly overdue: boolean })[];
  readonly total: number;
  readonly nextOffset: number | null;
}

/** Week N of a tilfelle: days 0–6 are week 1. */
export function tilfelleWeek(tilfelleStart: LocalDate, today: LocalDate): number {
  return Math.floor(daysBetween(tilfelleStart, today) / 7) + 1;
}

/** An enhet's or a veileder's open, visible items in the default priority order, filtered and paged. */
@Injectable()
export class WorkListQuery {
  public constructor(private readonly dataSource: DataSource) {}

  public async page(filter: WorkListFilter, today: LocalDate, offset: number, limit: number): Promise<WorkListPage> {
    const params: unknown[] = [today];
    const where = [`state = 'OPEN'`, 'visible_from <= $1'];
    const add = (sql: (param: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if ('enhet' in filter.owner) add((p) => `enhet = ${p}`, filter.owner.enhet);
    else add((p) => `veileder = ${p}`, filter.owner.veileder);
    if (filter.types.length > 0) add((p) => `type = ANY(${p}::text[])`, filter.types);
    if (filter.dueFrom) add((p) => `due_date >= ${p}`, filter.dueFrom);
    if (filter.dueTo) add((p) => `due_date <= ${p}`, filter.dueTo);
    if (filter.overdueOnly) where.push('due_date < $1');
    if (filter.gradert !== null) add((p) => `gradert = ${p}`, filter.gradert);
    // Week N covers tilfelle starts from today − 7N + 1 to today − 7(N − 1).
    if (filter.minWeek !== null) add((p) => `tilfelle_start <= $1::date - 7 * (${p}::int - 1)`, filter.minWeek);
    if (filter.maxWeek !== null) add((p) => `tilfelle_start > $1::date - 7 * ${p}::int`, filter.maxWeek);
    if (filter.orgnr) add((p) => `orgnr = ${p}`, filter.orgnr);
    if (filter.unassignedOnly) where.push('veileder IS NULL');
    params.push(limit, offset);
    const rows: (WorkItemRow & { total: number })[] = await this.dataSource.query(
      `SELECT *, count(*) OVER ()::int AS total FROM work_item
       WHERE ${where.join(' AND ')}
       ORDER BY ${priorityOrderSql('$1')}
       LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    const total = rows[0]?.total ?? (offset > 0 ? await this.count(where, params.slice(0, -2)) : 0);
    return {
      items: rows.map(({ total: _total, ...row }) => ({ ...row, tilfelleWeek: tilfelleWeek(row.tilfelle_start, today), overdue: row.due_date !== null && row.due_date < today })),
      total,
      nextOffset: offset + rows.length < total ? offset + rows.length : null,
    };
  }

  private async count(where: readonly string[], params: readonly unknown[]): Promise<number> {
    const [row] = (await this.dataSource.query(`SELECT count(*)::int AS total FROM work_item WHERE ${where.join(' AND ')}`, [...params])) as { total: number }[];
    return row?.total ?? 0;
  }
}
