import { Injectable } from '@nestjs/common';
import {
  MilestoneChangedEvent,
  ScreeningDecidedEvent,
  SickNoteReceivedEvent,
  TeamChangedEvent,
  TilfellerChangedEvent,
  VirksomhetChangedEvent,
  WorkItemChangedEvent,
  type MilestoneChanged,
  type ScreeningDecided,
  type SickNoteReceived,
  type TeamChanged,
  type TilfellerChanged,
  type VirksomhetChanged,
  type WorkItemChanged,
} from '@syfo/contracts';
import { Consumes, type EventHandler } from '@syfo/platform';
import type { EntityManager } from 'typeorm';

import type { NotePeriod } from './open-case.calculator';

// Every handler runs in the transaction that records the event in the inbox, so a redelivered event is
// never applied twice; each also replaces state rather than adding to it, so nothing is counted twice.

/** A person's whole tilfelle list replaces the one held, unless a newer revision is already held. */
@Injectable()
@Consumes('statistics.follow-up-events')
export class FollowUpTilfellerHandler implements EventHandler<typeof TilfellerChangedEvent> {
  public readonly event = TilfellerChangedEvent;

  public async handle(event: TilfellerChanged, _envelope: unknown, manager: EntityManager): Promise<void> {
    const applied: unknown[] = await manager.query(
      `INSERT INTO fu_person (person_ident, revision) VALUES ($1, $2)
       ON CONFLICT (person_ident) DO UPDATE SET revision = EXCLUDED.revision WHERE fu_person.revision < EXCLUDED.revision
       RETURNING person_ident`,
      [event.personIdent, event.revision],
    );
    if (applied.length === 0) return; // stale: a later list has been applied
    await manager.query('DELETE FROM fu_tilfelle WHERE person_ident = $1', [event.personIdent]);
    if (event.tilfeller.length === 0) return;
    await manager.query(
      `INSERT INTO fu_tilfelle (person_ident, start_date, end_date, orgnrs)
       SELECT $1, t.start_date, t.end_date, ARRAY(SELECT jsonb_array_elements_text(t.orgnrs))
       FROM jsonb_to_recordset($2::jsonb) AS t(start_date date, end_date date, orgnrs jsonb)`,
      [event.personIdent, JSON.stringify(event.tilfeller.map((t) => ({ start_date: t.start, end_date: t.end, orgnrs: [...new Set(t.virksomhetsnummerList)] })))],
    );
  }
}

/**
 * A sick note's periods, for telling a legemeldt case from egenmelding and for the FTE weighting. A later
 * version replaces an earlier one; a withdrawal or an AVBRUTT note stops counting.
 */
@Injectable()
@Consumes('statistics.follow-up-events')
export class FollowUpSickNoteHandler implements EventHandler<typeof SickNoteReceivedEvent> {
  public readonly event = SickNoteReceivedEvent;

  public async handle(note: SickNoteReceived, _envelope: unknown, manager: EntityManager): Promise<void> {
    const periods: NotePeriod[] = note.periods.map((period) => ({
      fom: period.fom,
      tom: period.tom,
      // AVVENTENDE, BEHANDLINGSDAGER and REISETILSKUDD carry no sick-leave grade.
      grade: period.type === 'FULL' ? 100 : period.type === 'GRADED' ? period.grade! : null,
    }));
    await manager.query(
      `INSERT INTO fu_sick_note (sick_note_id, person_ident, version, counts, periods) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (sick_note_id) DO UPDATE SET version = EXCLUDED.version, counts = EXCLUDED.counts, periods = EXCLUDED.periods
       WHERE fu_sick_note.version < EXCLUDED.version OR NOT EXCLUDED.counts`,
      [note.sickNoteId, note.personIdent, note.version, !note.cancelled && note.status !== 'AVBRUTT', JSON.stringify(periods)],
    );
  }
}

/** An employer's kommune, from the register; a correction older than the one held is dropped. */
@Injectable()
@Consumes('statistics.follow-up-events')
export class FollowUpVirksomhetHandler implements EventHandler<typeof VirksomhetChangedEvent> {
  public readonly event = VirksomhetChangedEvent;

  public async handle(virksomhet: VirksomhetChanged, _envelope: unknown, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO fu_virksomhet (orgnr, kommunenummer, version, cancelled) VALUES ($1, $2, $3, $4)
       ON CONFLICT (orgnr) DO UPDATE SET kommunenummer = EXCLUDED.kommunenummer, version = EXCLUDED.version, cancelled = EXCLUDED.cancelled
       WHERE fu_virksomhet.version <= EXCLUDED.version`,
      [virksomhet.orgnr, virksomhet.kommunenummer, virksomhet.version, virksomhet.cancelled],
    );
  }
}

/** A team's current employers; its events are keyed by team, so they arrive in order. */
@Injectable()
@Consumes('statistics.follow-up-events')
export class FollowUpTeamHandler implements EventHandler<typeof TeamChangedEvent> {
  public readonly event = TeamChangedEvent;

  public async handle(team: TeamChanged, _envelope: unknown, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO fu_team (team_id, enhet, orgnrs) VALUES ($1, $2, $3)
       ON CONFLICT (team_id) DO UPDATE SET enhet = EXCLUDED.enhet, orgnrs = EXCLUDED.orgnrs`,
      [team.teamId, team.enhetNr, [...new Set(team.employerOrgnrs)]],
    );
  }
}

/** A milestone's latest state; the day it became DONE or EXEMPT is what deadline compliance judges. */
@Injectable()
@Consumes('statistics.follow-up-events')
export class FollowUpMilestoneHandler implements EventHandler<typeof MilestoneChangedEvent> {
  public readonly event = MilestoneChangedEvent;

  public async handle(change: MilestoneChanged, _envelope: unknown, manager: EntityManager): Promise<void> {
    const key = [change.personIdent, change.tilfelleStart, change.milestone];
    const resolvedOn = change.state === 'DONE' || change.state === 'EXEMPT' ? change.changedOn : null;
    // xmax is 0 on a row this statement inserted, not on one it updated.
    const [{ inserted }]: { inserted: boolean }[] = await manager.query(
      `INSERT INTO fu_milestone (person_ident, tilfelle_start, milestone, state, deadline, enhet, resolved_on, changed_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (person_ident, tilfelle_start, milestone) DO UPDATE SET
         state = EXCLUDED.state, deadline = EXCLUDED.deadline, enhet = EXCLUDED.enhet, resolved_on = EXCLUDED.resolved_on, changed_on = EXCLUDED.changed_on
       RETURNING xmax = 0 AS inserted`,
      [...key, change.state, change.deadline, change.enhet, resolvedOn, change.changedOn],
    );
    if (inserted && change.previousState !== null) {
      // A change of a milestone never seen under this start: triage moved it with its tilfelle's start (a late
      // or corrected note) without an event, so the row held under the old start is this one and must go.
      await manager.query(
        `DELETE FROM fu_milestone WHERE ctid = (
           SELECT ctid FROM fu_milestone WHERE person_ident = $1 AND milestone = $3 AND tilfelle_start <> $2 AND state = $4
           ORDER BY abs(tilfelle_start - $2::date), tilfelle_start LIMIT 1)`,
        [...key, change.previousState],
      );
    }
  }
}

/** Each screening decision, once: decisions are never changed, only followed by others. */
@Injectable()
@Consumes('statistics.follow-up-events')
export class FollowUpDecisionHandler implements EventHandler<typeof ScreeningDecidedEvent> {
  public readonly event = ScreeningDecidedEvent;

  public async handle(decision: ScreeningDecided, _envelope: unknown, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO fu_screening_decision (decision_id, person_ident, tilfelle_start, rule_set, outcome, rule, decided_on, enhet)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (decision_id) DO NOTHING`,
      [decision.decisionId, decision.personIdent, decision.tilfelleStart, decision.ruleSet, decision.outcome, decision.rule, decision.decidedOn, decision.enhet],
    );
  }
}

/**
 * A work item's latest routing and state. Completed, exempted and closed are final in triage, so a
 * late event of an open item cannot reopen it; the first completion day is kept for the screening funnel.
 */
@Injectable()
@Consumes('statistics.follow-up-events')
export class FollowUpWorkItemHandler implements EventHandler<typeof WorkItemChangedEvent> {
  public readonly event = WorkItemChangedEvent;

  public async handle(item: WorkItemChanged, _envelope: unknown, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO fu_work_item (work_item_id, person_ident, type, state, enhet, veileder, statutory, due_date, completed_on, changed_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (work_item_id) DO UPDATE SET
         state = EXCLUDED.state, enhet = EXCLUDED.enhet, veileder = EXCLUDED.veileder, statutory = EXCLUDED.statutory,
         due_date = EXCLUDED.due_date, completed_on = EXCLUDED.completed_on, changed_on = EXCLUDED.changed_on
       WHERE fu_work_item.state = 'OPEN'`,
      [
        item.workItemId,
        item.personIdent,
        item.type,
        item.state,
        item.enhet,
        item.veileder,
        item.statutory,
        item.dueDate,
        item.action === 'COMPLETED' ? item.changedOn : null,
        item.changedOn,
      ],
    );
  }
}
