import type { ArbeidsforholdChanged, OppfolgingstilfelleSchema, SickNoteReceived, TilfellerChanged, VirksomhetChanged } from '@syfo/contracts';
import { addDays, epochDay, fromEpochDay, type LocalDate } from '@syfo/local-date';
import { completeOrgnr, completePersonIdent } from '@syfo/norwegian-ids';
import type { z } from 'zod';

/**
 * A deterministic synthetic country for the statistics benchmark: about 2.9 million arbeidsforhold at 200,000
 * underenheter (with their hovedenheter) and a year of legemeldt sick leave, calibrated loosely to the published
 * figures in handbook §11 (a sick-leave percentage around 5–6 %, most tilfeller short, a long tail, a fifth graded).
 * Any part can be generated alone: unit `i` and person `n` depend only on their index, so the set never has to be held
 * in memory and a smaller `scale` is a true subset-shaped country.
 */
export const NATIONAL = { arbeidsforhold: 2_900_000, units: 200_000 } as const;
/** Every 14th person has a second, part-time job at another unit: 2.9 M arbeidsforhold from about 2.7 M persons. */
const SECOND_JOB_EVERY = 14;
const HOVEDENHETER_PER_UNIT = 0.6;

export type VirksomhetPayload = VirksomhetChanged;
export type ArbeidsforholdPayload = ArbeidsforholdChanged;
export type SickNotePayload = SickNoteReceived;
type Tilfelle = z.infer<typeof OppfolgingstilfelleSchema>;

export type StreamEvent =
  | { readonly kind: 'arbeidsforhold'; readonly payload: ArbeidsforholdPayload }
  | { readonly kind: 'sickNote'; readonly payload: SickNotePayload }
  | { readonly kind: 'tilfeller'; readonly payload: TilfellerChanged }
  | { readonly kind: 'virksomhet'; readonly payload: VirksomhetPayload };

/** One person's facts: the events case-intake would publish for them, in the order it would. */
export interface SyntheticPerson {
  readonly personIdent: string;
  readonly arbeidsforhold: readonly ArbeidsforholdPayload[];
  readonly sickNotes: readonly SickNotePayload[];
  readonly tilfeller: readonly Tilfelle[];
}

// Weighted tables: [value, weight].
const FYLKER: readonly (readonly [string, number])[] = [
  ['03', 17], ['11', 9], ['15', 5], ['18', 4], ['31', 5], ['32', 12], ['33', 5], ['34', 6], ['39', 4], ['40', 3], ['42', 6], ['46', 12], ['50', 9], ['55', 3], ['56', 1],
];
/** Næringskoder, with the bransjeprogram's among them so every bransje has units. */
const NAERINGER: readonly (readonly [string, number])[] = [
  ['47.110', 12], ['62.010', 6], ['85.201', 7], ['84.110', 6], ['56.101', 6], ['43.210', 5], ['69.201', 4], ['70.220', 4], ['86.101', 3], ['86.211', 3], ['87.101', 3],
  ['87.102', 2], ['88.911', 4], ['88.101', 3], ['10.110', 2], ['10.710', 2], ['49.100', 1], ['49.311', 1], ['49.410', 3], ['41.200', 5], ['42.110', 2], ['68.209', 3],
  ['52.100', 3], ['64.190', 2], ['46.900', 4],
];
const STILLINGSPROSENT: readonly (readonly [number, number])[] = [[100, 65], [80, 10], [60, 8], [50, 7], [40, 5], [20, 5]];

/** A small, fast, seedable generator (mulberry32); each unit and person gets its own stream. */
class Random {
  private state: number;

  public constructor(seed: number) {
    this.state = seed >>> 0;
  }

  public next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  public int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  public pick<T>(table: readonly (readonly [T, number])[]): T {
    const total = table.reduce((sum, [, weight]) => sum + weight, 0);
    let left = this.next() * total;
    for (const [value, weight] of table) {
      left -= weight;
      if (left < 0) return value;
    }
    return table[table.length - 1]![0];
  }
}

export class StatisticsDataset {
  public readonly units: number;
  public readonly hovedenheter: number;
  public readonly persons: number;
  private readonly orgnrs: string[];
  private readonly yearStart: number;

  /** `scale` in (0, 1]: 1 is the national set. `year`: the year of sick leave. */
  public constructor(
    public readonly scale: number,
    public readonly year: number,
    private readonly seed = 2025,
  ) {
    if (!(scale > 0 && scale <= 1)) throw new RangeError(`scale must be in (0, 1], got ${scale}`);
    this.units = Math.max(10, Math.round(NATIONAL.units * scale));
    this.hovedenheter = Math.ceil(this.units * HOVEDENHETER_PER_UNIT);
    this.persons = Math.round((NATIONAL.arbeidsforhold * scale * SECOND_JOB_EVERY) / (SECOND_JOB_EVERY + 1));
    this.orgnrs = syntheticOrgnrs(this.units + this.hovedenheter);
    this.yearStart = epochDay(`${year}-01-01`);
  }

  public unitOrgnr(i: number): string {
    return this.orgnrs[i]!;
  }

  public hovedenhetOrgnr(h: number): string {
    return this.orgnrs[this.units + h]!;
  }

  /** Underenhet `i` as the register describes it (version 1). */
  public unit(i: number): VirksomhetPayload {
    return { ...this.unitProfile(i), orgnr: this.unitOrgnr(i), hovedenhetOrgnr: this.hovedenhetOrgnr(Math.floor(i * HOVEDENHETER_PER_UNIT)), version: 1, cancelled: false };
  }

  /** The register: every hovedenhet, then every underenhet, as version 1. */
  public *virksomheter(): Generator<VirksomhetPayload> {
    for (let h = 0; h < this.hovedenheter; h += 1) {
      const first = Math.ceil(h / HOVEDENHETER_PER_UNIT);
      yield { ...this.unitProfile(Math.min(first, this.units - 1)), orgnr: this.hovedenhetOrgnr(h), hovedenhetOrgnr: null, version: 1, cancelled: false };
    }
    for (let i = 0; i < this.units; i += 1) yield this.unit(i);
  }

  /**
   * Person `n` (0 ≤ n < persons): their arbeidsforhold, sick notes and tilfeller. Units are drawn with a heavy
   * tail (unit 0 is a hospital-sized employer, most are small), so many units have fewer than five persons.
   */
  public person(n: number): SyntheticPerson {
    const random = new Random(this.seed * 7919 + n * 2654435761);
    const personIdent = personIdentOf(n);
    const mainUnit = this.drawUnit(random);
    const arbeidsforhold = [this.arbeidsforhold(random, n, 0, personIdent, mainUnit, random.pick(STILLINGSPROSENT))];
    if (n % SECOND_JOB_EVERY === SECOND_JOB_EVERY - 1) {
      const second = (mainUnit + 1 + random.int(0, this.units - 2)) % this.units;
      arbeidsforhold.push(this.arbeidsforhold(random, n, 1, personIdent, second, random.pick<number>([[20, 1], [40, 1]])));
    }
    const sickNotes: SickNotePayload[] = [];
    const tilfeller: Tilfelle[] = [];
    const episodes = random.pick<number>([[0, 55], [1, 30], [2, 12], [3, 3]]);
    // Tilfeller may begin in the autumn before, so the first quarter has long ones running into it, as in a real year.
    let notBefore = this.yearStart - 90;
    for (let episode = 0; episode < episodes; episode += 1) {
      const start = notBefore + random.int(0, Math.max(0, this.yearStart + 364 - notBefore) >> (episodes - episode - 1));
      const length = random.pick<[number, number]>([[[1, 16], 62], [[17, 56], 20], [[57, 250], 18]]);
      const end = start + random.int(length[0], length[1]) - 1;
      const grade = random.next() < 0.21 ? random.pick<number>([[50, 3], [40, 1], [60, 1], [80, 1]]) : 100;
      for (let fom = start, note = 0; fom <= end; fom += 14, note += 1) {
        const tom = Math.min(end, fom + 13);
        sickNotes.push({
          sickNoteId: uuidOf(2, n, episode * 64 + note),
          personIdent,
          orgnr: this.unitOrgnr(mainUnit),
          status: 'SENDT',
          issuedOn: fromEpochDay(fom),
          periods: [grade === 100 ? { fom: fromEpochDay(fom), tom: fromEpochDay(tom), type: 'FULL' } : { fom: fromEpochDay(fom), tom: fromEpochDay(tom), type: 'GRADED', grade }],
          receivedAt: `${fromEpochDay(fom)}T08:00:00Z`,
          version: 1,
          cancelled: false,
        });
      }
      tilfeller.push({
        start: fromEpochDay(start),
        end: fromEpochDay(end),
        antallSykedager: end - start + 1,
        virksomhetsnummerList: [this.unitOrgnr(mainUnit)],
        arbeidstakerAtTilfelleEnd: true,
        gradertAtTilfelleEnd: grade < 100,
      });
      notBefore = end + 17; // a new tilfelle needs more than 16 days between (handbook §3.2)
      if (notBefore > this.yearStart + 364) break;
    }
    return { personIdent, arbeidsforhold, sickNotes, tilfeller };
  }

  /**
   * The person's facts in the statistics service's own storage format (stat_person.facts, PersonFactsState in
   * apps/statistics/src/quarterly-statistics/person-facts.reducer.ts): the fields of the events it folds, as it folds
   * them. The benchmark writes them directly instead of sending a country's history through Kafka.
   */
  public storedFacts(person: SyntheticPerson): unknown {
    return {
      arbeidsforhold: person.arbeidsforhold.map(({ arbeidsforholdId, orgnr, stillingsprosent, fom, tom, cancelled }) => ({ arbeidsforholdId, orgnr, stillingsprosent, fom, tom, cancelled })),
      sickNotes: person.sickNotes.map(({ sickNoteId, orgnr, status, periods, version, cancelled }) => ({ sickNoteId, orgnr, status, periods, version, cancelled })),
      tilfeller: person.tilfeller.map(({ start, end }) => ({ start, end })),
      tilfelleRevision: person.tilfeller.length > 0 ? 1 : 0,
    };
  }

  /**
   * A stream of `count` events on top of the stored country, as case-intake would publish them: for each of the
   * first persons, a changed stillingsprosent (mulige in every quarter), a new sick note, its correction a week
   * longer, and the tilfelle list that follows (revision 2); and every hundredth event a small unit moving kommune
   * (its persons reclassified).
   */
  public *incrementalEvents(count: number): Generator<StreamEvent> {
    let emitted = 0;
    for (let n = 0; emitted < count && n < this.persons; n += 1) {
      const person = this.person(n);
      const job = person.arbeidsforhold[0]!;
      const start = this.yearStart + ((n * 37) % 300);
      const noteId = uuidOf(3, n, 0);
      const note = (days: number, version: number): SickNotePayload => ({
        sickNoteId: noteId,
        personIdent: person.personIdent,
        orgnr: job.orgnr,
        status: 'SENDT',
        issuedOn: fromEpochDay(start),
        periods: [{ fom: fromEpochDay(start), tom: fromEpochDay(start + days - 1), type: 'FULL' }],
        receivedAt: `${fromEpochDay(start)}T08:00:00Z`,
        version,
        cancelled: false,
      });
      const tilfelle: Tilfelle = { start: fromEpochDay(start), end: fromEpochDay(start + 20), antallSykedager: 21, virksomhetsnummerList: [job.orgnr], arbeidstakerAtTilfelleEnd: true, gradertAtTilfelleEnd: false };
      const batch: StreamEvent[] = [
        { kind: 'arbeidsforhold', payload: { ...job, stillingsprosent: job.stillingsprosent === 100 ? 80 : 100 } },
        { kind: 'sickNote', payload: note(14, 1) },
        { kind: 'sickNote', payload: note(21, 2) },
        { kind: 'tilfeller', payload: { personIdent: person.personIdent, tilfeller: [...person.tilfeller, tilfelle], recurringAbsence: false, revision: 2, computedAt: `${this.year}-12-31T12:00:00Z` } },
      ];
      for (const event of batch) {
        if (emitted % 100 === 99) {
          const unit = this.unit(this.units - 1 - Math.floor(emitted / 100));
          yield { kind: 'virksomhet', payload: { ...unit, kommunenummer: unit.kommunenummer === '0301' ? '4601' : '0301', version: 2 } };
          emitted += 1;
        }
        if (emitted >= count) return;
        yield event;
        emitted += 1;
      }
    }
  }

  /** Units have an industry, a sector and a kommune; hovedenheter take their first unit's. */
  private unitProfile(i: number): Pick<VirksomhetPayload, 'naeringskode' | 'sektor' | 'kommunenummer'> {
    const random = new Random(this.seed * 104729 + i * 40503);
    const naeringskode = random.pick(NAERINGER);
    const naering = naeringskode.slice(0, 2);
    const sektor = naeringskode === '86.101' ? 'STATLIG' : ['84', '85', '87', '88'].includes(naering) && random.next() < 0.8 ? 'KOMMUNAL' : random.next() < 0.03 ? 'STATLIG' : 'PRIVAT';
    return { naeringskode, sektor, kommunenummer: `${random.pick(FYLKER)}${String(random.int(1, 30)).padStart(2, '0')}` };
  }

  private drawUnit(random: Random): number {
    return Math.min(this.units - 1, Math.floor(this.units * random.next() ** 2.2));
  }

  private arbeidsforhold(random: Random, n: number, index: number, personIdent: string, unit: number, stillingsprosent: number): ArbeidsforholdPayload {
    const starts = random.next();
    const fom = starts < 0.88 ? addDays('2015-01-01', random.int(0, 3500)) : fromEpochDay(this.yearStart + random.int(0, 340));
    const ends = random.next() < 0.1;
    const tom: LocalDate | null = ends ? fromEpochDay(Math.max(epochDay(fom), this.yearStart) + random.int(20, 300)) : null;
    return {
      arbeidsforholdId: uuidOf(1, n, index),
      personIdent,
      orgnr: this.unitOrgnr(unit),
      hovedenhetOrgnr: this.hovedenhetOrgnr(Math.floor(unit * HOVEDENHETER_PER_UNIT)),
      stillingsprosent,
      fom,
      tom,
      cancelled: false,
    };
  }
}

/** Distinct valid organisasjonsnumre from stems 9xxxxxxx, skipping stems without a control digit. */
function syntheticOrgnrs(count: number): string[] {
  const orgnrs: string[] = [];
  for (let stem = 92_000_000; orgnrs.length < count; stem += 1) {
    const orgnr = completeOrgnr(String(stem));
    if (orgnr) orgnrs.push(orgnr);
  }
  return orgnrs;
}

/**
 * A distinct fødselsnummer per n with NAV's synthetic month + 40, so none can be a real person: a birth date from n's
 * low part and a block of twelve individnumre from its high part, taking the first with control digits (all twelve
 * fail for one stem in about 10^9). Fully valid (birth century included) for n below 1.4 million, which covers every
 * person sent as an event; beyond that some individnumre give no century, which stored facts never check.
 */
export function personIdentOf(n: number): string {
  const dates = 28 * 12 * 100;
  const date = n % dates;
  const day = (date % 28) + 1;
  const month = (Math.floor(date / 28) % 12) + 41;
  const year = Math.floor(date / 336);
  const first = Math.floor(n / dates) * 12;
  if (first + 11 > 999) throw new RangeError(`no synthetic person ident for ${n}`);
  for (let individ = first; individ < first + 12; individ += 1) {
    const ident = completePersonIdent(`${pad(day)}${pad(month)}${pad(year)}${String(individ).padStart(3, '0')}`);
    if (ident) return ident;
  }
  throw new RangeError(`no synthetic person ident for ${n}`);
}

/** A UUID-shaped id that says what it is: kind (1 arbeidsforhold, 2 sick note), person, index. */
function uuidOf(kind: number, n: number, index: number): string {
  const hex = (value: number, length: number) => value.toString(16).padStart(length, '0');
  return `${hex(kind, 8)}-0000-4000-8000-${hex(n, 8)}${hex(index, 4)}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
