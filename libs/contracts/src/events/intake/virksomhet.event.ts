import { z } from 'zod';

import { defineEvent, type PayloadOf } from '../event-definition';
import { OrgnrSchema } from './sick-note-submission.schema';

/** NAV's sector grouping for statistics: state, municipal (county municipalities included) and private. */
export const SEKTORER = ['STATLIG', 'KOMMUNAL', 'PRIVAT'] as const;
export type Sektor = (typeof SEKTORER)[number];

/** A five-digit NACE (SN2007) code as the register writes it, e.g. '86.101'. */
export const NaeringskodeSchema = z.string().regex(/^\d{2}\.\d{3}$/, 'must be a five-digit NACE code as NN.NNN');

export const KommunenummerSchema = z.string().regex(/^\d{4}$/, 'must be a four-digit kommunenummer');

/**
 * An establishment (underenhet) or enterprise (hovedenhet) as the employer register describes it, each
 * time it is registered, corrected or withdrawn. No name travels: a sole proprietorship's name is a person's.
 */
export const VirksomhetChangedEvent = defineEvent({
  type: 'intake.virksomhet',
  version: 1,
  topic: 'intake.virksomhet.v1',
  payload: z.strictObject({
    orgnr: OrgnrSchema,
    /** The enterprise an underenhet belongs to; null for a hovedenhet itself. */
    hovedenhetOrgnr: OrgnrSchema.nullable(),
    naeringskode: NaeringskodeSchema,
    sektor: z.enum(SEKTORER),
    kommunenummer: KommunenummerSchema,
    /** 1 for a new registration; higher for each correction of it. */
    version: z.int().positive(),
    /** The sending system withdrew it: it no longer counts. */
    cancelled: z.boolean(),
  }),
  key: (payload) => payload.orgnr,
});
export type VirksomhetChanged = PayloadOf<typeof VirksomhetChangedEvent>;
