import { PERIOD_TYPES, SEKTORER, SICK_NOTE_STATUSES } from '@syfo/contracts';
import { addDays, epochDay, fromEpochDay, type LocalDate } from '@syfo/local-date';
import fc from 'fast-check';
import { contributionsOf, type ArbeidsforholdFact, type SickNoteFact, type TilfelleFact } from './dagsverk.calculator';
import { applyArbeidsforhold, applySickNote, applyTilfeller, EMPTY_PERSON_FACTS, type PersonFactsState } from './person-facts.reducer';
import { aggregate, StatisticsLedger, type AggregateRow } from './statistics.aggregator';
import { full, HOVEDENHET_H, HOVEDENHET_J, sickNote, UNIT_A, UNIT_B, UNIT_C, virksomhet, arbeidsforhold, dagsverk, tilfelle } from './statistics.fixtures';
import { applyVirksomhet, type VirksomhetFact, type VirksomhetRegister } from './unit.classifier';

/**
 * "An incremental computation must give exactly what a full recomputation from the raw facts gives." Random
 * sequences of new, corrected, cancelled, stale and redelivered facts are applied one at a time to a ledger (only the
 * touched person is recomputed, register events reclassify the persons they affect) and, after every event, compared
 * with a recomputation of every person from the whole event log.
 */

const WINDOW = { fromQuarter: '2024-Q1', toQuarter: '2024-Q3' };
const PERSONS = ['p1', 'p2', 'p3'] as const;
const UNITS = [UNIT_A, UNIT_B, UNIT_C] as const;

type Event =
  | { readonly kind: 'arbeidsforhold'; readonly person: string; readonly fact: ArbeidsforholdFact }
  | { readonly kind: 'sickNote'; readonly person: string; readonly fact: SickNoteFact }
  | { readonly kind: 'tilfeller'; readonly person: string; readonly tilfeller: readonly TilfelleFact[]; readonly revision: number }
  | { readonly kind: 'virksomhet'; readonly fact: VirksomhetFact };

const date = (from: LocalDate, to: LocalDate) => fc.integer({ min: epochDay(from), max: epochDay(to) }).map(fromEpochDay);
const span = (from: LocalDate, to: LocalDate, maxLength: number) =>
  fc.record({ fom: date(from, to), length: fc.integer({ min: 0, max: maxLength }) }).map(({ fom, length }) => ({ fom, tom: addDays(fom, length) }));

const rarely = fc.constantFrom(false, false, false, true);

const arbeidsforholdEvent = fc
  .record({
    person: fc.constantFrom(...PERSONS),
    arbeidsforholdId: fc.constantFrom('af1', 'af2', 'af3'),
    orgnr: fc.constantFrom(...UNITS),
    stillingsprosent: fc.constantFrom(100, 80, 50, 37.5, 20),
    fom: date('2023-11-01', '2024-08-31'),
    length: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
    cancelled: rarely,
  })
  .map(({ person, length, fom, ...fact }): Event => ({ kind: 'arbeidsforhold', person, fact: { ...fact, fom, tom: length === null ? null : addDays(fom, length) } }));

// Periods cluster around the Q1/Q2 boundary (Easter 2024) so that corrections move days between quarters.
const period = fc
  .record({ dates: span('2024-02-15', '2024-07-10', 25), type: fc.constantFrom(...PERIOD_TYPES), grade: fc.integer({ min: 1, max: 99 }) })
  .map(({ dates, type, grade }): SickNoteFact['periods'][number] => (type === 'GRADED' ? { ...dates, type, grade } : { ...dates, type }));

const sickNoteEvent = fc
  .record({
    person: fc.constantFrom(...PERSONS),
    sickNoteId: fc.constantFrom('n1', 'n2', 'n3'),
    version: fc.integer({ min: 1, max: 4 }),
    orgnr: fc.option(fc.constantFrom(...UNITS), { nil: null, freq: 4 }),
    status: fc.constantFrom(...SICK_NOTE_STATUSES),
    periods: fc.array(period, { minLength: 1, maxLength: 3 }),
    cancelled: rarely,
  })
  .map(({ person, ...fact }): Event => ({ kind: 'sickNote', person, fact }));

const tilfellerEvent = fc
  .record({
    person: fc.constantFrom(...PERSONS),
    revision: fc.integer({ min: 1, max: 8 }),
    spans: fc.array(span('2024-02-01', '2024-07-31', 120), { maxLength: 2 }),
  })
  .map(({ person, revision, spans }): Event => ({ kind: 'tilfeller', person, revision, tilfeller: spans.map(({ fom, tom }) => ({ start: fom, end: tom })) }));

const virksomhetFact = (orgnr: fc.Arbitrary<string>, version: fc.Arbitrary<number>, cancelled: fc.Arbitrary<boolean>) =>
  fc.record({
    orgnr,
    // Mostly under H, so that H's sektor changes reach the underenheter (§7.1: sektor comes from the hovedenhet).
    hovedenhetOrgnr: fc.constantFrom(HOVEDENHET_H, HOVEDENHET_H, HOVEDENHET_J, null),
    naeringskode: fc.constantFrom('86.101', '87.102', '41.200', '62.010'),
    sektor: fc.constantFrom(...SEKTORER),
    kommunenummer: fc.constantFrom('4601', '3201', '3203', '3001', '0301'),
    version,
    cancelled,
  });

// Every log starts with a register, so that later register events correct something.
const initialRegister = fc.tuple(
  ...[...UNITS, HOVEDENHET_H].map((orgnr) => virksomhetFact(fc.constant(orgnr), fc.constant(1), fc.constant(false)).map((fact): Event => ({ kind: 'virksomhet', fact }))),
);

const virksomhetEvent = virksomhetFact(fc.constantFrom(...UNITS, HOVEDENHET_H, HOVEDENHET_H), fc.integer({ min: 1, max: 6 }), rarely).map(
  (fact): Event => ({ kind: 'virksomhet', fact }),
);

const events = fc
  .tuple(
    initialRegister,
    fc.array(fc.oneof(arbeidsforholdEvent, arbeidsforholdEvent, sickNoteEvent, sickNoteEvent, tilfellerEvent, virksomhetEvent), { minLength: 1, maxLength: 25 }),
  )
  .map(([register, rest]) => [...register, ...rest]);

function applyToPerson(state: PersonFactsState, event: Exclude<Event, { kind: 'virksomhet' }>): PersonFactsState {
  switch (event.kind) {
    case 'arbeidsforhold':
      return applyArbeidsforhold(state, event.fact);
    case 'sickNote':
      return applySickNote(state, event.fact);
    case 'tilfeller':
      return applyTilfeller(state, event.tilfeller, event.revision);
  }
}

/** Every person's facts and the register folded from the whole log, then aggregated from scratch. */
function recomputeFromLog(log: readonly Event[]): AggregateRow[] {
  const persons = new Map<string, PersonFactsState>();
  let register: VirksomhetRegister = new Map();
  for (const event of log) {
    if (event.kind === 'virksomhet') register = applyVirksomhet(register, event.fact);
    else persons.set(event.person, applyToPerson(persons.get(event.person) ?? EMPTY_PERSON_FACTS, event));
  }
  return aggregate([...persons.values()].map((facts) => contributionsOf(facts, WINDOW)), register);
}

/** Applies the log one event at a time to a ledger and checks it against a full recomputation after each. */
function replay(log: readonly Event[]): StatisticsLedger {
  const ledger = new StatisticsLedger();
  const persons = new Map<string, PersonFactsState>();
  log.forEach((event, index) => {
    if (event.kind === 'virksomhet') {
      ledger.applyVirksomhet(event.fact);
    } else {
      const facts = applyToPerson(persons.get(event.person) ?? EMPTY_PERSON_FACTS, event);
      persons.set(event.person, facts);
      ledger.replacePerson(event.person, contributionsOf(facts, WINDOW));
    }
    expect(ledger.rows()).toEqual(recomputeFromLog(log.slice(0, index + 1)));
  });
  return ledger;
}

describe('incremental = full recomputation', () => {
  it('holds for any sequence of new, corrected and cancelled facts', () => {
    fc.assert(
      fc.property(events, (log) => {
        replay(log);
      }),
      { numRuns: 200 },
    );
  });

  it('holds when a late correction moves a sick note across the quarter boundary', () => {
    const person = 'p1';
    const log: Event[] = [
      { kind: 'virksomhet', fact: virksomhet(UNIT_A) },
      { kind: 'arbeidsforhold', person, fact: arbeidsforhold(UNIT_A, '2024-01-01') },
      { kind: 'arbeidsforhold', person: 'p2', fact: arbeidsforhold(UNIT_A, '2024-02-01', null, { stillingsprosent: 50 }) },
      { kind: 'sickNote', person, fact: sickNote([full('2024-03-18', '2024-03-27')], { version: 1 }) },
      { kind: 'tilfeller', person, tilfeller: [tilfelle('2024-03-18', '2024-03-27')], revision: 1 },
      // The correction (version 3) arrives before version 2; version 2 then is stale and must change nothing.
      { kind: 'sickNote', person, fact: sickNote([full('2024-04-02', '2024-04-12')], { version: 3 }) },
      { kind: 'sickNote', person, fact: sickNote([full('2024-03-11', '2024-03-27')], { version: 2 }) },
      { kind: 'tilfeller', person, tilfeller: [tilfelle('2024-04-02', '2024-04-12')], revision: 2 },
    ];
    const rows = replay(log).rows();
    const tapte = (quarter: string) => rows.find((row) => row.quarter === quarter && row.level === 'VIRKSOMHET' && row.code === UNIT_A)?.tapte;
    expect(tapte('2024-Q1')).toBe(0n);
    expect(tapte('2024-Q2')).toBe(dagsverk('9')); // Tue 2 – Fri 12 April, Easter Monday excluded
  });
});
