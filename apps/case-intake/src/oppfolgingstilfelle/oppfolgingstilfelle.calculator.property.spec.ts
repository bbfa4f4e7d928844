import fc from 'fast-check';

import { A, B, C, PERSON, compute } from './bit.fixtures';
import type { Arbeidsforhold, Bit, Tag } from './bit.types';
import { addDays, epochDay } from '@syfo/local-date';

const RUNS = { numRuns: 200 };
const WINDOW_START = '2025-01-01';
const RESSURS_IDS = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8'] as const;
const ARBEIDSFORHOLD: readonly Arbeidsforhold[] = [
  { orgnr: A, fom: '2024-06-01' },
  { orgnr: B, fom: '2025-03-01', tom: '2025-05-01' },
  { orgnr: C, fom: '2025-02-01' },
];

const SYKMELDING_TEMPLATES: readonly (readonly Tag[])[] = [
  ['SYKMELDING', 'SENDT', 'PERIODE', 'INGEN_AKTIVITET'],
  ['SYKMELDING', 'SENDT', 'PERIODE', 'GRADERT_AKTIVITET'],
  ['SYKMELDING', 'SENDT', 'PERIODE', 'GRADERT_AKTIVITET', 'REISETILSKUDD'],
  ['SYKMELDING', 'SENDT', 'PERIODE', 'FULL_AKTIVITET'],
  ['SYKMELDING', 'SENDT', 'PERIODE', 'BEHANDLINGSDAGER'],
  ['SYKMELDING', 'SENDT', 'PERIODE', 'REISETILSKUDD', 'UKJENT_AKTIVITET'],
  ['SYKMELDING', 'SENDT', 'EGENMELDING'],
  ['SYKMELDING', 'BEKREFTET', 'PERIODE', 'INGEN_AKTIVITET'],
  ['SYKMELDING', 'BEKREFTET', 'PERIODE', 'GRADERT_AKTIVITET'],
];
const NY_TEMPLATES: readonly (readonly Tag[])[] = [
  ['SYKMELDING', 'NY', 'PERIODE', 'INGEN_AKTIVITET'],
  ['SYKMELDING', 'NY', 'PERIODE', 'GRADERT_AKTIVITET'],
  ['SYKMELDING', 'NY', 'PERIODE', 'BEHANDLINGSDAGER'],
];
const OTHER_TEMPLATES: readonly (readonly Tag[])[] = [
  ['SYKEPENGESOKNAD', 'SENDT'],
  ['SYKEPENGESOKNAD', 'SENDT', 'FERIE'],
  ['SYKEPENGESOKNAD', 'SENDT', 'PERMISJON'],
  ['SYKEPENGESOKNAD', 'SENDT', 'ARBEID_GJENNOPPTATT'],
  ['SYKEPENGESOKNAD', 'SENDT', 'EGENMELDING'],
  ['SYKEPENGESOKNAD', 'SENDT', 'BEHANDLINGSDAG'],
  ['SYKEPENGESOKNAD', 'SENDT', 'BEHANDLINGSDAGER'],
  ['SYKEPENGESOKNAD', 'SENDT', 'KORRIGERT_ARBEIDSTID', 'FULL_AKTIVITET'],
  ['SYKEPENGESOKNAD', 'SENDT', 'UTDANNING'],
  ['INNTEKTSMELDING', 'ARBEIDSGIVERPERIODE'],
  ['SYKMELDING', 'AVBRUTT'],
];

const ALL_TEMPLATES = [...SYKMELDING_TEMPLATES, ...NY_TEMPLATES, ...OTHER_TEMPLATES];

/** Pairs of equal rank where one is a working bit and the other is not, so that tie-breaks decide something. */
const TIE_TEMPLATES: readonly (readonly Tag[])[] = [
  ['SYKMELDING', 'SENDT', 'PERIODE', 'GRADERT_AKTIVITET'],
  ['SYKMELDING', 'SENDT', 'PERIODE', 'GRADERT_AKTIVITET', 'REISETILSKUDD'],
  ['SYKEPENGESOKNAD', 'SENDT', 'BEHANDLINGSDAG'],
  ['SYKEPENGESOKNAD', 'SENDT', 'BEHANDLINGSDAG', 'BEHANDLINGSDAGER'],
];

interface Shape {
  readonly templates: readonly (readonly Tag[])[];
  readonly ressursIds: readonly string[];
  /** Documents a bit may correct (none: no corrections). */
  readonly corrects: readonly string[];
  /** Bits start within this many days of 2025-01-01. */
  readonly days: number;
  /** inntruffet falls within this many minutes. */
  readonly minutes: number;
}

/**
 * Realistic bits: up to 30 days long, three employers (sometimes none), few documents so that corrections,
 * shared sykmeldinger and AVBRUTT hit each other, and inntruffet close together (in two notations of the same
 * instant) so that ties of rank and time occur.
 */
function bitArb({ templates, ressursIds, corrects, days, minutes }: Shape) {
  return fc
    .record({
      tags: fc.constantFrom(...templates),
      start: fc.integer({ min: 0, max: days }),
      length: fc.integer({ min: 0, max: 30 }),
      orgnr: fc.option(fc.constantFrom(A, B, C), { nil: undefined, freq: 6 }),
      minute: fc.integer({ min: 0, max: minutes }),
      offsetNotation: fc.boolean(),
      ressursId: fc.constantFrom(...ressursIds),
      korrigerer:
        corrects.length > 0
          ? fc.option(fc.constantFrom(...corrects), { nil: undefined, freq: 5 })
          : fc.constant(undefined),
    })
    .map(({ tags, start, length, orgnr, minute, offsetNotation, ressursId, korrigerer }) => {
      const instant = Date.UTC(2025, 8, 1, 12, minute);
      const inntruffet = offsetNotation
        ? new Date(instant + 3_600_000).toISOString().replace('Z', '+01:00')
        : new Date(instant).toISOString();
      const fom = addDays(WINDOW_START, start);
      return { personId: PERSON, orgnr, inntruffet, tags, ressursId, fom, tom: addDays(fom, length), korrigerer };
    });
}

const withUuids = (prefix: string) => (bits: readonly Omit<Bit, 'uuid'>[]) =>
  bits.map((bit, index): Bit => ({ uuid: `${prefix}${index}`, ...bit }));

const REALISTIC: Shape = {
  templates: ALL_TEMPLATES,
  ressursIds: RESSURS_IDS,
  corrects: RESSURS_IDS,
  days: 200,
  minutes: 8,
};
const bitsArb = fc.array(bitArb(REALISTIC), { maxLength: 20 }).map(withUuids('u'));
/** Crowded: equal-rank bits with opposite effects at the same instant on the same days. */
const CROWDED: Shape = { templates: TIE_TEMPLATES, ressursIds: ['r1', 'r2'], corrects: [], days: 20, minutes: 1 };
const crowdedBitsArb = fc.array(bitArb(CROWDED), { maxLength: 12 }).map(withUuids('u'));

const optionsArb = fc.record({
  arbeidsforhold: fc.subarray([...ARBEIDSFORHOLD]),
  tombstonedRessursIds: fc.subarray([...RESSURS_IDS], { maxLength: 2 }).map((ids) => new Set<string>(ids)),
});

const permutation = <T>(items: readonly T[]) =>
  fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });

describe('calculator properties', () => {
  it('does not depend on the order of bits or arbeidsforhold', () => {
    fc.assert(
      fc.property(
        fc.oneof(bitsArb, crowdedBitsArb).chain((bits) => fc.tuple(fc.constant(bits), permutation(bits))),
        optionsArb.chain((options) => fc.tuple(fc.constant(options), permutation(options.arbeidsforhold))),
        ([bits, shuffled], [options, shuffledArbeidsforhold]) => {
          const reordered = compute(shuffled, { ...options, arbeidsforhold: shuffledArbeidsforhold });
          expect(reordered).toEqual(compute(bits, options));
        },
      ),
      RUNS,
    );
  });

  it('is idempotent: repeating bits (same uuid) changes nothing', () => {
    fc.assert(
      fc.property(
        bitsArb.chain((bits) =>
          fc.tuple(
            fc.constant(bits),
            fc
              .subarray(bits)
              .chain((repeated) => permutation([...bits, ...repeated.map((bit) => ({ ...bit, tags: [...bit.tags] }))])),
          ),
        ),
        optionsArb,
        ([bits, withRepeats], options) => {
          expect(compute(withRepeats, options)).toEqual(compute(bits, options));
        },
      ),
      RUNS,
    );
  });

  describe('cancelling a note undoes exactly that note', () => {
    it('tombstone: computing with note X and tombstoning X equals computing without X', () => {
      let noteMattered = 0;
      const noteArb = fc
        .array(bitArb({ ...REALISTIC, ressursIds: ['X'] }), { minLength: 1, maxLength: 3 })
        .map(withUuids('x'));
      fc.assert(
        fc.property(bitsArb, noteArb, optionsArb, (bits, note, options) => {
          const without = compute(bits, options);
          if (JSON.stringify(compute([...bits, ...note], options)) !== JSON.stringify(without)) noteMattered += 1;
          const tombstonedRessursIds = new Set([...options.tombstonedRessursIds, 'X']);
          expect(compute([...bits, ...note], { ...options, tombstonedRessursIds })).toEqual(without);
        }),
        RUNS,
      );
      // Guards against a vacuous pass: the generated notes usually change the result.
      expect(noteMattered).toBeGreaterThan(RUNS.numRuns / 4);
    });

    it('AVBRUTT: a NY note X plus its AVBRUTT status equals computing without X', () => {
      let noteMattered = 0;
      const noteArb = fc
        .array(bitArb({ ...REALISTIC, templates: NY_TEMPLATES, ressursIds: ['X'], corrects: [] }), {
          minLength: 1,
          maxLength: 3,
        })
        .map(withUuids('x'));
      fc.assert(
        fc.property(bitsArb, noteArb, optionsArb, (bits, note, options) => {
          const without = compute(bits, options);
          if (JSON.stringify(compute([...bits, ...note], options)) !== JSON.stringify(without)) noteMattered += 1;
          const status: Bit = { ...note[0], uuid: 'x-avbrutt', tags: ['SYKMELDING', 'AVBRUTT'], orgnr: undefined };
          expect(compute([...bits, ...note, status], options)).toEqual(without);
        }),
        RUNS,
      );
      expect(noteMattered).toBeGreaterThan(RUNS.numRuns / 4);
    });
  });

  it('yields ordered tilfeller, each within its span and at least 16 days after the previous one', () => {
    fc.assert(
      fc.property(bitsArb, optionsArb, (bits, options) => {
        let previousEnd: number | undefined;
        for (const { start, end, antallSykedager } of compute(bits, options)) {
          const [first, last] = [epochDay(start), epochDay(end)];
          expect(antallSykedager).toBeGreaterThanOrEqual(1);
          expect(antallSykedager).toBeLessThanOrEqual(last - first + 1);
          if (previousEnd !== undefined) expect(first - previousEnd).toBeGreaterThan(16);
          previousEnd = last;
        }
      }),
      RUNS,
    );
  });
});
