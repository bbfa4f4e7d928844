import { TRIAGE_MILESTONE_STATES, TRIAGE_MILESTONE_TYPES } from '@syfo/contracts';
import type { LocalDate } from '@syfo/local-date';

/** The handbook §2.2 timeline, as the milestone event names it. Pilot milestones exist only where the region's profile turns them on. */
export const MILESTONE_TYPES = TRIAGE_MILESTONE_TYPES;
export type MilestoneType = (typeof MILESTONE_TYPES)[number];

export const MILESTONE_STATES = TRIAGE_MILESTONE_STATES;
export type MilestoneState = (typeof MILESTONE_STATES)[number];

/** Who must act for the milestone to be met. */
export const MILESTONE_ACTORS = ['EMPLOYER', 'EMPLOYER_AND_EMPLOYEE', 'NAV', 'EMPLOYEE', 'BENEFIT_SYSTEM'] as const;
export type MilestoneActor = (typeof MILESTONE_ACTORS)[number];

/** Where a milestone's date came from: the handbook's rules, or the benefit system (maksdato). */
export const MILESTONE_DATE_SOURCES = ['COMPUTED', 'BENEFIT_SYSTEM', 'ESTIMATED'] as const;
export type MilestoneDateSource = (typeof MILESTONE_DATE_SOURCES)[number];

/** What case-intake's tilfelle event says about one oppfølgingstilfelle. */
export interface TilfelleFacts {
  readonly start: LocalDate;
  readonly end: LocalDate;
  readonly antallSykedager: number;
  readonly virksomhetsnummerList: readonly string[];
  readonly arbeidstakerAtTilfelleEnd: boolean;
  readonly gradertAtTilfelleEnd: boolean;
}

/** A milestone met, by a fact (an oppfølgingsplan arrived) or a veileder's command (dialogmøte 2 held). */
export interface MilestoneCompletion {
  readonly milestone: MilestoneType;
  readonly on: LocalDate;
  readonly by: string;
  readonly reason: string;
}

/** Handbook §2.2: `{milestone, reasonCode, text, decidedBy, decidedAt}`. */
export interface MilestoneExemption {
  readonly milestone: MilestoneType;
  readonly reasonCode: string;
  readonly text: string;
  readonly decidedBy: string;
  readonly decidedAt: string;
}

export interface MilestoneInput {
  readonly tilfelle: TilfelleFacts;
  readonly completions: readonly MilestoneCompletion[];
  readonly exemptions: readonly MilestoneExemption[];
  /** From the benefit system when it has told us; never computed by us (handbook §2.2). */
  readonly maksdato: LocalDate | null;
}

export interface Milestone {
  readonly type: MilestoneType;
  /** Statutory (cannot be switched off) rather than a regional pilot stoppunkt. */
  readonly legal: boolean;
  readonly actor: MilestoneActor;
  /** From this day the milestone is actionable and shows as DUE (UPCOMING before). */
  readonly dueFrom: LocalDate;
  /** The last day it is on time; OVERDUE after it. */
  readonly deadline: LocalDate;
  readonly dateSource: MilestoneDateSource;
  readonly state: MilestoneState;
  /** Why the state is what it is where that is not obvious: e.g. TILFELLE_ENDS_BEFORE, GRADED, AUTOMATISK_OPPFYLT. */
  readonly stateReason: string | null;
  readonly completion: MilestoneCompletion | null;
  readonly exemption: MilestoneExemption | null;
  /** The next day on which this milestone's state changes by time passing alone; null when it never will. */
  readonly nextChangeOn: LocalDate | null;
}
