import type { Arbeidsforhold, Bit, Oppfolgingstilfelle, Tag } from './bit.types';
import { epochDay, fromEpochDay, type LocalDate } from '@syfo/local-date';
import { precedenceRank } from './precedence.constant';

export interface OppfolgingstilfelleOptions {
  /** Go-live date: NY sykmelding bits whose fom is before it are ignored (§3.2 step 1). */
  readonly cutoff: LocalDate;
  /** The person's employments, used only to give NY bits an orgnr (§3.5). */
  readonly arbeidsforhold?: readonly Arbeidsforhold[];
  /** Documents deleted upstream (Kafka tombstones); all their bits are removed (§3.2 step 2c). */
  readonly tombstonedRessursIds?: ReadonlySet<string>;
}

/** §3.2 step 6: this many non-sick days in a row end a tilfelle. */
const DAYS_WITHOUT_SICKNESS_ENDING_TILFELLE = 16;

/** An ISO-8601 instant with an explicit offset, so parsing never falls back to the host time zone. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

interface ParsedBit {
  readonly source: Bit;
  readonly tags: ReadonlySet<Tag>;
  readonly fom: number;
  readonly tom: number;
  readonly inntruffet: number;
}

/** A bit that takes part in steps 3–7: it survived steps 1–2, has its final orgnr and matches a precedence rule. */
interface RankedBit {
  readonly uuid: string;
  readonly ressursId: string;
  readonly orgnr: string | undefined;
  readonly tags: ReadonlySet<Tag>;
  readonly fom: number;
  readonly tom: number;
  readonly inntruffet: number;
  readonly rank: number;
}

interface ParsedArbeidsforhold {
  readonly orgnr: string;
  readonly fom: number;
  readonly tom: number | undefined;
}

/** A counted day of a tilfelle with its covering bits in precedence order (never empty). */
interface CountedDay {
  readonly day: number;
  readonly bits: readonly RankedBit[];
}

/**
 * Derives a person's oppfølgingstilfeller from their bits (handbook §3.2 steps 1–7, §3.5), oldest first.
 * Pure and deterministic: the result does not depend on the order of `bits` or `arbeidsforhold`.
 */
export function computeOppfolgingstilfeller(
  bits: readonly Bit[],
  options: OppfolgingstilfelleOptions,
): Oppfolgingstilfelle[] {
  assertSinglePerson(bits);
  const parsed = bits.map(parseBit);
  // AVBRUTT is a status of a sykmelding, not a day fragment: read it from every bit, before the orgnr filter.
  const avbrutt = new Set(parsed.filter(isAvbruttStatus).map((bit) => bit.source.ressursId));
  const cutoff = epochDay(options.cutoff);
  const accepted = intake(parsed.filter((bit) => !isAvbruttStatus(bit)), cutoff);
  const live = removeSuperseded(accepted, avbrutt, options.tombstonedRessursIds ?? new Set());
  const arbeidsforhold = parseArbeidsforhold(options.arbeidsforhold ?? []);
  const ranked = live.flatMap((bit) => {
    const rank = precedenceRank(bit.tags);
    // §3.5: tags matching no precedence rule are ignored entirely.
    return rank === undefined ? [] : [toRankedBit(bit, rank, arbeidsforhold)];
  });
  return scan(ranked);
}

function assertSinglePerson(bits: readonly Bit[]): void {
  const personIds = new Set(bits.map((bit) => bit.personId));
  if (personIds.size > 1) throw new Error(`Bits of ${personIds.size} persons given; tilfeller are per person`);
}

function parseBit(bit: Bit): ParsedBit {
  const inntruffet = ISO_INSTANT.test(bit.inntruffet) ? Date.parse(bit.inntruffet) : Number.NaN;
  if (Number.isNaN(inntruffet)) {
    throw new RangeError(`Bit ${bit.uuid}: inntruffet is not an ISO instant: '${bit.inntruffet}'`);
  }
  return { source: bit, tags: new Set(bit.tags), fom: epochDay(bit.fom), tom: epochDay(bit.tom), inntruffet };
}

function parseArbeidsforhold(arbeidsforhold: readonly Arbeidsforhold[]): ParsedArbeidsforhold[] {
  return arbeidsforhold
    .map(({ orgnr, fom, tom }) => ({ orgnr, fom: epochDay(fom), tom: tom === undefined ? undefined : epochDay(tom) }))
    .sort((a, b) => compareCodeUnits(a.orgnr, b.orgnr));
}

const isSykmelding = (bit: { readonly tags: ReadonlySet<Tag> }): boolean => bit.tags.has('SYKMELDING');
const isNy = (bit: { readonly tags: ReadonlySet<Tag> }): boolean => isSykmelding(bit) && bit.tags.has('NY');
const isAvbruttStatus = (bit: ParsedBit): boolean => isSykmelding(bit) && bit.tags.has('AVBRUTT');

/** §3.2 step 1 with §3.5's orgnr rule. */
function intake(bits: readonly ParsedBit[], cutoff: number): ParsedBit[] {
  // §3.5: without an orgnr only BEKREFTET and NY sykmeldinger count (a søknad or inntektsmelding never does).
  const relevant = bits.filter(
    (bit) => bit.source.orgnr !== undefined || (isSykmelding(bit) && bit.tags.has('BEKREFTET')) || isNy(bit),
  );
  const unique = dedupeByUuid(relevant);
  // Over the whole set rather than "already received", so the outcome does not depend on arrival order.
  const sentSykmeldinger = new Set(
    unique
      .filter((bit) => isSykmelding(bit) && (bit.tags.has('SENDT') || bit.tags.has('BEKREFTET')))
      .map((bit) => bit.source.ressursId),
  );
  return unique.filter((bit) => !isNy(bit) || (bit.fom >= cutoff && !sentSykmeldinger.has(bit.source.ressursId)));
}

/**
 * NAV keeps the first copy of a uuid to arrive. Without arrival order the earliest event stands in for it,
 * and a canonical form settles the rest, so the kept copy never depends on input order.
 */
function dedupeByUuid(bits: readonly ParsedBit[]): ParsedBit[] {
  const byUuid = new Map<string, ParsedBit>();
  for (const bit of bits) {
    const kept = byUuid.get(bit.source.uuid);
    if (
      kept === undefined ||
      bit.inntruffet < kept.inntruffet ||
      (bit.inntruffet === kept.inntruffet && compareCodeUnits(canonical(bit), canonical(kept)) < 0)
    ) {
      byUuid.set(bit.source.uuid, bit);
    }
  }
  return [...byUuid.values()];
}

function canonical({ source, tags }: ParsedBit): string {
  const { personId, orgnr, inntruffet, ressursId, fom, tom, korrigerer } = source;
  const fields = [personId, orgnr ?? null, inntruffet, [...tags].sort(), ressursId, fom, tom, korrigerer ?? null];
  return JSON.stringify(fields);
}

/** §3.2 step 2. */
function removeSuperseded(
  bits: readonly ParsedBit[],
  avbrutt: ReadonlySet<string>,
  tombstoned: ReadonlySet<string>,
): ParsedBit[] {
  // Tombstones first: a deleted correction must stop superseding the søknad it corrected, so deleting a
  // document always gives the same result as never having received it.
  const existing = bits.filter((bit) => !tombstoned.has(bit.source.ressursId));
  // §3.5 correction chains: every version some bit corrects is dropped, not only the one the newest corrects.
  const corrected = new Set(existing.flatMap((bit) => bit.source.korrigerer ?? []));
  return existing.filter(
    (bit) => !corrected.has(bit.source.ressursId) && !(isNy(bit) && avbrutt.has(bit.source.ressursId)),
  );
}

function toRankedBit(bit: ParsedBit, rank: number, arbeidsforhold: readonly ParsedArbeidsforhold[]): RankedBit {
  const { uuid, ressursId, orgnr } = bit.source;
  return {
    uuid,
    ressursId,
    orgnr: isNy(bit) ? nyOrgnr(bit, arbeidsforhold) : orgnr,
    tags: bit.tags,
    fom: bit.fom,
    tom: bit.tom,
    inntruffet: bit.inntruffet,
    rank,
  };
}

/**
 * §3.5: a NY note belongs to the employment that started before its tom and has no end or ends after it
 * (both strict, as NAV); without one it has no orgnr. Several matches: the lowest orgnr, for determinism.
 */
function nyOrgnr(bit: ParsedBit, arbeidsforhold: readonly ParsedArbeidsforhold[]): string | undefined {
  return arbeidsforhold.find(({ fom, tom }) => fom < bit.tom && (tom === undefined || tom > bit.tom))?.orgnr;
}

/** Step 4's order: rank, then newest inntruffet, then (§3.5 ties) ressursId and uuid. */
function byPrecedence(a: RankedBit, b: RankedBit): number {
  return (
    a.rank - b.rank ||
    b.inntruffet - a.inntruffet ||
    compareCodeUnits(a.ressursId, b.ressursId) ||
    compareCodeUnits(a.uuid, b.uuid)
  );
}

/** Locale-independent string order. */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Steps 3–7. */
function scan(bits: readonly RankedBit[]): Oppfolgingstilfelle[] {
  if (bits.length === 0) return [];
  // Days outside every ranked bit can only be arbeidsdager, and leading or trailing arbeidsdager change
  // nothing, so the timeline of step 3 may start at the first ranked fom and end at the last ranked tom.
  const first = Math.min(...bits.map((bit) => bit.fom));
  const last = Math.max(...bits.map((bit) => bit.tom));
  // Bucket each bit into the days it covers once, in precedence order: each bucket is then already sorted.
  const buckets: RankedBit[][] = Array.from({ length: Math.max(0, last - first + 1) }, () => []);
  for (const bit of [...bits].sort(byPrecedence)) {
    for (let day = bit.fom; day <= bit.tom; day++) buckets[day - first].push(bit);
  }
  // Step 5: the employers are the orgnr on the person's non-NY bits.
  const employers = new Set(bits.flatMap((bit) => (!isNy(bit) && bit.orgnr !== undefined ? [bit.orgnr] : [])));

  const tilfeller: Oppfolgingstilfelle[] = [];
  let counted: CountedDay[] = [];
  let daysWithoutSickness = 0;
  for (const [index, dayBits] of buckets.entries()) {
    const day = first + index;
    if (dayBits.length === 0 || isArbeidsdag(dayBits, employers)) {
      daysWithoutSickness += 1;
    } else if (isFeriedag(dayBits[0])) {
      // A holiday after a working day lengthens the gap; straight after sickness it lengthens the tilfelle.
      if (daysWithoutSickness > 0) daysWithoutSickness += 1;
      else if (counted.length > 0) counted.push({ day, bits: dayBits });
    } else {
      counted.push({ day, bits: dayBits });
      daysWithoutSickness = 0;
    }
    if (daysWithoutSickness >= DAYS_WITHOUT_SICKNESS_ENDING_TILFELLE && counted.length > 0) {
      tilfeller.push(toTilfelle(counted));
      counted = [];
      daysWithoutSickness = 0;
    }
  }
  if (counted.length > 0) tilfeller.push(toTilfelle(counted));
  return tilfeller;
}

/**
 * Step 5 arbeidsdag. If any employer has a covering bit, every employer's own top bit must be working
 * (sick at one employer outweighs working at another); otherwise the day's overall winner decides.
 */
function isArbeidsdag(dayBits: readonly RankedBit[], employers: ReadonlySet<string>): boolean {
  const decided = new Set<string>();
  for (const bit of dayBits) {
    if (bit.orgnr === undefined || !employers.has(bit.orgnr) || decided.has(bit.orgnr)) continue;
    if (!isWorkingBit(bit.tags)) return false;
    decided.add(bit.orgnr);
  }
  return decided.size > 0 || isWorkingBit(dayBits[0].tags);
}

/** Step 5 working bit. §3.5: SØK+KORRIGERT_ARBEIDSTID+FULL_AKTIVITET is not one (only SM+PERIODE+FULL_AKTIVITET). */
function isWorkingBit(tags: ReadonlySet<Tag>): boolean {
  const sykmelding = tags.has('SYKMELDING');
  const soknad = tags.has('SYKEPENGESOKNAD');
  return (
    (sykmelding && tags.has('PERIODE') && tags.has('FULL_AKTIVITET')) ||
    (soknad && (tags.has('ARBEID_GJENNOPPTATT') || tags.has('BEHANDLINGSDAGER'))) ||
    (sykmelding && (tags.has('BEHANDLINGSDAGER') || tags.has('REISETILSKUDD')))
  );
}

function isFeriedag(winner: RankedBit): boolean {
  return winner.tags.has('SYKEPENGESOKNAD') && (winner.tags.has('FERIE') || winner.tags.has('PERMISJON'));
}

/** §3.5 grading bit: the top bit on the last day that says anything about grading (a holiday bit does not). */
const GRADERING_TAGS: readonly Tag[] = [
  'GRADERT_AKTIVITET',
  'INGEN_AKTIVITET',
  'FULL_AKTIVITET',
  'BEHANDLINGSDAG',
  'BEHANDLINGSDAGER',
];
const GRADERT_TAGS: readonly Tag[] = ['GRADERT_AKTIVITET', 'FULL_AKTIVITET', 'BEHANDLINGSDAG', 'BEHANDLINGSDAGER'];

/** Step 7 with §3.5's refinements; every input is a counted day. */
function toTilfelle(days: readonly CountedDay[]): Oppfolgingstilfelle {
  const lastDay = days[days.length - 1];
  const winners = days.map((day) => day.bits[0]);
  const winnerHas = (tag: Tag): boolean => winners.some((winner) => winner.tags.has(tag));
  const arbeidstakerAtTilfelleEnd =
    !(winnerHas('BEKREFTET') && !winnerHas('SENDT') && !winnerHas('INNTEKTSMELDING')) &&
    lastDay.bits[0].orgnr !== undefined;
  // §3.5: the orgnr of non-NY bits covering counted days; if none and arbeidstaker, NY bits' orgnr too.
  const preferred = orgnrOf(days, (bit) => !isNy(bit));
  const virksomhetsnummerList =
    preferred.length > 0 ? preferred : arbeidstakerAtTilfelleEnd ? orgnrOf(days, () => true) : [];
  const gradering = lastDay.bits.find((bit) => hasAny(bit.tags, GRADERING_TAGS));
  return {
    start: fromEpochDay(days[0].day),
    end: fromEpochDay(lastDay.day),
    antallSykedager: days.length,
    virksomhetsnummerList,
    arbeidstakerAtTilfelleEnd,
    gradertAtTilfelleEnd: gradering !== undefined && hasAny(gradering.tags, GRADERT_TAGS),
  };
}

function hasAny(tags: ReadonlySet<Tag>, wanted: readonly Tag[]): boolean {
  return wanted.some((tag) => tags.has(tag));
}

function orgnrOf(days: readonly CountedDay[], include: (bit: RankedBit) => boolean): string[] {
  const orgnr = new Set<string>();
  for (const day of days) {
    for (const bit of day.bits) if (bit.orgnr !== undefined && include(bit)) orgnr.add(bit.orgnr);
  }
  return [...orgnr].sort(compareCodeUnits);
}
