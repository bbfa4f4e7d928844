import { z } from 'zod';

import { RULE_SET_IDS, type RuleSetRef } from './screening.types';
import { SF_SP1_V1 } from './sf-sp1.rule-set';
import { SF_SP2_V1 } from './sf-sp2.rule-set';
import { VV_MS_V1 } from './vv-ms.rule-set';

/** Every screening rule set by `id@version`. A new version is a new entry; old ones stay so old decisions replay. */
const RULE_SETS = {
  'VV-MS@1': VV_MS_V1,
  'SF-SP2@1': SF_SP2_V1,
  'SF-SP1@1': SF_SP1_V1,
} as const;

export type RuleSetKey = keyof typeof RULE_SETS;
export type RegisteredRuleSet = (typeof RULE_SETS)[RuleSetKey];

export const RULE_SET_KEYS = Object.keys(RULE_SETS) as readonly RuleSetKey[];

/** The reference persisted beside every decision: `id@version`. */
export function ruleSetKey(ref: RuleSetRef): string {
  return `${ref.id}@${ref.version}`;
}

function isRegistered(key: string): key is RuleSetKey {
  return Object.hasOwn(RULE_SETS, key);
}

function unknownRuleSet(key: string): string {
  const match = /^(.+)@(\d+)$/.exec(key);
  if (!match) return `Screening rule set reference '${key}' is not of the form id@version (known: ${RULE_SET_KEYS.join(', ')})`;
  const versions = RULE_SET_KEYS.filter((known) => known.startsWith(`${match[1]}@`));
  if (versions.length === 0) return `Unknown screening rule set id '${match[1]}' (known: ${RULE_SET_KEYS.join(', ')})`;
  return `Unknown version ${match[2]} of screening rule set '${match[1]}' (known: ${versions.join(', ')})`;
}

export function resolveRuleSet<Key extends RuleSetKey>(key: Key): (typeof RULE_SETS)[Key];
export function resolveRuleSet(key: string): RegisteredRuleSet;
export function resolveRuleSet(key: string): RegisteredRuleSet {
  if (isRegistered(key)) return RULE_SETS[key];
  throw new Error(unknownRuleSet(key));
}

/** Enabled or not, and which registered version (checked below); each rule set's own settings come on top. */
const ruleSetSwitch = { enabled: z.boolean().default(false), version: z.int().min(1).default(1) };
const days = z.int().min(1).max(365);

/**
 * A region's screening configuration, validated at boot. Every key may be left out: a rule set is then off, and
 * its settings are the version's defaults.
 */
export const ScreeningConfigSchema = z
  .strictObject({
    'VV-MS': z
      .strictObject({
        ...ruleSetSwitch,
        reminderAfterDays: days.default(VV_MS_V1.defaults.reminderAfterDays),
        responseDeadlineDays: days.default(VV_MS_V1.defaults.responseDeadlineDays),
      })
      .prefault({}),
    'SF-SP2': z
      .strictObject({
        ...ruleSetSwitch,
        includeMiddle: z.boolean().default(SF_SP2_V1.defaults.includeMiddle),
        responseDeadlineDays: days.default(SF_SP2_V1.defaults.responseDeadlineDays),
      })
      .prefault({}),
    'SF-SP1': z.strictObject({ ...ruleSetSwitch, suppressDays: z.int().min(0).max(730).default(SF_SP1_V1.defaults.suppressDays) }).prefault({}),
  })
  .superRefine((config, ctx) => {
    for (const id of RULE_SET_IDS) {
      const key = `${id}@${config[id].version}`;
      if (!isRegistered(key)) ctx.addIssue({ code: 'custom', path: [id, 'version'], message: unknownRuleSet(key), params: { rule: 'screening.unknown_rule_set' } });
    }
    const { reminderAfterDays, responseDeadlineDays } = config['VV-MS'];
    if (reminderAfterDays >= responseDeadlineDays) {
      ctx.addIssue({
        code: 'custom',
        path: ['VV-MS', 'reminderAfterDays'],
        message: 'the reminder must be due before the response deadline',
        params: { rule: 'screening.reminder_before_deadline' },
      });
    }
  })
  .prefault({});
export type ScreeningConfig = z.output<typeof ScreeningConfigSchema>;
export type ScreeningConfigInput = z.input<typeof ScreeningConfigSchema>;

