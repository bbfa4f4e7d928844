import { BaseConfigSchema } from '@syfo/platform';
import { z } from 'zod';

import { parseQuarter } from './quarter.util';

const QuarterText = z.string().refine(
  (value) => {
    try {
      parseQuarter(value);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'must be a quarter as YYYY-Qn' },
);

export const StatisticsConfigSchema = BaseConfigSchema.extend({
  /**
   * The key pseudonymised exports are keyed with (HMAC-SHA256, one derived key per project, handbook §9.3). Only the
   * export needs it: without it the service runs and refuses exports with FAILED_PRECONDITION. At least 32 characters,
   * from a secret store; rotating it makes every earlier pseudonym unlinkable, which is the point of a per-project key.
   */
  EXPORT_HMAC_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Full years of history kept before the current one (handbook §9.1: five). */
  STATISTICS_HISTORY_YEARS: z.coerce.number().int().min(0).max(10).default(5),
  /**
   * A fixed window `YYYY-Qn..YYYY-Qn` instead of the one the clock gives (history years plus the current year), for
   * replays, tests and benchmarks of a known period.
   */
  STATISTICS_WINDOW: z
    .string()
    .regex(/^\d{4}-Q[1-4]\.\.\d{4}-Q[1-4]$/, 'must be YYYY-Qn..YYYY-Qn')
    .transform((value) => {
      const [fromQuarter, toQuarter] = value.split('..') as [string, string];
      return { fromQuarter, toQuarter };
    })
    .pipe(z.object({ fromQuarter: QuarterText, toQuarter: QuarterText }).refine((window) => window.fromQuarter <= window.toQuarter, 'must not end before it starts'))
    .optional(),
  /** How often changed quarters are masked again and published to the queries (statistics-figures.refresher.ts). */
  STATISTICS_REFRESH_INTERVAL_MS: z.coerce.number().int().min(50).max(3_600_000).default(5_000),
});
export type StatisticsConfig = z.infer<typeof StatisticsConfigSchema>;
