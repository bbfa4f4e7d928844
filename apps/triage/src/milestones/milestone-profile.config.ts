import { z } from 'zod';
import type { MilestoneType } from './milestone.types';

/**
 * A versioned milestone profile (handbook §2.2 Profiles [DESIGN]): which pilot stoppunkter a region or enhet runs,
 * their grade filters, and every milestone's offsets and notice window. Defaults are the handbook's dates (§2.1 fixture
 * table); a profile only writes what it changes. Legal milestones cannot be switched off or grade-filtered.
 *
 * Week offsets mean "the last day of week N" (`start + N weeks − 1 day`), day offsets mean `start + n` (§2.1).
 */

/** Regional pilot stoppunkter; every other milestone type is statutory (or NAV's standard practice) and always on. */
export const PILOT_MILESTONES: ReadonlySet<MilestoneType> = new Set<MilestoneType>(['STOPPUNKT_6W', 'VV_SCREENING_8W']);

/** Which sick-leave grades at the tilfelle's end a milestone applies to (`gradertAtTilfelleEnd`, handbook §3.5). */
export const GRADE_FILTERS = ['ALL', 'FULL_SICK_LEAVE_ONLY'] as const;
export type GradeFilter = (typeof GRADE_FILTERS)[number];

const week = z.int().min(1).max(104);
const days = z.int().min(0).max(365);

/** A statutory milestone's switches: they exist so the calculator treats all types alike, but are fixed. */
function legal(type: MilestoneType) {
  const rule = (code: string, what: string) =>
    `${code}: ${type} is a legal milestone and ${what} (handbook §2.2 Profiles)`;
  return {
    enabled: z.literal(true, { error: rule('LEGAL_MILESTONE_ALWAYS_ON', 'cannot be switched off') }).default(true),
    grades: z.literal('ALL', { error: rule('LEGAL_MILESTONE_ALL_GRADES', 'applies at every grade') }).default('ALL'),
  };
}

/** A regional pilot stoppunkt's switches: off unless the profile turns it on. */
function pilot(grades: GradeFilter) {
  return { enabled: z.boolean().default(false), grades: z.enum(GRADE_FILTERS).default(grades) };
}

// Notice windows [DESIGN]: a deadline milestone is DUE from `deadline − noticeDays`; a stoppunkt is DUE from its date
// for `handlingDays`. The choices are documented beside each default. `prefault({})` lets a profile omit a milestone.
const MilestonesSchema = z
  .strictObject({
    // aml § 4-6: by 4 w (2025-02-02 for a start on 2025-01-06); due in the plan's last week.
    OPPFOLGINGSPLAN: z
      .strictObject({ ...legal('OPPFOLGINGSPLAN'), deadlineWeek: week.default(4), noticeDays: days.default(7) })
      .prefault({}),
    // aml § 4-6: by 7 w; the employer calls the meeting, so it shows two weeks ahead.
    DIALOGMOTE_1: z
      .strictObject({ ...legal('DIALOGMOTE_1'), deadlineWeek: week.default(7), noticeDays: days.default(14) })
      .prefault({}),
    // Sunnfjord [PILOT] §4.3/§4.4: start + 42 at 100 %; the Monday batch covers the 7 days after passing it.
    STOPPUNKT_6W: z
      .strictObject({ ...pilot('FULL_SICK_LEAVE_ONLY'), stoppunktDay: days.default(42), handlingDays: days.default(7) })
      .prefault({}),
    // Vest-Viken [PILOT] §4.2: fired at start + 8w − 1 at every grade; a week to send the message.
    VV_SCREENING_8W: z
      .strictObject({ ...pilot('ALL'), stoppunktWeek: week.default(8), handlingDays: days.default(7) })
      .prefault({}),
    // ftrl § 8-8 / §6.3: the krav exists when floor(antallSykedager / 7) ≥ stoppunktWeek, stoppunktAt = start + 8w − 1;
    // the work item shows from the stoppunkt (§5.1) and the vurdering is due within two weeks.
    AKTIVITETSKRAV: z
      .strictObject({ ...legal('AKTIVITETSKRAV'), stoppunktWeek: week.default(8), handlingDays: days.default(14) })
      .prefault({}),
    // By 9 w (law as reported, §2.2).
    EMPLOYER_REPORT_9W: z
      .strictObject({ ...legal('EMPLOYER_REPORT_9W'), deadlineWeek: week.default(9), noticeDays: days.default(7) })
      .prefault({}),
    // By 12 w for persons without employer; NAV's code makes them a candidate at start + 28, due from then.
    NO_EMPLOYER_FOLLOW_UP: z
      .strictObject({
        ...legal('NO_EMPLOYER_FOLLOW_UP'),
        candidateDay: days.default(28),
        deadlineWeek: week.default(12),
      })
      .prefault({}),
    // §6.1: stoppunkt start + 119, shown 7 days later; the invitation must go out a week before the DM2 deadline.
    DIALOGMOTEKANDIDAT: z
      .strictObject({
        ...legal('DIALOGMOTEKANDIDAT'),
        stoppunktDay: days.default(119),
        visibleAfterDays: days.default(7),
        inviteLeadDays: days.default(7),
      })
      .prefault({}),
    // ftrl § 8-7a: by 26 w; due from the day the candidate is shown.
    DIALOGMOTE_2: z.strictObject({ ...legal('DIALOGMOTE_2'), deadlineWeek: week.default(26) }).prefault({}),
    // The 274th sick day (39 × 7 + 1), a week to send.
    LETTER_39W: z
      .strictObject({
        ...legal('LETTER_39W'),
        sickDay: z.int().min(1).max(730).default(274),
        handlingDays: days.default(7),
      })
      .prefault({}),
    // From the benefit system; when unknown, estimated as start + 52w − 1. Reassessment shows four weeks ahead.
    MAKSDATO: z
      .strictObject({ ...legal('MAKSDATO'), estimateWeek: week.default(52), noticeDays: days.default(28) })
      .prefault({}),
  })
  .prefault({});

export const MilestoneProfileSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens'),
    version: z.int().min(1),
    description: z.string().min(1).optional(),
    milestones: MilestonesSchema,
  })
  .superRefine(({ milestones }, ctx) => {
    const { candidateDay, deadlineWeek } = milestones.NO_EMPLOYER_FOLLOW_UP;
    if (candidateDay > deadlineWeek * 7 - 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['milestones', 'NO_EMPLOYER_FOLLOW_UP', 'candidateDay'],
        message: 'DUE_FROM_NOT_AFTER_DEADLINE: the no-employer candidate day must not fall after the week-12 deadline',
        params: { rule: 'DUE_FROM_NOT_AFTER_DEADLINE' },
      });
    }
  });
export type MilestoneProfile = z.output<typeof MilestoneProfileSchema>;
export type MilestoneProfileInput = z.input<typeof MilestoneProfileSchema>;

/** The profile's reference as persisted beside every computed calendar: `id@version`. */
export function milestoneProfileRef(profile: Pick<MilestoneProfile, 'id' | 'version'>): string {
  return `${profile.id}@${profile.version}`;
}

const BUILT_IN_PROFILES: readonly MilestoneProfileInput[] = [
  { id: 'standard', version: 1, description: 'Statutory milestones and NAV standard practice only' },
  {
    id: 'vest-viken',
    version: 1,
    description: 'Nav Vest-Viken: Morgendagens SYFO screening at 8 weeks (handbook §4.2)',
    milestones: { VV_SCREENING_8W: { enabled: true } },
  },
  {
    id: 'vestland-sunnfjord',
    version: 1,
    description: 'Nav Vestland, Sunnfjord: stoppunkt 1 and 2 when passing 6 weeks at 100 % (handbook §4.3, §4.4)',
    milestones: { STOPPUNKT_6W: { enabled: true } },
  },
];

/** Built-in profiles by `id@version`; parsed at load, so a broken built-in fails at boot, not at first use. */
export const MILESTONE_PROFILES: ReadonlyMap<string, MilestoneProfile> = new Map(
  BUILT_IN_PROFILES.map((input) => {
    const profile = MilestoneProfileSchema.parse(input);
    return [milestoneProfileRef(profile), profile] as const;
  }),
);

export function resolveMilestoneProfile(ref: string): MilestoneProfile {
  const profile = MILESTONE_PROFILES.get(ref);
  if (profile) return profile;
  const known = [...MILESTONE_PROFILES.keys()];
  const match = /^(.+)@(\d+)$/.exec(ref);
  if (!match) {
    throw new Error(`Milestone profile reference '${ref}' is not of the form id@version (known: ${known.join(', ')})`);
  }
  const versions = known.filter((key) => key.startsWith(`${match[1]}@`));
  if (versions.length === 0) throw new Error(`Unknown milestone profile id '${match[1]}' (known: ${known.join(', ')})`);
  throw new Error(`Unknown version ${match[2]} of milestone profile '${match[1]}' (known: ${versions.join(', ')})`);
}
