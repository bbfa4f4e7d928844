import type { Region } from '@syfo/contracts';
import { BaseConfigSchema } from '@syfo/platform';
import { z } from 'zod';

import { resolveMilestoneProfile } from '../milestones/milestone-profile.config';
import type { MilestoneType } from '../milestones/milestone.types';
import { ScreeningConfigSchema, type ScreeningConfigInput } from '../screening/rule-set.registry';
import type { RuleSetId } from '../screening/screening.types';

/** Each region's pilots (handbook §2.2 profiles): Vest-Viken screens at 8 weeks, Vestland runs Sunnfjord's stoppunkter. */
const DEFAULT_PROFILE_BY_REGION: Partial<Record<Region, string>> = {
  'vest-viken': 'vest-viken@1',
  vestland: 'vestland-sunnfjord@1',
};
const DEFAULT_SCREENING_BY_REGION: Partial<Record<Region, ScreeningConfigInput>> = {
  'vest-viken': { 'VV-MS': { enabled: true } },
  vestland: { 'SF-SP2': { enabled: true }, 'SF-SP1': { enabled: true } },
};
/** The stoppunkt that starts each rule set: a rule set needs its milestone in the profile. */
const TRIGGER_OF_RULE_SET: Record<RuleSetId, MilestoneType> = { 'VV-MS': 'VV_SCREENING_8W', 'SF-SP2': 'STOPPUNKT_6W', 'SF-SP1': 'STOPPUNKT_6W' };

const JsonSchema = z.string().transform((text, ctx) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    ctx.addIssue({ code: 'custom', message: 'must be JSON' });
    return z.NEVER;
  }
});

export const TriageConfigSchema = BaseConfigSchema.extend({
  /** The enhet a person is routed to until a fagsystem or a veileder says otherwise. */
  DEFAULT_ENHET: z.string().regex(/^\d{4}$/, 'must be a four-digit enhet number'),
  /** `id@version` of the milestone profile; defaults to the region's. Validated at boot. */
  MILESTONE_PROFILE: z.string().optional(),
  /** How often the scheduler looks for persons whose milestones move as days pass. */
  SCHEDULER_POLL_INTERVAL_MS: z.coerce.number().int().min(10).max(3_600_000).default(60_000),
  /** Persons re-evaluated per scheduler transaction. */
  SCHEDULER_BATCH_SIZE: z.coerce.number().int().min(1).max(5_000).default(200),
  /**
   * The region's screening rule sets as JSON (`ScreeningConfigSchema`): which are on, their versions and
   * settings, e.g. `{"VV-MS":{"enabled":true,"version":1,"reminderAfterDays":7}}`. Defaults by region.
   */
  SCREENING: JsonSchema.optional(),
}).transform((config, ctx) => {
  const profileRef = config.MILESTONE_PROFILE ?? DEFAULT_PROFILE_BY_REGION[config.REGION] ?? 'standard@1';
  let milestoneProfile;
  try {
    milestoneProfile = resolveMilestoneProfile(profileRef);
  } catch (error) {
    ctx.addIssue({ code: 'custom', path: ['MILESTONE_PROFILE'], message: (error as Error).message });
    return z.NEVER;
  }
  const screening = ScreeningConfigSchema.safeParse(config.SCREENING ?? DEFAULT_SCREENING_BY_REGION[config.REGION] ?? {});
  if (!screening.success) {
    for (const issue of screening.error.issues) ctx.addIssue({ code: 'custom', path: ['SCREENING', ...issue.path.map(String)], message: issue.message });
    return z.NEVER;
  }
  for (const [id, trigger] of Object.entries(TRIGGER_OF_RULE_SET) as [RuleSetId, MilestoneType][]) {
    if (screening.data[id].enabled && !milestoneProfile.milestones[trigger].enabled) {
      ctx.addIssue({ code: 'custom', path: ['SCREENING', id], message: `needs the ${trigger} stoppunkt, which milestone profile ${profileRef} does not have` });
    }
  }
  return { ...config, MILESTONE_PROFILE: profileRef, milestoneProfile, screening: screening.data };
});
export type TriageConfig = z.infer<typeof TriageConfigSchema>;
