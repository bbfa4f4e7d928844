import { z } from 'zod';

/** A calendar date in Europe/Oslo with no time of day, as 'YYYY-MM-DD'. */
export const LocalDateSchema = z.iso.date({ error: 'must be a date as YYYY-MM-DD' });
export type LocalDate = z.infer<typeof LocalDateSchema>;
