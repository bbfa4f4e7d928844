import type { Region } from '@syfo/contracts';
import { BaseConfigSchema } from '@syfo/platform';
import { z } from 'zod';

import { resolveMilestoneProfile } from '../milestones/milestone-profile.config';

/** Each region's pilots (handbook §2.2 profiles): Vest-Viken screens at 8 weeks, Vestland runs Sunnfjord's stoppunkter. */
const DEFAULT_PROFILE_BY_REGION: Partial<Record<Region, string>> = {
  'vest-viken': 'vest-viken@1',
  vestland: 'vestland-sunnfjord@1',
};

export const TriageConfigSchema = BaseConfigSchema.extend({
  /** The enhet a person is routed to until a fagsystem or a veileder says otherwise. */
  DEFAULT_ENHET: z.string().regex(/^\d{4}$/, 'must be a four-digit enhet number'),
  /** `id@version` of the milestone profile; defaults to the region's. Validated at boot. */
  MILESTONE_PROFILE: z.string().optional(),
  /** How often the scheduler looks for persons whose milestones move as days pass. */
  SCHEDULER_POLL_INTERVAL_MS: z.coerce.number().int().min(10).max(3_600_000).default(60_000),
  /** Persons re-evaluated per scheduler transaction. */
  SCHEDULER_BATCH_SIZE: z.coerce.number().int().min(1).max(5_000).default(200),
  /** Days since a stoppunkt-1 call during which another call to the same employer is suppressed (handbook §4.4 E3). */
  SP1_SUPPRESS_DAYS: z.coerce.number().int().min(0).max(730).default(90),
  /** Whether a Sunnfjord score of 3 also gets an MI call (handbook §4.3 S2, under consideration). */
  SF_SP2_INCLUDE_MIDDLE: z.stringbool().default(false),
}).transform((config, ctx) => {
  const profileRef = config.MILESTONE_PROFILE ?? DEFAULT_PROFILE_BY_REGION[config.REGION] ?? 'standard@1';
  try {
    return { ...config, MILESTONE_PROFILE: profileRef, milestoneProfile: resolveMilestoneProfile(profileRef) };
  } catch (error) {
    ctx.addIssue({ code: 'custom', path: ['MILESTONE_PROFILE'], message: (error as Error).message });
    return z.NEVER;
  }
});
export type TriageConfig = z.infer<typeof TriageConfigSchema>;
