import { z } from 'zod';

import { defineEvent, type PayloadOf } from '../event-definition';
import { LocalDateSchema } from '../local-date.schema';
import { PersonIdentSchema } from '../intake/sick-note-submission.schema';

/**
 * A screening rule set reached a decision for a person: which rule set and version, the outcome and the
 * rule that fired. The inputs and trace stay in triage, where a veileder can read them.
 */
export const ScreeningDecidedEvent = defineEvent({
  type: 'triage.decision',
  version: 1,
  topic: 'triage.decision.v1',
  payload: z.strictObject({
    decisionId: z.guid(),
    personIdent: PersonIdentSchema,
    tilfelleStart: LocalDateSchema,
    ruleSet: z.string(),
    ruleSetVersion: z.int().positive(),
    outcome: z.string(),
    rule: z.string(),
    decidedOn: LocalDateSchema,
    enhet: z.string(),
  }),
  key: (payload) => payload.personIdent,
});
export type ScreeningDecided = PayloadOf<typeof ScreeningDecidedEvent>;
