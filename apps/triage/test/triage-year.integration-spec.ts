import type { MilestoneChanged } from '@syfo/contracts';
import { addDays, type LocalDate } from '@syfo/local-date';
import { syntheticOrgnr, syntheticPersonIdent, TEST_PORT_OFFSETS } from '@syfo/testing';

import { computeMilestones } from '../src/milestones/milestone.calculator';
import { resolveMilestoneProfile } from '../src/milestones/milestone-profile.config';
import type { TilfelleFacts } from '../src/milestones/milestone.types';
import { tilfelle, TriageHarness } from './triage.harness';

jest.setTimeout(900_000);

const YEAR_START = '2025-01-01';
const RESTART_ON = '2025-06-30';
const YEAR_END = '2025-12-31';
const triage = new TriageHarness('triage-year-it', 'vest-viken', TEST_PORT_OFFSETS.triageYear, YEAR_START);
const A = [syntheticOrgnr(11)];

/** What case-intake tells triage, and on which simulated day it says it. */
interface Delivery {
  readonly on: LocalDate;
  readonly personIdent: string;
  readonly tilfeller: readonly TilfelleFacts[];
}

const person = (n: number) => syntheticPersonIdent(9100 + n);
const DELIVERIES: readonly Delivery[] = [
  // Sick the whole year: every milestone of the timeline, DM2 and the 39-week letter included.
  { on: '2025-01-08', personIdent: person(1), tilfeller: [tilfelle('2025-01-06', '2025-12-31', A)] },
  // Graded at the end: aktivitetskrav is met automatically and never fires.
  { on: '2025-02-03', personIdent: person(2), tilfeller: [tilfelle('2025-02-03', '2025-06-30', A, { gradertAtTilfelleEnd: true })] },
  // No employer: NAV's own 12-week follow-up, none of the employer's milestones.
  { on: '2025-03-03', personIdent: person(3), tilfeller: [tilfelle('2025-03-03', '2025-07-31', [])] },
  // Short: over before most milestones.
  { on: '2025-03-10', personIdent: person(4), tilfeller: [tilfelle('2025-03-10', '2025-04-06', A)] },
  // Cancelled after five weeks: what was still open becomes not applicable; nothing fires later.
  { on: '2025-04-07', personIdent: person(5), tilfeller: [tilfelle('2025-04-07', '2025-08-31', A)] },
  { on: '2025-05-12', personIdent: person(5), tilfeller: [] },
  // Extended twice, once across the restart: milestones the short version never reached fire once, late.
  { on: '2025-05-05', personIdent: person(6), tilfeller: [tilfelle('2025-05-05', '2025-06-01', A)] },
  { on: '2025-06-10', personIdent: person(6), tilfeller: [tilfelle('2025-05-05', '2025-07-13', A)] },
  { on: '2025-07-20', personIdent: person(6), tilfeller: [tilfelle('2025-05-05', '2025-11-30', A)] },
  // A second tilfelle after a first one ended: both followed in turn.
  { on: '2025-01-20', personIdent: person(7), tilfeller: [tilfelle('2025-01-20', '2025-04-20', A)] },
  { on: '2025-09-01', personIdent: person(7), tilfeller: [tilfelle('2025-01-20', '2025-04-20', A), tilfelle('2025-09-01', '2025-12-20', A)] },
];

let events: MilestoneChanged[] = [];

beforeAll(async () => {
  await triage.start();
  for (let day = YEAR_START; day <= YEAR_END; day = addDays(day, 1)) {
    // Killed mid-year with nothing flushed; the schedule is in PostgreSQL, so the new process carries on.
    if (day === RESTART_ON) await triage.restart(day);
    await triage.day(day);
    for (const delivery of DELIVERIES.filter((candidate) => candidate.on === day)) await triage.tilfeller(delivery.personIdent, delivery.tilfeller, day);
    await triage.day(day);
  }
  events = await triage.published<MilestoneChanged>('triage.milestone.v1');
});

afterAll(() => triage.stop());

const FIRED = new Set(['DUE', 'OVERDUE']);
const key = (event: Pick<MilestoneChanged, 'personIdent' | 'tilfelleStart' | 'milestone'>) => `${event.personIdent} ${event.tilfelleStart} ${event.milestone}`;

describe('a year of simulated time over real Kafka and PostgreSQL, with a SIGKILL in the middle', () => {
  it('publishes each state change once: no milestone fires twice, none repeats a transition', () => {
    expect(events.length).toBeGreaterThan(50);
    const firings = new Map<string, number>();
    const transitions = new Set<string>();
    for (const event of events) {
      const transition = `${key(event)} ${event.previousState}->${event.state}`;
      expect(transitions.has(transition)).toBe(false);
      transitions.add(transition);
      if (FIRED.has(event.state) && !FIRED.has(event.previousState ?? 'UPCOMING')) firings.set(key(event), (firings.get(key(event)) ?? 0) + 1);
    }
    expect([...firings.values()].every((count) => count === 1)).toBe(true);
  });

  it('fires every milestone the final facts say is due, on its day or on the day the facts made it reachable', () => {
    const profile = resolveMilestoneProfile('vest-viken@1');
    const checked: string[] = [];
    for (const personIdent of new Set(DELIVERIES.map((delivery) => delivery.personIdent))) {
      const deliveries = DELIVERIES.filter((delivery) => delivery.personIdent === personIdent);
      const final = deliveries.at(-1)!;
      for (const followed of final.tilfeller) {
        const followedUntil = final.tilfeller.find((later) => later.start > followed.start)?.start ?? YEAR_END;
        for (const milestone of computeMilestones({ tilfelle: followed, completions: [], exemptions: [], maksdato: null }, profile, addDays(followedUntil, -1))) {
          if (!FIRED.has(milestone.state)) continue;
          // It fires on its day, or on the first day triage knew a version of the tilfelle that reaches it.
          const known = deliveries.find((delivery) =>
            delivery.tilfeller.some(
              (version) =>
                version.start === followed.start &&
                computeMilestones({ tilfelle: version, completions: [], exemptions: [], maksdato: null }, profile, delivery.on).find((m) => m.type === milestone.type)?.state !== 'NOT_APPLICABLE',
            ),
          )!.on;
          const firing = events.find((event) => key(event) === key({ personIdent, tilfelleStart: followed.start, milestone: milestone.type }) && FIRED.has(event.state));
          const expected = `${personIdent} ${milestone.type} fired on ${milestone.dueFrom >= known ? milestone.dueFrom : known}`;
          checked.push(expected);
          expect(firing ? `${personIdent} ${milestone.type} fired on ${firing.changedOn}` : `${personIdent} ${milestone.type} never fired`).toBe(expected);
        }
      }
    }
    expect(checked.length).toBeGreaterThanOrEqual(30);
  });

  it('never fires what a cancellation withdrew, and marks what was open not applicable', () => {
    const afterCancel = events.filter((event) => event.personIdent === person(5) && event.changedOn >= '2025-05-12');
    expect(afterCancel.length).toBeGreaterThan(0);
    expect(afterCancel.every((event) => event.state === 'NOT_APPLICABLE' && event.stateReason === 'TILFELLE_CANCELLED')).toBe(true);
  });

  it('meets aktivitetskrav automatically for a graded tilfelle, and follows up a person without an employer', () => {
    const graded = events.filter((event) => event.personIdent === person(2) && event.milestone === 'AKTIVITETSKRAV');
    expect(graded.map((event) => event.state)).toEqual(['DONE']);
    const noEmployer = events.filter((event) => event.personIdent === person(3));
    expect(noEmployer.some((event) => event.milestone === 'NO_EMPLOYER_FOLLOW_UP' && event.state === 'DUE')).toBe(true);
    expect(noEmployer.some((event) => event.milestone === 'OPPFOLGINGSPLAN' && FIRED.has(event.state))).toBe(false);
  });

  it('leaves no schedule behind: no person is due and no milestone left UPCOMING with a date already past', async () => {
    const stale = await triage.sql(`SELECT count(*)::int AS n FROM triage.milestone WHERE state = 'UPCOMING' AND due_from <= $1`, [YEAR_END]);
    expect(stale[0]!['n']).toBe(0);
  });
});
