import { Injectable } from '@nestjs/common';
import { DomainError, DomainErrorCode } from '@syfo/platform';
import type { LocalDate } from '@syfo/local-date';
import { DataSource } from 'typeorm';

import type { MilestoneFact } from './deadline-compliance.calculator';
import type { NotePeriod, PersonCases } from './open-case.calculator';
import type { CompletedItemFact, DecisionFact } from './screening-funnel.calculator';
import type { OpenItemFact } from './workload.calculator';

export const UNIT_LEVELS = ['VIRKSOMHET', 'KOMMUNE', 'TEAM'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

/** Reads the follow-up read models; the calculators do the arithmetic. */
@Injectable()
export class FollowUpFiguresRepository {
  public constructor(private readonly dataSource: DataSource) {}

  /** The employers a unit is made of: one orgnr, a kommune's live register entries, or a team's employers. */
  public async unitOrgnrs(level: UnitLevel, code: string): Promise<string[]> {
    switch (level) {
      case 'VIRKSOMHET':
        return [code];
      case 'KOMMUNE': {
        const rows: { orgnr: string }[] = await this.dataSource.query('SELECT orgnr FROM fu_virksomhet WHERE kommunenummer = $1 AND NOT cancelled', [code]);
        return rows.map((row) => row.orgnr);
      }
      case 'TEAM': {
        const rows: { orgnrs: string[] }[] = await this.dataSource.query('SELECT orgnrs FROM fu_team WHERE team_id = $1', [code]);
        if (rows.length === 0) throw new DomainError(DomainErrorCode.NotFound, 'no team with that id', [{ field: 'code', rule: 'team.exists', message: 'no such team' }]);
        return rows[0]!.orgnrs;
      }
    }
  }

  /** The tilfeller at any of the employers that touch [from, to], each person with their live notes' periods. */
  public async personCases(orgnrs: readonly string[], from: LocalDate, to: LocalDate): Promise<PersonCases[]> {
    if (orgnrs.length === 0) return [];
    const rows: { person_ident: string; tilfeller: { start: LocalDate; end: LocalDate; orgnrs: string[] }[]; periods: NotePeriod[] }[] = await this.dataSource.query(
      `SELECT t.person_ident,
              jsonb_agg(jsonb_build_object('start', t.start_date, 'end', t.end_date, 'orgnrs', t.orgnrs)) AS tilfeller,
              COALESCE((SELECT jsonb_agg(p) FROM fu_sick_note n, jsonb_array_elements(n.periods) p
                        WHERE n.person_ident = t.person_ident AND n.counts), '[]'::jsonb) AS periods
       FROM fu_tilfelle t
       WHERE t.orgnrs && $1::text[] AND t.start_date <= $3 AND t.end_date >= $2
       GROUP BY t.person_ident`,
      [orgnrs, from, to],
    );
    return rows.map((row) => ({ tilfeller: row.tilfeller, notePeriods: row.periods }));
  }

  public async milestones(milestones: readonly string[], from: LocalDate, to: LocalDate, enhet: string | undefined): Promise<MilestoneFact[]> {
    const rows: { milestone: string; enhet: string; state: string; deadline: LocalDate; resolved_on: LocalDate | null }[] = await this.dataSource.query(
      `SELECT milestone, enhet, state, deadline, resolved_on FROM fu_milestone
       WHERE milestone = ANY($1::text[]) AND deadline BETWEEN $2 AND $3 AND ($4::text IS NULL OR enhet = $4)`,
      [milestones, from, to, enhet ?? null],
    );
    return rows.map((row) => ({ milestone: row.milestone, enhet: row.enhet, state: row.state, deadline: row.deadline, resolvedOn: row.resolved_on }));
  }

  /**
   * A rule set's decisions, each placed on the start of the person's current tilfelle that holds its own start:
   * when a late note moves a tilfelle's start, triage's later decisions carry the new start, and both must
   * land on one case.
   */
  public async decisions(ruleSet: string): Promise<DecisionFact[]> {
    const rows: { person_ident: string; case_start: LocalDate; outcome: string; rule: string; decided_on: LocalDate; enhet: string }[] = await this.dataSource.query(
      `SELECT d.person_ident, COALESCE(t.start_date, d.tilfelle_start) AS case_start, d.outcome, d.rule, d.decided_on, d.enhet
       FROM fu_screening_decision d
       LEFT JOIN fu_tilfelle t ON t.person_ident = d.person_ident AND d.tilfelle_start BETWEEN t.start_date AND t.end_date
       WHERE d.rule_set = $1`,
      [ruleSet],
    );
    return rows.map((row) => ({ personIdent: row.person_ident, tilfelleStart: row.case_start, outcome: row.outcome, rule: row.rule, decidedOn: row.decided_on, enhet: row.enhet }));
  }

  public async completedItems(types: readonly string[], ruleSet: string): Promise<CompletedItemFact[]> {
    const rows: { person_ident: string; type: string; completed_on: LocalDate }[] = await this.dataSource.query(
      `SELECT i.person_ident, i.type, i.completed_on FROM fu_work_item i
       WHERE i.type = ANY($1::text[]) AND i.completed_on IS NOT NULL
         AND EXISTS (SELECT 1 FROM fu_screening_decision d WHERE d.rule_set = $2 AND d.person_ident = i.person_ident)`,
      [types, ruleSet],
    );
    return rows.map((row) => ({ personIdent: row.person_ident, type: row.type, completedOn: row.completed_on }));
  }

  public async openItems(enhet: string | undefined): Promise<OpenItemFact[]> {
    const rows: { person_ident: string; type: string; enhet: string; veileder: string | null; statutory: boolean; due_date: LocalDate | null }[] = await this.dataSource.query(
      `SELECT person_ident, type, enhet, veileder, statutory, due_date FROM fu_work_item WHERE state = 'OPEN' AND ($1::text IS NULL OR enhet = $1)`,
      [enhet ?? null],
    );
    return rows.map((row) => ({ personIdent: row.person_ident, type: row.type, enhet: row.enhet, veileder: row.veileder, statutory: row.statutory, dueDate: row.due_date }));
  }
}
