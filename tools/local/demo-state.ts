import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

import { RegionSchema } from '@syfo/contracts';
import { addDays, maxDate, minDate, parseLocalDate, type LocalDate } from '@syfo/local-date';
import { z } from 'zod';

import { laterInstant, replayInstant } from './demo-clock';
import type { DemoSettings } from './demo-settings';

/** Fixed, so every start generates the same people and documents, and resubmits arrive as duplicates. */
export const DEMO_SEED = 1;

const Day = z.iso.date();
const StateSchema = z.object({
  /** The database the demo lives in, by OID: one dropped and created again is another database. */
  databaseOid: z.int(),
  simulation: z.object({ seed: z.int(), area: RegionSchema, scale: z.number(), firstYear: z.int(), lastYear: z.int() }),
  /** The last day replayed to its end, or lived through live. */
  replayedThrough: Day.nullable(),
  /** Where the services' clocks were last moved. */
  clockAt: z.iso.datetime(),
  /** Live sick notes sent on `day`: a restart the same day numbers on from there. */
  live: z.object({ day: Day, notes: z.int() }),
  /** What the example calls show. */
  showcase: z.object({ firstDay: Day, personIdent: z.string().optional(), orgnr: z.string().optional() }),
});

/** What a demo leaves for the next start, written after every replayed day and every live tick. */
export type DemoState = z.infer<typeof StateSchema>;
export type Showcase = DemoState['showcase'];
/** The simulator's options, for one region. */
export type DemoSimulation = DemoState['simulation'];

export interface RunPlan {
  readonly simulation: DemoSimulation;
  /** The first day of the replay window. */
  readonly firstDay: LocalDate;
  /** The first day replayed one by one: the window's first, or the day after a previous run stopped. */
  readonly resumeDay: LocalDate;
  readonly clockStart: string;
  /** Live sick notes already sent today. */
  readonly liveNotes: number;
}

/**
 * What this start does, given what an earlier one left in the same database. The services' clocks
 * live in memory, but what they did with them is stored, so a restart carries on where the last run
 * stopped rather than starting the clocks over: every document before the resume day is sent again
 * (duplicates change nothing, and a day cut short by Ctrl+C is completed), and the clocks start no
 * earlier than where they were last. A population made with other settings is another population
 * under the same source ids, so the start is refused rather than mixing the two.
 */
export function planRun(previous: DemoState | undefined, settings: DemoSettings, databaseOid: number, now: Date, today: LocalDate): RunPlan {
  const firstDay = addDays(today, -settings.historyDays);
  const yearOf = (day: LocalDate) => parseLocalDate(day).year;
  // The simulator keeps whole episodes that reach into firstYear, and a year past today feeds the live phase.
  const wanted: DemoSimulation = { seed: DEMO_SEED, area: settings.region, scale: settings.scale, firstYear: yearOf(firstDay), lastYear: yearOf(today) + 1 };
  if (!previous || previous.databaseOid !== databaseOid) return { simulation: wanted, firstDay, resumeDay: firstDay, clockStart: replayInstant(firstDay), liveNotes: 0 };
  const held = previous.simulation;
  if (held.area !== wanted.area || held.scale !== wanted.scale || held.firstYear > wanted.firstYear || held.lastYear < yearOf(today)) {
    throw new RangeError(
      `the database holds a demo of ${held.area} at scale ${held.scale} for ${held.firstYear}–${held.lastYear}, and these settings need ${wanted.area} at scale ${wanted.scale} ` +
        `from ${wanted.firstYear} to ${yearOf(today)}. Start with the demo's settings, or drop the database to begin afresh.`,
    );
  }
  const resumeDay = previous.replayedThrough ? minDate(today, maxDate(firstDay, addDays(previous.replayedThrough, 1))) : firstDay;
  const start = resumeDay < today ? replayInstant(resumeDay) : now.toISOString();
  return { simulation: held, firstDay, resumeDay, clockStart: laterInstant(previous.clockAt, start), liveNotes: previous.live.day === today ? previous.live.notes : 0 };
}

/** The saved state, or undefined when there is none or it cannot be read (then the demo starts from the window's first day). */
export function readState(path: string): DemoState | undefined {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
  const parsed = StateSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

/** Written whole, then renamed: a Ctrl+C mid-write leaves the previous state, never half of one. */
export function writeState(path: string, state: DemoState): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.tmp`, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(`${path}.tmp`, path);
}
