import { addDays, daysBetween, maxDate, minDate, type LocalDate } from '@syfo/local-date';
import { PILOT_MILESTONES, type MilestoneProfile } from './milestone-profile.config';
import {
  MILESTONE_TYPES,
  type Milestone,
  type MilestoneActor,
  type MilestoneCompletion,
  type MilestoneDateSource,
  type MilestoneExemption,
  type MilestoneInput,
  type MilestoneType,
  type TilfelleFacts,
} from './milestone.types';

/**
 * The milestone calendar of one oppfølgingstilfelle (handbook §2). Pure: the same facts, profile and day always give
 * the same calendar, so a changed tilfelle (extended, shortened, regraded) is simply computed again.
 */

/** Why a milestone is in the state it is, where that is not plain time passing (EXEMPT gives its reason code). */
export const MILESTONE_STATE_REASONS = [
  'TILFELLE_ENDS_BEFORE', // the tilfelle never reaches the milestone's date (§2.2 Applicability)
  'TOO_FEW_SICK_DAYS', // the sick-day count never reaches the milestone (aktivitetskrav §6.3, 39-week letter)
  'NOT_ARBEIDSTAKER', // an employer milestone, but no employer at the tilfelle's end
  'ARBEIDSTAKER', // the no-employer follow-up, but the person has an employer
  'GRADED', // the profile's grade filter excludes graded sick leave (Sunnfjord 6 w)
  'AUTOMATISK_OPPFYLT', // aktivitetskrav met by grading at the tilfelle's end (§6.3)
  'LATE_NOTE', // the tilfelle reached the dialogmøtekandidat stoppunkt only after it had passed (§6.1)
] as const;
export type MilestoneStateReason = (typeof MILESTONE_STATE_REASONS)[number];

const AAPENBART_UNODVENDIG = 'AAPENBART_UNODVENDIG';

/**
 * Exemption reason codes per milestone (handbook §2.2 Exemptions): åpenbart unødvendig only for the plan, DM1 and
 * DM2; DM2 also takes the dialogmøtekandidat unntak reasons (§6.1), aktivitetskrav its unntak reasons (§6.3). A DM2
 * exemption also settles the candidacy, so DIALOGMOTEKANDIDAT takes none of its own. An empty list: not exemptable.
 */
export const EXEMPTION_REASON_CODES: { readonly [T in MilestoneType]: readonly string[] } = {
  OPPFOLGINGSPLAN: [AAPENBART_UNODVENDIG],
  DIALOGMOTE_1: [AAPENBART_UNODVENDIG],
  STOPPUNKT_6W: [],
  VV_SCREENING_8W: [],
  AKTIVITETSKRAV: ['MEDISINSKE_GRUNNER', 'TILRETTELEGGING_IKKE_MULIG', 'SJOMENN_UTENRIKS'],
  EMPLOYER_REPORT_9W: [],
  NO_EMPLOYER_FOLLOW_UP: [],
  DIALOGMOTEKANDIDAT: [],
  DIALOGMOTE_2: [
    'MEDISINSKE_GRUNNER',
    'INNLEGGELSE_INSTITUSJON',
    'FORVENTET_FRISKMELDING_INNEN_28UKER',
    'DOKUMENTERT_TILTAK_FRISKMELDING',
    AAPENBART_UNODVENDIG,
  ],
  LETTER_39W: [],
  MAKSDATO: [],
};

export type ExemptionValidation =
  | { readonly ok: true }
  | { readonly ok: false; readonly field: keyof MilestoneExemption; readonly rule: string; readonly message: string };

export function validateExemption(exemption: MilestoneExemption): ExemptionValidation {
  const allowed = EXEMPTION_REASON_CODES[exemption.milestone] ?? [];
  if (allowed.length === 0) {
    return refuse('milestone', 'MILESTONE_NOT_EXEMPTABLE', `${exemption.milestone} cannot be exempted`);
  }
  if (exemption.reasonCode === AAPENBART_UNODVENDIG && !allowed.includes(AAPENBART_UNODVENDIG)) {
    return refuse(
      'reasonCode',
      'AAPENBART_UNODVENDIG_ONLY_PLAN_DM1_DM2',
      `${AAPENBART_UNODVENDIG} only applies to OPPFOLGINGSPLAN, DIALOGMOTE_1 and DIALOGMOTE_2, ` +
        `not ${exemption.milestone} (handbook §2.2)`,
    );
  }
  if (!allowed.includes(exemption.reasonCode)) {
    return refuse(
      'reasonCode',
      'REASON_CODE_ALLOWED_FOR_MILESTONE',
      `${exemption.reasonCode} is not an exemption reason for ${exemption.milestone} (allowed: ${allowed.join(', ')})`,
    );
  }
  if (exemption.milestone === 'DIALOGMOTE_2' && exemption.text.trim() === '') {
    const message = 'A waived dialogmøte 2 needs a justification (handbook §2.2)';
    return refuse('text', 'DM2_EXEMPTION_NEEDS_JUSTIFICATION', message);
  }
  return { ok: true };
}

function refuse(field: keyof MilestoneExemption, rule: string, message: string): ExemptionValidation {
  return { ok: false, field, rule, message };
}

/**
 * The input plus the dialogmøtekandidat stoppunkt kept for this tilfelle. Handbook §6.1 replaces `start + 119` by
 * *today* when `start + 119 < today < end`, and that "today" is the day the tilfelle's facts arrived, not the day of
 * a later recomputation: read as the day of computing, every running tilfelle past day 119 would move its stoppunkt
 * along daily and never become due. So the caller fixes it on arrival with `dialogmotekandidatStoppunkt` and passes
 * it here; without it the calculator uses `start + 119`, which at worst shows a late candidate at once instead of
 * 7 days later.
 */
export interface MilestoneCalculationInput extends MilestoneInput {
  readonly dialogmotekandidatStoppunkt?: LocalDate | null;
}

const ACTORS: { readonly [T in MilestoneType]: MilestoneActor } = {
  OPPFOLGINGSPLAN: 'EMPLOYER_AND_EMPLOYEE',
  DIALOGMOTE_1: 'EMPLOYER',
  STOPPUNKT_6W: 'NAV',
  VV_SCREENING_8W: 'NAV',
  AKTIVITETSKRAV: 'NAV',
  EMPLOYER_REPORT_9W: 'EMPLOYER',
  NO_EMPLOYER_FOLLOW_UP: 'NAV',
  DIALOGMOTEKANDIDAT: 'NAV',
  DIALOGMOTE_2: 'NAV',
  LETTER_39W: 'NAV',
  MAKSDATO: 'BENEFIT_SYSTEM',
};

/** A held or exempted dialogmøte 2 also settles the candidacy (§5.1: it closes on unntak or a held meeting). */
const SETTLED_ALSO_BY: Partial<Record<MilestoneType, MilestoneType>> = { DIALOGMOTEKANDIDAT: 'DIALOGMOTE_2' };

/** When a milestone is due, and whether it applies at all, before completions and exemptions are looked at. */
interface Schedule {
  readonly dueFrom: LocalDate;
  readonly deadline: LocalDate;
  readonly dateSource: MilestoneDateSource;
  /** Set when the milestone does not apply; else null. */
  readonly notApplicable: MilestoneStateReason | null;
  /** Set when the milestone is met without anyone acting. */
  readonly autoDone?: MilestoneStateReason;
  /** Explains an applicable milestone's unusual dates. */
  readonly note?: MilestoneStateReason;
}

interface Facts {
  readonly tilfelle: TilfelleFacts;
  readonly maksdato: LocalDate | null;
  readonly config: MilestoneProfile['milestones'];
  readonly candidate: Candidacy;
}

/** The last day of week N: `start + N weeks − 1 day` (§2.1). */
function lastDayOfWeek(start: LocalDate, week: number): LocalDate {
  return addDays(start, week * 7 - 1);
}

/** `end ≥ date`: the tilfelle reaches the date; its end may lie in the future (notes cover future days). */
function reaches(tilfelle: TilfelleFacts, date: LocalDate): boolean {
  return tilfelle.end >= date;
}

/** A deadline for the person's employer (plan, DM1, report): needs one at the tilfelle's end and the date reached. */
function employerDeadline(tilfelle: TilfelleFacts, deadline: LocalDate, noticeDays: number): Schedule {
  return {
    dueFrom: addDays(deadline, -noticeDays),
    deadline,
    dateSource: 'COMPUTED',
    notApplicable: !tilfelle.arbeidstakerAtTilfelleEnd
      ? 'NOT_ARBEIDSTAKER'
      : reaches(tilfelle, deadline)
        ? null
        : 'TILFELLE_ENDS_BEFORE',
  };
}

/** A stoppunkt: DUE from its date for `handlingDays`, applicable when the tilfelle reaches it. */
function stoppunkt(tilfelle: TilfelleFacts, date: LocalDate, handlingDays: number): Schedule {
  return {
    dueFrom: date,
    deadline: addDays(date, handlingDays),
    dateSource: 'COMPUTED',
    notApplicable: reaches(tilfelle, date) ? null : 'TILFELLE_ENDS_BEFORE',
  };
}

interface Candidacy {
  readonly stoppunkt: LocalDate;
  readonly late: boolean;
  readonly notCandidate: MilestoneStateReason | null;
}

/**
 * Handbook §6.1 stoppunkt date as fixed when a tilfelle's facts arrive on `receivedOn`: `start + 119`, or `receivedOn`
 * when `start + 119 < receivedOn < end` (a late note made the tilfelle reach the date after it had passed). Fix it
 * again on each arrival until the candidacy has happened (its day came while the tilfelle reached it); from then on
 * keep it, as NAV makes one STOPPUNKT candidacy per tilfelle.
 */
export function dialogmotekandidatStoppunkt(
  tilfelle: TilfelleFacts,
  profile: MilestoneProfile,
  receivedOn: LocalDate,
): LocalDate {
  const planned = plannedStoppunkt(tilfelle, profile);
  return planned < receivedOn && receivedOn < tilfelle.end ? receivedOn : planned;
}

function plannedStoppunkt(tilfelle: TilfelleFacts, profile: MilestoneProfile): LocalDate {
  return addDays(tilfelle.start, profile.milestones.DIALOGMOTEKANDIDAT.stoppunktDay);
}

/**
 * §6.1 candidate: arbeidstaker at the tilfelle's end and `end ≥ stoppunkt`. "Alive" and "no earlier candidacy in this
 * tilfelle" are not among the facts: the caller's.
 */
function candidacy(input: MilestoneCalculationInput, profile: MilestoneProfile): Candidacy {
  const { tilfelle } = input;
  const planned = plannedStoppunkt(tilfelle, profile);
  const stoppunktDate = input.dialogmotekandidatStoppunkt ?? planned;
  return {
    stoppunkt: stoppunktDate,
    late: stoppunktDate !== planned,
    notCandidate: !tilfelle.arbeidstakerAtTilfelleEnd
      ? 'NOT_ARBEIDSTAKER'
      : reaches(tilfelle, stoppunktDate)
        ? null
        : 'TILFELLE_ENDS_BEFORE',
  };
}

function dialogmote2Deadline({ tilfelle, config }: Facts): LocalDate {
  return lastDayOfWeek(tilfelle.start, config.DIALOGMOTE_2.deadlineWeek);
}

function candidateVisibleFrom({ config, candidate }: Facts): LocalDate {
  return addDays(candidate.stoppunkt, config.DIALOGMOTEKANDIDAT.visibleAfterDays);
}

const SCHEDULES: { readonly [T in MilestoneType]: (facts: Facts) => Schedule } = {
  OPPFOLGINGSPLAN: ({ tilfelle, config: { OPPFOLGINGSPLAN: c } }) =>
    employerDeadline(tilfelle, lastDayOfWeek(tilfelle.start, c.deadlineWeek), c.noticeDays),

  DIALOGMOTE_1: ({ tilfelle, config: { DIALOGMOTE_1: c } }) =>
    employerDeadline(tilfelle, lastDayOfWeek(tilfelle.start, c.deadlineWeek), c.noticeDays),

  STOPPUNKT_6W: ({ tilfelle, config: { STOPPUNKT_6W: c } }) =>
    stoppunkt(tilfelle, addDays(tilfelle.start, c.stoppunktDay), c.handlingDays),

  VV_SCREENING_8W: ({ tilfelle, config: { VV_SCREENING_8W: c } }) =>
    stoppunkt(tilfelle, lastDayOfWeek(tilfelle.start, c.stoppunktWeek), c.handlingDays),

  // §6.3: the krav exists when floor(antallSykedager / 7) ≥ 8, future sick days included (which implies end ≥
  // stoppunktAt); graded at the tilfelle's end means AUTOMATISK_OPPFYLT.
  AKTIVITETSKRAV: ({ tilfelle, config: { AKTIVITETSKRAV: c } }) => {
    const stoppunktAt = lastDayOfWeek(tilfelle.start, c.stoppunktWeek);
    return {
      dueFrom: stoppunktAt,
      deadline: addDays(stoppunktAt, c.handlingDays),
      dateSource: 'COMPUTED',
      notApplicable: Math.floor(tilfelle.antallSykedager / 7) >= c.stoppunktWeek ? null : 'TOO_FEW_SICK_DAYS',
      ...(tilfelle.gradertAtTilfelleEnd ? { autoDone: 'AUTOMATISK_OPPFYLT' } : {}),
    };
  },

  EMPLOYER_REPORT_9W: ({ tilfelle, config: { EMPLOYER_REPORT_9W: c } }) =>
    employerDeadline(tilfelle, lastDayOfWeek(tilfelle.start, c.deadlineWeek), c.noticeDays),

  // Only for persons without an employer; a candidate from start + 28 (NAV's code), so that is the date to reach.
  NO_EMPLOYER_FOLLOW_UP: ({ tilfelle, config: { NO_EMPLOYER_FOLLOW_UP: c } }) => {
    const candidateOn = addDays(tilfelle.start, c.candidateDay);
    return {
      dueFrom: candidateOn,
      deadline: lastDayOfWeek(tilfelle.start, c.deadlineWeek),
      dateSource: 'COMPUTED',
      notApplicable: tilfelle.arbeidstakerAtTilfelleEnd
        ? 'ARBEIDSTAKER'
        : reaches(tilfelle, candidateOn)
          ? null
          : 'TILFELLE_ENDS_BEFORE',
    };
  },

  // Shown 7 days after the stoppunkt; to be handled (invited) a week before the DM2 deadline, or at once when the
  // candidate appears later than that.
  DIALOGMOTEKANDIDAT: (facts) => {
    const dueFrom = candidateVisibleFrom(facts);
    return {
      dueFrom,
      deadline: maxDate(dueFrom, addDays(dialogmote2Deadline(facts), -facts.config.DIALOGMOTEKANDIDAT.inviteLeadDays)),
      dateSource: 'COMPUTED',
      notApplicable: facts.candidate.notCandidate,
      ...(facts.candidate.late ? { note: 'LATE_NOTE' } : {}),
    };
  },

  // Exists exactly when the person is a DM2 candidate (§2.2 Applicability); the deadline is fixed by law even when
  // the candidate appears late, which then makes it due at once.
  DIALOGMOTE_2: (facts) => {
    const deadline = dialogmote2Deadline(facts);
    return {
      dueFrom: minDate(candidateVisibleFrom(facts), deadline),
      deadline,
      dateSource: 'COMPUTED',
      notApplicable: facts.candidate.notCandidate,
      ...(facts.candidate.late ? { note: 'LATE_NOTE' } : {}),
    };
  },

  // The k-th sick day (§2.1). Without gaps it is start + k − 1. With gaps we know only the count, so count back from
  // the tilfelle's last (sick) day: the latest day it can be, so the letter never goes early; marked ESTIMATED.
  LETTER_39W: ({ tilfelle, config: { LETTER_39W: c } }) => {
    const date = addDays(tilfelle.end, c.sickDay - tilfelle.antallSykedager);
    const continuous = daysBetween(tilfelle.start, tilfelle.end) + 1 === tilfelle.antallSykedager;
    return {
      dueFrom: date,
      deadline: addDays(date, c.handlingDays),
      dateSource: continuous ? 'COMPUTED' : 'ESTIMATED',
      notApplicable: tilfelle.antallSykedager >= c.sickDay ? null : 'TOO_FEW_SICK_DAYS',
    };
  },

  // Never computed by us when the benefit system has told us (§2.2).
  MAKSDATO: ({ tilfelle, maksdato, config: { MAKSDATO: c } }) => {
    const deadline = maksdato ?? lastDayOfWeek(tilfelle.start, c.estimateWeek);
    return {
      dueFrom: addDays(deadline, -c.noticeDays),
      deadline,
      dateSource: maksdato ? 'BENEFIT_SYSTEM' : 'ESTIMATED',
      notApplicable: reaches(tilfelle, deadline) ? null : 'TILFELLE_ENDS_BEFORE',
    };
  },
};

/** The profile's milestones in the §2.2 timeline order of `MILESTONE_TYPES`. */
export function computeMilestones(
  input: MilestoneCalculationInput,
  profile: MilestoneProfile,
  today: LocalDate,
): Milestone[] {
  const facts: Facts = {
    tilfelle: input.tilfelle,
    maksdato: input.maksdato,
    config: profile.milestones,
    candidate: candidacy(input, profile),
  };
  return MILESTONE_TYPES.filter((type) => profile.milestones[type].enabled).map((type) => {
    const schedule = SCHEDULES[type](facts);
    const gradeFiltered =
      profile.milestones[type].grades === 'FULL_SICK_LEAVE_ONLY' && input.tilfelle.gradertAtTilfelleEnd;
    return settle(type, gradeFiltered ? { ...schedule, notApplicable: 'GRADED' } : schedule, input, today);
  });
}

/** The earliest day on which any milestone changes state by time alone; null when none will. */
export function nextChange(milestones: readonly Milestone[]): LocalDate | null {
  return milestones.reduce<LocalDate | null>(
    (earliest, { nextChangeOn }) => (nextChangeOn && (!earliest || nextChangeOn < earliest) ? nextChangeOn : earliest),
    null,
  );
}

/**
 * Facts before rules: a completion (DONE) stays even if the tilfelle later changes, then a valid exemption, then
 * applicability, then auto-fulfilment; only then does time decide. Exemptions that fail `validateExemption` are
 * ignored, so a bad record can never silence a legal milestone.
 */
function settle(type: MilestoneType, schedule: Schedule, input: MilestoneInput, today: LocalDate): Milestone {
  const settledBy = (milestone: MilestoneType) => milestone === type || milestone === SETTLED_ALSO_BY[type];
  const completion = earliest(input.completions.filter((candidate) => settledBy(candidate.milestone)));
  const exemption =
    input.exemptions.find((candidate) => settledBy(candidate.milestone) && validateExemption(candidate).ok) ?? null;
  const base = {
    type,
    legal: !PILOT_MILESTONES.has(type),
    actor: ACTORS[type],
    dueFrom: schedule.dueFrom,
    deadline: schedule.deadline,
    dateSource: schedule.dateSource,
    completion,
    exemption,
  };
  const settled = (state: 'DONE' | 'EXEMPT' | 'NOT_APPLICABLE', stateReason: string | null): Milestone => ({
    ...base,
    state,
    stateReason,
    nextChangeOn: null,
  });

  if (completion) return settled('DONE', null);
  if (exemption) return settled('EXEMPT', exemption.reasonCode);
  if (schedule.notApplicable) return settled('NOT_APPLICABLE', schedule.notApplicable);
  if (schedule.autoDone) return settled('DONE', schedule.autoDone);

  const stateReason = schedule.note ?? null;
  if (today < schedule.dueFrom) return { ...base, state: 'UPCOMING', stateReason, nextChangeOn: schedule.dueFrom };
  if (today <= schedule.deadline) {
    return { ...base, state: 'DUE', stateReason, nextChangeOn: addDays(schedule.deadline, 1) };
  }
  return { ...base, state: 'OVERDUE', stateReason, nextChangeOn: null };
}

function earliest(completions: readonly MilestoneCompletion[]): MilestoneCompletion | null {
  return completions.reduce<MilestoneCompletion | null>(
    (first, completion) => (!first || completion.on < first.on ? completion : first),
    null,
  );
}
