import { z } from 'zod';

import { defineEvent, type PayloadOf } from '../event-definition';
import { LocalDateSchema } from '../local-date.schema';
import { OrgnrSchema } from '../intake/sick-note-submission.schema';

export const STOPPUNKT1_OUTCOMES = ['CALL', 'SUPPRESSED', 'ESCALATE_TO_ALS'] as const;

/**
 * The weekly stoppunkt-1 demand for one underenhet (handbook §4.4): whether to call the employer, with
 * no employee data at all, not even how many employees are sick (at a small employer that reveals who).
 */
export const Stoppunkt1DemandEvent = defineEvent({
  type: 'triage.stoppunkt1-demand',
  version: 1,
  topic: 'triage.stoppunkt1-demand.v1',
  payload: z.strictObject({
    orgnr: OrgnrSchema,
    batchDate: LocalDateSchema,
    isoWeek: z.string().regex(/^\d{4}-W\d{2}$/),
    outcome: z.enum(STOPPUNKT1_OUTCOMES),
    rule: z.string(),
    /** A CRM call task is wanted (false when a recent call suppresses it). */
    callTask: z.boolean(),
    region: z.string(),
  }),
  key: (payload) => payload.orgnr,
});
export type Stoppunkt1Demand = PayloadOf<typeof Stoppunkt1DemandEvent>;
