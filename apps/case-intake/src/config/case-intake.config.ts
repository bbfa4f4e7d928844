import { LocalDateSchema } from '@syfo/contracts';
import { BaseConfigSchema } from '@syfo/platform';
import type { z } from 'zod';

export const CaseIntakeConfigSchema = BaseConfigSchema.extend({
  /**
   * Go-live date: NY (not yet sent) sick notes starting before it are ignored by the tilfelle
   * computation (handbook §3.2 step 1). NAV used 2022-05-21; each region sets its own.
   */
  TILFELLE_CUTOFF_DATE: LocalDateSchema.default('2022-05-21'),
});
export type CaseIntakeConfig = z.infer<typeof CaseIntakeConfigSchema>;
