import { daysBetween, type LocalDate } from '@syfo/local-date';
import { computeMilestones, type MilestoneCalculationInput } from './milestone.calculator';
import { resolveMilestoneProfile, type MilestoneProfile } from './milestone-profile.config';
import type {
  Milestone,
  MilestoneCompletion,
  MilestoneExemption,
  MilestoneType,
  TilfelleFacts,
} from './milestone.types';

/** The handbook §2.1 fixture: a continuous tilfelle from Monday 2025-01-06. */
export const START = '2025-01-06';

export const STANDARD = resolveMilestoneProfile('standard@1');
export const VEST_VIKEN = resolveMilestoneProfile('vest-viken@1');
export const SUNNFJORD = resolveMilestoneProfile('vestland-sunnfjord@1');

/** 100 %, one employer, continuous (every day a sick day) unless told otherwise; long enough for every milestone. */
export function tilfelle(overrides: Partial<TilfelleFacts> = {}): TilfelleFacts {
  const start = overrides.start ?? START;
  const end = overrides.end ?? '2026-03-31';
  return {
    start,
    end,
    antallSykedager: daysBetween(start, end) + 1,
    virksomhetsnummerList: ['974600951'],
    arbeidstakerAtTilfelleEnd: true,
    gradertAtTilfelleEnd: false,
    ...overrides,
  };
}

export interface Scenario extends Omit<Partial<MilestoneCalculationInput>, 'tilfelle'> {
  readonly tilfelle?: Partial<TilfelleFacts>;
  readonly profile?: MilestoneProfile;
}

/** The calendar on `today`, keyed by type (a type the profile lacks is undefined). */
export function calendar(today: LocalDate, scenario: Scenario = {}): Partial<Record<MilestoneType, Milestone>> {
  const { tilfelle: facts, profile = STANDARD, ...rest } = scenario;
  const input = { completions: [], exemptions: [], maksdato: null, ...rest, tilfelle: tilfelle(facts) };
  const milestones = computeMilestones(input, profile, today);
  return Object.fromEntries(milestones.map((milestone) => [milestone.type, milestone]));
}

/** One milestone of the calendar; fails the test when the profile does not have it. */
export function milestone(type: MilestoneType, today: LocalDate, scenario: Scenario = {}): Milestone {
  const found = calendar(today, scenario)[type];
  if (!found) throw new Error(`The profile has no ${type}`);
  return found;
}

export function completion(milestoneType: MilestoneType, on: LocalDate): MilestoneCompletion {
  return { milestone: milestoneType, on, by: 'Z990001', reason: 'test' };
}

export function exemption(milestoneType: MilestoneType, reasonCode: string, text = 'Begrunnelse'): MilestoneExemption {
  return { milestone: milestoneType, reasonCode, text, decidedBy: 'Z990001', decidedAt: '2025-02-01T09:00:00Z' };
}
