import { z } from 'zod';

import { defineEvent, type PayloadOf } from '../event-definition';
import { OrgnrSchema } from '../intake/sick-note-submission.schema';

/** An employer account in the CRM. Employer-level only: the CRM never holds person identifiers. */
export const AccountRegisteredEvent = defineEvent({
  type: 'crm.account',
  version: 1,
  topic: 'crm.account.v1',
  payload: z.strictObject({
    accountId: z.guid(),
    orgnr: OrgnrSchema,
    name: z.string().min(1).max(200),
    kommunenummer: z.string().regex(/^\d{4}$/, 'must be a four-digit kommunenummer'),
    naceCode: z.string().regex(/^\d{2}\.\d{1,3}$/, 'must be a NACE code like 86.101'),
  }),
  key: (payload) => payload.orgnr,
});
export type AccountRegistered = PayloadOf<typeof AccountRegisteredEvent>;
