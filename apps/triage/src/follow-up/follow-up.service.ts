import { Inject, Injectable } from '@nestjs/common';
import { MilestoneChangedEvent, type TilfellerChanged } from '@syfo/contracts';
import { addDays, minDate, osloDate, type LocalDate } from '@syfo/local-date';
import { CLOCK, CONFIG, type Clock, type OutboxTransaction } from '@syfo/platform';

import type { TriageConfig } from '../config/triage.config';
import { computeMilestones, dialogmotekandidatStoppunkt, nextChange } from '../milestones/milestone.calculator';
import type { Milestone, MilestoneCompletion, MilestoneExemption, MilestoneState, MilestoneType, TilfelleFacts } from '../milestones/milestone.types';
import { milestoneItemKey, workItemForMilestone } from '../milestones/milestone-work-items';
import { ScreeningService } from '../screening/screening.service';
import type { ReEntryTrigger } from '../screening/vv-ms.rule-set';
import { WorkItemService, type PersonRouting } from '../work-items/work-item.service';

export interface PersonFollowUpRow {
  readonly person_ident: string;
  readonly revision: number;
  readonly tilfeller: TilfelleFacts[];
  readonly recurring_absence: boolean;
  readonly current_tilfelle_start: LocalDate | null;
  readonly current_tilfelle_end: LocalDate | null;
  readonly maksdato: LocalDate | null;
  /** §6.1's stoppunkt as pinned when the tilfelle's facts arrived (see dialogmotekandidatStoppunkt). */
  readonly dm2_stoppunkt: LocalDate | null;
  readonly enhet: string;
  readonly enhet_override: string | null;
  readonly veileder: string | null;
  readonly next_check_on: LocalDate | null;
}

interface ResolutionRow {
  readonly milestone: MilestoneType;
  readonly kind: 'COMPLETION' | 'EXEMPTION';
  readonly on_date: LocalDate;
  readonly reason_code: string;
  readonly text: string;
  readonly decided_by: string;
  readonly decided_at: Date;
}

interface StoredMilestone {
  readonly type: MilestoneType;
  readonly state: MilestoneState;
  readonly due_from: LocalDate;
  readonly deadline: LocalDate;
  readonly state_reason: string | null;
  readonly next_change_on: LocalDate | null;
}

/** The sikringspunkter (handbook §2.2): 17, 26 and 39 weeks bring a case set aside as "ikke aktuell nå" back. */
const SAFETY_NETS: Partial<Record<MilestoneType, ReEntryTrigger>> = {
  DIALOGMOTEKANDIDAT: 'STOPPUNKT_17W',
  DIALOGMOTE_2: 'STOPPUNKT_26W',
  LETTER_39W: 'STOPPUNKT_39W',
};

/** Days after a tilfelle's end during which a milestone firing still gives NAV work. */
export const WORK_HORIZON_DAYS = 30;

const OPEN_STATES: readonly MilestoneState[] = ['UPCOMING', 'DUE', 'OVERDUE'];
const FIRED_STATES: readonly MilestoneState[] = ['DUE', 'OVERDUE'];

/** Entering DUE or OVERDUE from anything else is the milestone firing. */
function fires(milestone: Milestone, previous: StoredMilestone | undefined): boolean {
  return FIRED_STATES.includes(milestone.state) && !FIRED_STATES.includes(previous?.state ?? 'UPCOMING');
}

export function routingOf(row: PersonFollowUpRow): PersonRouting {
  return { personIdent: row.person_ident, enhet: row.enhet_override ?? row.enhet, veileder: row.veileder };
}

/** The latest tilfelle is the one followed up; earlier ones are history (handbook §6.3: only the latest counts). */
export function currentTilfelle(tilfeller: readonly TilfelleFacts[]): TilfelleFacts | null {
  return tilfeller.reduce<TilfelleFacts | null>((latest, tilfelle) => (latest === null || tilfelle.start > latest.start ? tilfelle : latest), null);
}

/**
 * One person's follow-up: the tilfelle triage follows, its milestones and the work they give. Every entry
 * point (a tilfelle event, a fact, a veileder's command, the scheduler as days pass) ends in `recompute`,
 * which derives the milestones afresh from the facts and today's date, stores what changed, publishes
 * each state change once and schedules the next day something will change by time alone.
 */
@Injectable()
export class FollowUpService {
  public constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONFIG) private readonly config: TriageConfig,
    private readonly workItems: WorkItemService,
    private readonly screening: ScreeningService,
  ) {}

  public now(): Date {
    return this.clock.now();
  }

  public today(): LocalDate {
    return osloDate(this.clock.now());
  }

  /** Stores a newer tilfelle list (stale revisions are dropped) and recomputes. */
  public async applyTilfeller(tx: OutboxTransaction, event: TilfellerChanged): Promise<void> {
    const updated: unknown[] = await tx.manager.query(
      `INSERT INTO person_followup (person_ident, revision, tilfeller, recurring_absence, enhet, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (person_ident) DO UPDATE SET revision = EXCLUDED.revision, tilfeller = EXCLUDED.tilfeller,
         recurring_absence = EXCLUDED.recurring_absence, updated_at = EXCLUDED.updated_at
       WHERE person_followup.revision < EXCLUDED.revision
       RETURNING person_ident`,
      [event.personIdent, event.revision, JSON.stringify(event.tilfeller), event.recurringAbsence, this.config.DEFAULT_ENHET, this.clock.now()],
    );
    if (updated.length === 0) return;
    await this.pinDialogmotekandidatStoppunkt(tx, event);
    await this.recompute(tx, event.personIdent);
  }

  /**
   * Handbook §6.1 moves the DM2 candidate's stoppunkt to "today" when a late note made the tilfelle long
   * enough after start + 119 had passed. "Today" is the day the facts arrived, so it is pinned then, and
   * kept once the candidacy has fired: one candidacy per tilfelle.
   */
  private async pinDialogmotekandidatStoppunkt(tx: OutboxTransaction, event: TilfellerChanged): Promise<void> {
    const tilfelle = currentTilfelle(event.tilfeller);
    if (!tilfelle) return;
    await tx.manager.query(
      `UPDATE person_followup SET dm2_stoppunkt = $3 WHERE person_ident = $1
         AND NOT EXISTS (SELECT 1 FROM milestone WHERE person_ident = $1 AND tilfelle_start = $2 AND type = 'DIALOGMOTEKANDIDAT' AND fired_on IS NOT NULL)`,
      [event.personIdent, tilfelle.start, dialogmotekandidatStoppunkt(tilfelle, this.config.milestoneProfile, this.today())],
    );
  }

  public async lockPerson(tx: OutboxTransaction, personIdent: string): Promise<PersonFollowUpRow | null> {
    const rows: PersonFollowUpRow[] = await tx.manager.query('SELECT * FROM person_followup WHERE person_ident = $1 FOR UPDATE', [personIdent]);
    return rows[0] ?? null;
  }

  public async recompute(tx: OutboxTransaction, personIdent: string): Promise<void> {
    const person = await this.lockPerson(tx, personIdent);
    if (!person) return;
    const now = this.clock.now();
    const today = osloDate(now);
    const routing = routingOf(person);
    const tilfelle = currentTilfelle(person.tilfeller);
    const previousStart = person.current_tilfelle_start;

    if (previousStart !== null && (tilfelle === null || tilfelle.start !== previousStart)) {
      const sameTilfelle = tilfelle !== null && tilfelle.start <= person.current_tilfelle_end! && previousStart <= tilfelle.end;
      if (sameTilfelle) {
        await this.moveTilfelle(tx, personIdent, previousStart, tilfelle.start, now, today);
      } else {
        await this.endTilfelle(tx, routing, previousStart, tilfelle === null ? 'TILFELLE_CANCELLED' : 'NEW_TILFELLE', now, today);
      }
    }
    if (tilfelle === null) {
      await tx.manager.query(
        'UPDATE person_followup SET current_tilfelle_start = NULL, current_tilfelle_end = NULL, next_check_on = NULL, updated_at = $2 WHERE person_ident = $1',
        [personIdent, now],
      );
      return;
    }

    const milestones = computeMilestones(
      { tilfelle, ...(await this.resolutions(tx, personIdent, tilfelle.start)), maksdato: person.maksdato, dialogmotekandidatStoppunkt: person.dm2_stoppunkt },
      this.config.milestoneProfile,
      today,
    );
    const stored = new Map(
      ((await tx.manager.query('SELECT type, state, due_from, deadline, state_reason, next_change_on FROM milestone WHERE person_ident = $1 AND tilfelle_start = $2', [
        personIdent,
        tilfelle.start,
      ])) as StoredMilestone[]).map((row) => [row.type, row]),
    );
    await this.storeChanged(tx, personIdent, tilfelle.start, milestones, stored, now, today);
    await this.publishChanges(tx, routing, tilfelle, milestones, stored, now, today);

    const screeningReview = await this.screening.reviewDue(tx, routing, tilfelle, now);
    const next = [nextChange(milestones), screeningReview].filter((date): date is LocalDate => date !== null).reduce<LocalDate | null>((a, b) => (a === null ? b : minDate(a, b)), null);
    await tx.manager.query(
      `UPDATE person_followup SET current_tilfelle_start = $2, current_tilfelle_end = $3, next_check_on = $4, updated_at = $5 WHERE person_ident = $1`,
      [personIdent, tilfelle.start, tilfelle.end, next, now],
    );
  }

  /** Records a completion or an exemption; the caller has validated it. Replaces an earlier one of the same kind. */
  public async resolve(tx: OutboxTransaction, personIdent: string, tilfelleStart: LocalDate, resolution: MilestoneCompletion | MilestoneExemption): Promise<void> {
    const exemption = 'reasonCode' in resolution;
    await tx.manager.query(
      `INSERT INTO milestone_resolution (person_ident, tilfelle_start, milestone, kind, on_date, reason_code, text, decided_by, decided_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (person_ident, tilfelle_start, milestone, kind) DO UPDATE SET
         on_date = EXCLUDED.on_date, reason_code = EXCLUDED.reason_code, text = EXCLUDED.text, decided_by = EXCLUDED.decided_by, decided_at = EXCLUDED.decided_at`,
      exemption
        ? [personIdent, tilfelleStart, resolution.milestone, 'EXEMPTION', osloDate(new Date(resolution.decidedAt)), resolution.reasonCode, resolution.text, resolution.decidedBy, resolution.decidedAt]
        : [personIdent, tilfelleStart, resolution.milestone, 'COMPLETION', resolution.on, resolution.reason, '', resolution.by, this.clock.now()],
    );
  }

  /** Withdraws a completion a fact gave and its source took back (a cancelled oppfølgingsplan). */
  public async withdrawCompletion(tx: OutboxTransaction, personIdent: string, milestone: MilestoneType, decidedBy: string): Promise<void> {
    await tx.manager.query(`DELETE FROM milestone_resolution WHERE person_ident = $1 AND milestone = $2 AND kind = 'COMPLETION' AND decided_by = $3`, [
      personIdent,
      milestone,
      decidedBy,
    ]);
  }

  private async resolutions(tx: OutboxTransaction, personIdent: string, tilfelleStart: LocalDate): Promise<{ completions: MilestoneCompletion[]; exemptions: MilestoneExemption[] }> {
    const rows: ResolutionRow[] = await tx.manager.query('SELECT * FROM milestone_resolution WHERE person_ident = $1 AND tilfelle_start = $2', [personIdent, tilfelleStart]);
    return {
      completions: rows.filter((row) => row.kind === 'COMPLETION').map((row) => ({ milestone: row.milestone, on: row.on_date, by: row.decided_by, reason: row.reason_code })),
      exemptions: rows
        .filter((row) => row.kind === 'EXEMPTION')
        .map((row) => ({ milestone: row.milestone, reasonCode: row.reason_code, text: row.text, decidedBy: row.decided_by, decidedAt: row.decided_at.toISOString() })),
    };
  }

  /** Writes the milestones that differ from what is stored, in one statement; unchanged rows are not touched. */
  private async storeChanged(
    tx: OutboxTransaction,
    personIdent: string,
    tilfelleStart: LocalDate,
    milestones: readonly Milestone[],
    stored: ReadonlyMap<MilestoneType, StoredMilestone>,
    now: Date,
    today: LocalDate,
  ): Promise<void> {
    const changed = milestones.filter((milestone) => {
      const previous = stored.get(milestone.type);
      return (
        previous === undefined ||
        previous.state !== milestone.state ||
        previous.due_from !== milestone.dueFrom ||
        previous.deadline !== milestone.deadline ||
        previous.state_reason !== milestone.stateReason ||
        previous.next_change_on !== milestone.nextChangeOn
      );
    });
    if (changed.length === 0) return;
    const column = <T>(pick: (milestone: Milestone) => T) => changed.map(pick);
    await tx.manager.query(
      `INSERT INTO milestone (person_ident, tilfelle_start, type, legal, actor, due_from, deadline, date_source, state, state_reason, next_change_on, fired_on, updated_at)
       SELECT $1, $2, type, legal, actor, due_from, deadline, date_source, state, state_reason, next_change_on, fired_on, $13
       FROM unnest($3::text[], $4::boolean[], $5::text[], $6::date[], $7::date[], $8::text[], $9::text[], $10::text[], $11::date[], $12::date[])
         AS changed(type, legal, actor, due_from, deadline, date_source, state, state_reason, next_change_on, fired_on)
       ON CONFLICT (person_ident, tilfelle_start, type) DO UPDATE SET
         legal = EXCLUDED.legal, actor = EXCLUDED.actor, due_from = EXCLUDED.due_from, deadline = EXCLUDED.deadline, date_source = EXCLUDED.date_source,
         state = EXCLUDED.state, state_reason = EXCLUDED.state_reason, next_change_on = EXCLUDED.next_change_on,
         fired_on = COALESCE(milestone.fired_on, EXCLUDED.fired_on), updated_at = EXCLUDED.updated_at`,
      [
        personIdent,
        tilfelleStart,
        column((m) => m.type),
        column((m) => m.legal),
        column((m) => m.actor),
        column((m) => m.dueFrom),
        column((m) => m.deadline),
        column((m) => m.dateSource),
        column((m) => m.state),
        column((m) => m.stateReason),
        column((m) => m.nextChangeOn),
        column((m) => (fires(m, stored.get(m.type)) ? today : null)),
        now,
      ],
    );
  }

  /** One event per state change, in timeline order, then the work each change gives or takes away. */
  private async publishChanges(
    tx: OutboxTransaction,
    routing: PersonRouting,
    tilfelle: TilfelleFacts,
    milestones: readonly Milestone[],
    stored: ReadonlyMap<MilestoneType, StoredMilestone>,
    now: Date,
    today: LocalDate,
  ): Promise<void> {
    const changed = milestones.filter((milestone) => stored.get(milestone.type)?.state !== milestone.state);
    await tx.publishAll(
      MilestoneChangedEvent,
      changed.map((milestone) => ({
        personIdent: routing.personIdent,
        tilfelleStart: tilfelle.start,
        milestone: milestone.type,
        state: milestone.state,
        previousState: stored.get(milestone.type)?.state ?? null,
        stateReason: milestone.stateReason,
        legal: milestone.legal,
        actor: milestone.actor,
        dueFrom: milestone.dueFrom,
        deadline: milestone.deadline,
        changedOn: today,
        enhet: routing.enhet,
      })),
    );
    const context = { tilfelleStart: tilfelle.start, gradert: tilfelle.gradertAtTilfelleEnd, orgnr: tilfelle.virksomhetsnummerList[0] ?? null };
    // History is recorded but gives no work: a tilfelle that ended long before triage heard of it (a late
    // import, a replay) has nobody left to follow up (handbook §6.3: end ≥ today − 30).
    const current = tilfelle.end >= addDays(today, -WORK_HORIZON_DAYS);
    for (const milestone of changed) {
      const previous = stored.get(milestone.type);
      if (fires(milestone, previous) && current) {
        const item = workItemForMilestone(milestone, milestones);
        if (item) await this.workItems.open(tx, routing, item, context, now, today);
        await this.screening.onMilestoneFired(tx, routing, tilfelle, milestone, now);
        const safetyNet = SAFETY_NETS[milestone.type];
        if (safetyNet) await this.screening.reEnter(tx, routing, tilfelle, safetyNet, now);
      } else if (previous !== undefined && OPEN_STATES.includes(previous.state) && !OPEN_STATES.includes(milestone.state)) {
        await this.workItems.close(tx, routing.personIdent, tilfelle.start, [milestoneItemKey(milestone.type)], `MILESTONE_${milestone.state}`, now, today);
      }
    }
  }

  /** The followed tilfelle's start moved (merge or correction): its history follows it. */
  private async moveTilfelle(tx: OutboxTransaction, personIdent: string, from: LocalDate, to: LocalDate, now: Date, today: LocalDate): Promise<void> {
    for (const table of ['milestone', 'milestone_resolution', 'screening_case', 'sp1_candidate']) {
      const keyColumn = table === 'milestone' ? 'type' : table === 'milestone_resolution' ? 'milestone, kind' : table === 'screening_case' ? 'rule_set' : 'orgnr';
      // Where the new start already has a row for the same thing, the older history wins and the moved twin goes.
      await tx.manager.query(
        `DELETE FROM ${table} moved WHERE person_ident = $1 AND tilfelle_start = $2
           AND EXISTS (SELECT 1 FROM ${table} kept WHERE kept.person_ident = $1 AND kept.tilfelle_start = $3 AND (${keyColumn
             .split(', ')
             .map((column) => `kept.${column} = moved.${column}`)
             .join(' AND ')}))`,
        [personIdent, from, to],
      );
      await tx.manager.query(`UPDATE ${table} SET tilfelle_start = $3 WHERE person_ident = $1 AND tilfelle_start = $2`, [personIdent, from, to]);
    }
    await this.workItems.moveTilfelle(tx, personIdent, from, to, now, today);
  }

  /** The followed tilfelle was cancelled or a new one began: what was still open is no longer anyone's work. */
  private async endTilfelle(tx: OutboxTransaction, routing: PersonRouting, start: LocalDate, reason: string, now: Date, today: LocalDate): Promise<void> {
    const [rows] = (await tx.manager.query(
      `UPDATE milestone m SET state = 'NOT_APPLICABLE', state_reason = $3, next_change_on = NULL, updated_at = $4
       FROM milestone old
       WHERE old.person_ident = m.person_ident AND old.tilfelle_start = m.tilfelle_start AND old.type = m.type
         AND m.person_ident = $1 AND m.tilfelle_start = $2 AND m.state IN ('UPCOMING', 'DUE', 'OVERDUE')
       RETURNING m.type, m.legal, m.actor, m.due_from, m.deadline, old.state AS previous_state`,
      [routing.personIdent, start, reason, now],
    )) as [{ type: MilestoneType; legal: boolean; actor: string; due_from: LocalDate; deadline: LocalDate; previous_state: MilestoneState }[], number];
    await tx.publishAll(
      MilestoneChangedEvent,
      rows.map((row) => ({
        personIdent: routing.personIdent,
        tilfelleStart: start,
        milestone: row.type,
        state: 'NOT_APPLICABLE' as const,
        previousState: row.previous_state,
        stateReason: reason,
        legal: row.legal,
        actor: row.actor,
        dueFrom: row.due_from,
        deadline: row.deadline,
        changedOn: today,
        enhet: routing.enhet,
      })),
    );
    await this.workItems.close(tx, routing.personIdent, start, null, reason, now, today);
  }
}
