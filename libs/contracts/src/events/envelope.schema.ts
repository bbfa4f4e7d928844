import { z } from 'zod';

import { RegionSchema } from './region.schema';

/** Every event on every topic travels in this envelope; `payload` is checked by the event's own schema. */
export const EnvelopeSchema = z.strictObject({
  eventId: z.guid(),
  type: z.string().regex(/^[a-z]+(\.[a-z0-9-]+)+$/, 'must be a dotted lower-case event type'),
  version: z.int().positive(),
  occurredAt: z.iso.datetime({ offset: true }),
  region: RegionSchema,
  correlationId: z.string().min(1).max(128),
  payload: z.unknown(),
});
export type Envelope<P = unknown> = Omit<z.infer<typeof EnvelopeSchema>, 'payload'> & { payload: P };
