import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { ScreeningDecidedEvent, type ScreeningAnswerReceived, type triageFollowUpV1 } from '@syfo/contracts';
import { daysBetween, osloDate, type LocalDate } from '@syfo/local-date';
import { birthDateOf } from '@syfo/norwegian-ids';
import { CLOCK, CONFIG, type Clock, type OutboxTransaction } from '@syfo/platform';
import type { EntityManager } from 'typeorm';

import type { TriageConfig } from '../config/triage.config';
import type { Milestone, TilfelleFacts } from '../milestones/milestone.types';
import { WorkItemService, type PersonRouting, type WorkItemRow } from '../work-items/work-item.service';
import type { RuleSetId, ScreeningDecision } from './screening.types';
import { resolveRuleSet } from './rule-set.registry';
import type { SF_SP2_V1, SfSp2Facts, SfSp2Score } from './sf-sp2.rule-set';
import { shouldReEnter, type ReEntryTrigger, type SeriousDiagnosisBasis, type VV_MS_V1, type VvMsAnswer, type VvMsFacts, type VvMsOutcome } from './vv-ms.rule-set';

/** Judgement facts a veileder sets, with who, when and why (handbook §4.1, §4.6). */
export interface VeilederScreeningFacts {
  readonly seriousDiagnosis: SeriousDiagnosisBasis | null;
  readonly cannotParticipate: boolean;
  readonly pregnancyRelated: boolean;
  readonly ufore100AndPositionUnder50: boolean;
  readonly uncertainEligibility: boolean;
  readonly setBy: string;
  readonly setAt: string;
  readonly reason: string;
}

interface ScreeningCaseRow {
  readonly person_ident: string;
  readonly tilfelle_start: LocalDate;
  readonly rule_set: RuleSetId;
  readonly rule_set_version: number;
  readonly sent_on: LocalDate | null;
  readonly reminder_sent_on: LocalDate | null;
  readonly answer: { readonly vv?: VvMsAnswer; readonly score?: SfSp2Score } | null;
  readonly facts: { readonly triggerOn: LocalDate; readonly veileder?: VeilederScreeningFacts };
  readonly attempts: number;
  readonly outcome: string | null;
  readonly review_on: LocalDate | null;
}

interface PeriodJson {
  readonly fom: LocalDate;
  readonly tom: LocalDate;
  readonly type: string;
  readonly grade?: number;
}

const FULL = 100;
/** Graded with no note to say how much: below the 30 % line would be a guess, so the middle is taken. */
const GRADED_UNKNOWN = 50;

const QUESTIONNAIRE_RULE_SET: Record<ScreeningAnswerReceived['questionnaire'], RuleSetId> = { VV_MS_8W: 'VV-MS', SF_SP2: 'SF-SP2' };
const RULE_SET_OF_MILESTONE: Partial<Record<Milestone['type'], RuleSetId>> = { VV_SCREENING_8W: 'VV-MS', STOPPUNKT_6W: 'SF-SP2' };

/**
 * The screening cases of a person's tilfelle: opened when the pilot stoppunkt fires, re-evaluated with the
 * region's rule set whenever a fact arrives or a review date comes, each new outcome stored with its
 * inputs and trace and published. Items carry drafts; a veileder sends every message.
 */
@Injectable()
export class ScreeningService {
  public constructor(
    private readonly workItems: WorkItemService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONFIG) private readonly config: TriageConfig,
  ) {}

  public async onMilestoneFired(tx: OutboxTransaction, routing: PersonRouting, tilfelle: TilfelleFacts, milestone: Milestone, now: Date): Promise<void> {
    const ruleSet = RULE_SET_OF_MILESTONE[milestone.type];
    if (ruleSet && this.config.screening[ruleSet].enabled) {
      // The version in force when the case opens decides it to the end, so a decision can always be replayed.
      await tx.manager.query(
        `INSERT INTO screening_case (person_ident, tilfelle_start, rule_set, rule_set_version, facts, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (person_ident, tilfelle_start, rule_set) DO NOTHING`,
        [routing.personIdent, tilfelle.start, ruleSet, this.config.screening[ruleSet].version, JSON.stringify({ triggerOn: milestone.dueFrom }), now],
      );
      await this.evaluate(tx, routing, tilfelle, ruleSet, now);
    }
    if (milestone.type === 'STOPPUNKT_6W' && this.config.screening['SF-SP1'].enabled && !tilfelle.gradertAtTilfelleEnd) {
      // Stoppunkt 1 (handbook §4.4): the employer side of the same 6-week passage, for the Monday batch.
      for (const orgnr of new Set(tilfelle.virksomhetsnummerList)) {
        await tx.manager.query(
          `INSERT INTO sp1_candidate (person_ident, tilfelle_start, orgnr, passed_on, tilfelle_end) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (person_ident, tilfelle_start, orgnr) DO UPDATE SET tilfelle_end = EXCLUDED.tilfelle_end`,
          [routing.personIdent, tilfelle.start, orgnr, milestone.dueFrom, tilfelle.end],
        );
      }
    }
  }

  /**
   * Handbook §4.2 re-entry: a case resting as "ikke aktuell nå" (or postponed) comes back as a
   * TRIAGE_REVIEW item when the picture changes: a safety-net stoppunkt, a new oppfølgingsplan.
   */
  public async reEnter(tx: OutboxTransaction, routing: PersonRouting, tilfelle: TilfelleFacts, trigger: ReEntryTrigger, now: Date): Promise<void> {
    const [row] = (await tx.manager.query(`SELECT outcome, facts FROM screening_case WHERE person_ident = $1 AND tilfelle_start = $2 AND rule_set = 'VV-MS'`, [
      routing.personIdent,
      tilfelle.start,
    ])) as { outcome: VvMsOutcome | null; facts: { triggerOn: LocalDate } }[];
    if (!row?.outcome || !shouldReEnter(row.outcome, trigger)) return;
    const today = osloDate(now);
    await this.workItems.open(
      tx,
      routing,
      { type: 'TRIAGE_REVIEW', key: `TRIAGE_REVIEW:VV-MS:${row.facts.triggerOn}:${trigger}`, priority: 'REVIEW', statutory: false, dueDate: null, visibleFrom: today },
      { tilfelleStart: tilfelle.start, gradert: tilfelle.gradertAtTilfelleEnd, orgnr: tilfelle.virksomhetsnummerList[0] ?? null },
      now,
      today,
    );
  }

  /**
   * Re-evaluates every case of the tilfelle whose review date has come, and returns the next review date
   * of any of them (for the person's schedule).
   */
  public async reviewDue(tx: OutboxTransaction, routing: PersonRouting, tilfelle: TilfelleFacts, now: Date): Promise<LocalDate | null> {
    const cases: { rule_set: RuleSetId; review_on: LocalDate | null }[] = await tx.manager.query(
      'SELECT rule_set, review_on FROM screening_case WHERE person_ident = $1 AND tilfelle_start = $2',
      [routing.personIdent, tilfelle.start],
    );
    const today = osloDate(now);
    let next: LocalDate | null = null;
    for (const { rule_set, review_on } of cases) {
      const review = review_on !== null && review_on <= today ? await this.evaluate(tx, routing, tilfelle, rule_set, now) : review_on;
      if (review !== null && (next === null || review < next)) next = review;
    }
    return next;
  }

  /** A coded answer (or its withdrawal) for the case of the person's current tilfelle. */
  public async onAnswer(tx: OutboxTransaction, routing: PersonRouting, tilfelle: TilfelleFacts, answer: ScreeningAnswerReceived): Promise<boolean> {
    const ruleSet = QUESTIONNAIRE_RULE_SET[answer.questionnaire];
    const stored =
      answer.cancelled
        ? null
        : answer.questionnaire === 'VV_MS_8W'
          ? { vv: { q1: answer.q1, q2: answer.q2, q3: answer.q3, q3UnsureReason: answer.q3UnsureReason, optOut: answer.optOut } }
          : { score: answer.score };
    const [, updated] = (await tx.manager.query(
      'UPDATE screening_case SET answer = $4, updated_at = $5 WHERE person_ident = $1 AND tilfelle_start = $2 AND rule_set = $3',
      [routing.personIdent, tilfelle.start, ruleSet, stored === null ? null : JSON.stringify(stored), this.clock.now()],
    )) as [unknown, number];
    if (updated === 0) return false;
    await this.evaluate(tx, routing, tilfelle, ruleSet, this.clock.now());
    return true;
  }

  /** A veileder sent the questionnaire or the reminder the item drafted. */
  public async onWorkItemCompleted(tx: OutboxTransaction, item: WorkItemRow, today: LocalDate): Promise<void> {
    const ruleSet: RuleSetId | null = item.type === 'SCREENING_VV_MS' ? 'VV-MS' : item.type === 'SCREENING_SF_SP2' ? 'SF-SP2' : null;
    if (!ruleSet) return;
    const column = item.key.endsWith(':REMINDER') ? 'reminder_sent_on' : 'sent_on';
    await tx.manager.query(`UPDATE screening_case SET ${column} = $4, review_on = $4 WHERE person_ident = $1 AND tilfelle_start = $2 AND rule_set = $3`, [
      item.person_ident,
      item.tilfelle_start,
      ruleSet,
      today,
    ]);
  }

  public async setFacts(tx: OutboxTransaction, personIdent: string, tilfelleStart: LocalDate, facts: VeilederScreeningFacts): Promise<void> {
    await tx.manager.query(
      `UPDATE screening_case SET facts = facts || jsonb_build_object('veileder', $3::jsonb), review_on = $4 WHERE person_ident = $1 AND tilfelle_start = $2`,
      [personIdent, tilfelleStart, JSON.stringify(facts), osloDate(this.clock.now())],
    );
  }

  public async decisions(manager: EntityManager, personIdent: string, tilfelleStart: LocalDate): Promise<triageFollowUpV1.ScreeningDecision[]> {
    const rows: { id: string; rule_set: string; rule_set_version: number; outcome: string; rule: string; reasons: string[]; trace: { rule: string; matched: boolean; detail: string }[]; inputs: unknown; decided_at: Date }[] =
      await manager.query('SELECT * FROM screening_decision WHERE person_ident = $1 AND tilfelle_start = $2 ORDER BY seq', [personIdent, tilfelleStart]);
    return rows.map((row) => ({
      decisionId: row.id,
      ruleSet: row.rule_set,
      ruleSetVersion: row.rule_set_version,
      outcome: row.outcome,
      rule: row.rule,
      reasons: row.reasons,
      trace: row.trace,
      inputsJson: JSON.stringify(row.inputs),
      decidedAt: row.decided_at.toISOString(),
    }));
  }

  /** Decides the case again; returns its next review date. */
  private async evaluate(tx: OutboxTransaction, routing: PersonRouting, tilfelle: TilfelleFacts, ruleSet: RuleSetId, now: Date): Promise<LocalDate | null> {
    const [row] = (await tx.manager.query('SELECT * FROM screening_case WHERE person_ident = $1 AND tilfelle_start = $2 AND rule_set = $3 FOR UPDATE', [
      routing.personIdent,
      tilfelle.start,
      ruleSet,
    ])) as ScreeningCaseRow[];
    if (!row) return null;
    const today = osloDate(now);
    const grade = (await this.gradeOn(tx, routing.personIdent, row.facts.triggerOn)) ?? (tilfelle.gradertAtTilfelleEnd ? GRADED_UNKNOWN : FULL);
    const [person] = (await tx.manager.query('SELECT recurring_absence FROM person_followup WHERE person_ident = $1', [routing.personIdent])) as { recurring_absence: boolean }[];
    const decision: ScreeningDecision<string> =
      ruleSet === 'VV-MS' ? this.decideVvMs(row, grade, person?.recurring_absence ?? false, today) : this.decideSfSp2(row, grade, today);
    const context = { tilfelleStart: tilfelle.start, gradert: grade < 100, orgnr: tilfelle.virksomhetsnummerList[0] ?? null };
    for (const item of decision.workItems) await this.workItems.open(tx, routing, item, context, now, today);
    if (decision.outcome !== row.outcome) {
      const decisionId = randomUUID();
      await tx.manager.query(
        `INSERT INTO screening_decision (id, person_ident, tilfelle_start, rule_set, rule_set_version, outcome, rule, reasons, trace, inputs, decided_on, decided_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          decisionId,
          routing.personIdent,
          tilfelle.start,
          decision.ruleSet.id,
          decision.ruleSet.version,
          decision.outcome,
          decision.rule,
          JSON.stringify(decision.reasons),
          JSON.stringify(decision.trace),
          JSON.stringify(decision.inputs),
          today,
          now,
        ],
      );
      await tx.publish(ScreeningDecidedEvent, {
        decisionId,
        personIdent: routing.personIdent,
        tilfelleStart: tilfelle.start,
        ruleSet: decision.ruleSet.id,
        ruleSetVersion: decision.ruleSet.version,
        outcome: decision.outcome,
        rule: decision.rule,
        decidedOn: today,
        enhet: routing.enhet,
      });
    }
    await tx.manager.query('UPDATE screening_case SET outcome = $4, review_on = $5, updated_at = $6 WHERE person_ident = $1 AND tilfelle_start = $2 AND rule_set = $3', [
      routing.personIdent,
      tilfelle.start,
      ruleSet,
      decision.outcome,
      decision.reviewAt,
      now,
    ]);
    return decision.reviewAt;
  }

  private decideVvMs(row: ScreeningCaseRow, grade: number, recurringAbsence: boolean, today: LocalDate): ScreeningDecision<string> {
    const { version: _version, enabled: _enabled, ...settings } = this.config.screening['VV-MS'];
    const ruleSet = resolveRuleSet(`VV-MS@${row.rule_set_version}`) as typeof VV_MS_V1;
    return ruleSet.evaluate(this.vvMsFacts(row.person_ident, row, grade, recurringAbsence), today, settings);
  }

  private decideSfSp2(row: ScreeningCaseRow, grade: number, today: LocalDate): ScreeningDecision<string> {
    const { version: _version, enabled: _enabled, ...settings } = this.config.screening['SF-SP2'];
    const ruleSet = resolveRuleSet(`SF-SP2@${row.rule_set_version}`) as typeof SF_SP2_V1;
    return ruleSet.evaluate(this.sfSp2Facts(row, grade), today, settings);
  }

  private vvMsFacts(personIdent: string, row: ScreeningCaseRow, gradePercent: number, repeatedAbsence: boolean): VvMsFacts {
    const veileder = row.facts.veileder;
    const birthDate = birthDateOf(personIdent);
    return {
      triggerOn: row.facts.triggerOn,
      age: birthDate ? Math.floor(daysBetween(birthDate, row.facts.triggerOn) / 365.2425) : 0,
      gradePercent,
      repeatedAbsence,
      seriousDiagnosis: veileder?.seriousDiagnosis ?? null,
      cannotParticipate: veileder?.cannotParticipate ?? false,
      pregnancyRelated: veileder?.pregnancyRelated ?? false,
      ufore100: veileder?.ufore100AndPositionUnder50 ?? false,
      positionPercent: veileder?.ufore100AndPositionUnder50 ? 0 : null,
      uncertainEligibility: veileder?.uncertainEligibility ?? false,
      questionnaire: row.sent_on ? { sentOn: row.sent_on, reminderSentOn: row.reminder_sent_on } : null,
      answer: row.answer?.vv ?? null,
    };
  }

  private sfSp2Facts(row: ScreeningCaseRow, gradePercent: number): SfSp2Facts {
    return {
      triggerOn: row.facts.triggerOn,
      gradePercent,
      manualExclusion: null,
      sentOn: row.sent_on,
      score: row.answer?.score ?? null,
      failedCallAttempts: row.attempts,
      previousAppearances: 0,
    };
  }

  /**
   * The grade on a day: the highest of the live sick notes covering it (100 for full sick leave), or
   * undefined when no note covers it (the tilfelle then came from other documents).
   */
  private async gradeOn(tx: OutboxTransaction, personIdent: string, day: LocalDate): Promise<number | undefined> {
    const notes: { periods: PeriodJson[] }[] = await tx.manager.query('SELECT periods FROM person_sick_note WHERE person_ident = $1 AND NOT cancelled', [personIdent]);
    const covering = notes.flatMap((note) => note.periods).filter((period) => period.fom <= day && day <= period.tom);
    return covering.length === 0 ? undefined : Math.max(...covering.map((period) => period.grade ?? (period.type === 'FULL' ? FULL : 0)));
  }
}
