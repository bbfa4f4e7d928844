import type { Region, Sektor } from '@syfo/contracts';
import { epochDay, fromEpochDay, type LocalDate } from '@syfo/local-date';

import { SOURCE_SYSTEM, type FeedItem } from './feed-item';
import { kommunerIn, employmentShare, type Kommune } from './geography.table';
import { HOSPITAL_TRUST_CODE, INDUSTRIES, PUBLIC_ADMINISTRATION_CODE, UPPER_SECONDARY_CODE, type Industry, type IndustryKey } from './industries.table';
import { fitRiskModel, type RiskModel } from './risk.model';
import { SeededRandom, WeightedChoice } from './seeded-random';
import { bandsInProportion, drawSize, meanSize, SIZE_BANDS, sizeBandOf, type SizeBand, type SizeBandKey } from './size-bands.table';
import { SyntheticOrgnrs, SyntheticPersonIdents, type Gender } from './synthetic-ids';

/** Published national counts (SSB): employed persons and establishments with employees. */
export const NATIONAL_EMPLOYED_PERSONS = 2_860_000;
export const NATIONAL_ESTABLISHMENTS = 208_000;
/** Handbook §11 default: persons without an employer (sick-listed as BEKREFTET). */
export const WITHOUT_EMPLOYER_SHARE = 0.08;
/** About 7 % of the employed hold a second, part-time job at another establishment. */
export const SECOND_JOB_SHARE = 0.07;

export interface PopulationOptions {
  readonly seed: number;
  /** One NAV region, or the whole country. */
  readonly area: Region | 'country';
  /** The fraction of the area's population to generate, in (0, 1]. */
  readonly scale: number;
  /** The first day anything is simulated; every arbeidsforhold has begun by then. */
  readonly firstDay: LocalDate;
}

/** A hovedenhet (legal unit). */
export interface Enterprise {
  readonly orgnr: string;
  readonly naeringskode: string;
  readonly sektor: Sektor;
  readonly kommunenummer: string;
}

/** An underenhet (establishment): where people work and statistics are kept. */
export interface Establishment {
  readonly orgnr: string;
  readonly hovedenhetOrgnr: string;
  readonly naeringskode: string;
  readonly industry: IndustryKey;
  readonly sektor: Sektor;
  readonly kommunenummer: string;
  readonly region: Region;
  readonly sizeBand: SizeBandKey;
  /** Arbeidsforhold here: main jobs and second jobs, as the register counts employees. */
  readonly employees: number;
  /** Of those, the persons whose main job is here. */
  readonly mainJobs: number;
  /** The unit's own sick-leave level around its industry's: log-normal with mean 1 (handbook §11). */
  readonly riskFactor: number;
}

export interface EmployerRegister {
  readonly enterprises: readonly Enterprise[];
  readonly establishments: readonly Establishment[];
}

export interface Employment {
  readonly establishment: Establishment;
  readonly stillingsprosent: number;
  readonly fom: LocalDate;
}

export interface SyntheticPerson {
  /** Position in the population; names the person's random stream and document ids. */
  readonly index: number;
  readonly ident: string;
  readonly birthDate: LocalDate;
  readonly gender: Gender;
  readonly kommunenummer: string;
  readonly region: Region;
  /** Main job first; empty for persons without an employer. */
  readonly employments: readonly Employment[];
  /** Sick-leave risk relative to the national average, before the person's own frailty. */
  readonly relativeRisk: number;
  /** The fastlege who writes the person's sick notes. */
  readonly gpHpr: string;
}

export interface PopulationSize {
  readonly employed: number;
  /** Second jobs of the employed: arbeidsforhold beyond one per person. */
  readonly secondJobs: number;
  readonly withoutEmployer: number;
  readonly establishments: number;
}

/** Random streams: one per kind of entity, indexed by the entity's position. */
export const STREAM = { employers: 1, establishment: 2, person: 3, sickLeave: 4 } as const;

export function populationSize(options: Pick<PopulationOptions, 'area' | 'scale'>): PopulationSize {
  if (!(options.scale > 0 && options.scale <= 1)) throw new RangeError(`scale must be in (0, 1]: ${options.scale}`);
  const share = employmentShare(options.area) * options.scale;
  const employed = Math.max(1, Math.round(NATIONAL_EMPLOYED_PERSONS * share));
  return {
    employed,
    secondJobs: Math.round(employed * SECOND_JOB_SHARE),
    withoutEmployer: Math.round((employed * WITHOUT_EMPLOYER_SHARE) / (1 - WITHOUT_EMPLOYER_SHARE)),
    establishments: Math.min(employed, Math.max(1, Math.round(NATIONAL_ESTABLISHMENTS * share))),
  };
}

/**
 * The area's establishments and the enterprises that own them. Size bands follow the national
 * establishment counts exactly; industries lean towards the bands they are typical
 * for (hospitals large, farms small) while keeping their share of employment. Municipal units belong
 * to their kommune (upper secondary schools to the fylkeskommune), hospitals to a state health trust
 * per fylke, other state units to one national agency per næringskode, and some private units to
 * chains of the same næringskode.
 */
export function generateEmployers(options: PopulationOptions): EmployerRegister {
  const size = populationSize(options);
  const kommuner = kommunerIn(options.area);
  const kommuneChoice = new WeightedChoice(kommuner.map((candidate) => [candidate, candidate.weight] as const));
  const industryByBand = industryChoicePerBand();
  const bands = bandsInProportion(size.establishments, SeededRandom.stream(options.seed, STREAM.employers, 2));
  const jobs = size.employed + size.secondJobs;
  // One establishment must not swallow a small sample.
  const cap = Math.floor(jobs * 0.05);

  const drafts = Array.from({ length: size.establishments }, (_, j) => {
    const random = SeededRandom.stream(options.seed, STREAM.establishment, j);
    const band = bands[j]!;
    const industry = industryByBand.get(band.key)!.pick(random);
    return {
      band,
      industry,
      naeringskode: CODE_CHOICE.get(industry.key)!.pick(random),
      sektor: SECTOR_CHOICE.get(industry.key)!.pick(random),
      kommune: kommuneChoice.pick(random),
      size: drawSize(band, random, cap),
      riskNoise: random.normal(),
    };
  });
  const employees = fitSizes(
    drafts.map((draft) => draft.size),
    jobs,
  );
  const secondJobs = secondJobsPerEstablishment(employees, size.secondJobs, SeededRandom.stream(options.seed, STREAM.employers, 1));

  const owners = new EnterpriseOwners(options.seed);
  const establishments = drafts.map((draft, j): Establishment => {
    const orgnrOwner = owners.ownerOf(draft.naeringskode, draft.industry, draft.sektor, draft.kommune);
    // Big units are mixtures of many departments, so their level strays less from the industry's.
    const sigma = 0.3 * Math.min(1, Math.sqrt(20 / employees[j]!));
    return {
      orgnr: owners.nextOrgnr(),
      hovedenhetOrgnr: orgnrOwner,
      naeringskode: draft.naeringskode,
      industry: draft.industry.key,
      sektor: draft.sektor,
      kommunenummer: draft.kommune.kommunenummer,
      region: draft.kommune.region,
      sizeBand: sizeBandOf(employees[j]!),
      employees: employees[j]!,
      mainJobs: employees[j]! - secondJobs[j]!,
      riskFactor: Math.exp(sigma * draft.riskNoise - (sigma * sigma) / 2),
    };
  });
  return { enterprises: owners.enterprises, establishments };
}

/**
 * The register's facts about every enterprise and establishment as VIRKSOMHET documents, hovedenheter
 * first, so every underenhet's owner is known before it arrives; all registered before the first day.
 */
export function virksomhetDocuments(register: EmployerRegister, options: Pick<PopulationOptions, 'seed' | 'firstDay'>): FeedItem[] {
  const at = `${fromEpochDay(epochDay(options.firstDay) - 1)}T05:00:00Z`;
  const document = (unit: Enterprise, hovedenhetOrgnr: string | undefined): FeedItem => ({
    kind: 'virksomhet',
    at,
    submission: {
      sourceSystem: SOURCE_SYSTEM,
      sourceId: `s${options.seed}v${unit.orgnr}`,
      orgnr: unit.orgnr,
      hovedenhetOrgnr,
      naeringskode: unit.naeringskode,
      sektor: unit.sektor,
      kommunenummer: unit.kommunenummer,
      sentAt: at,
    },
  });
  return [...register.enterprises.map((enterprise) => document(enterprise, undefined)), ...register.establishments.map((establishment) => document(establishment, establishment.hovedenhetOrgnr))];
}

/** Full-time shares by gender: about 70 % of the employed in all. */
const FULL_TIME_SHARE: Readonly<Record<Gender, number>> = { F: 0.62, M: 0.82 };
/** Part-time stillingsprosent and how common each is. */
const PART_TIME_WEIGHTS: readonly (readonly [number, number])[] = [
  [20, 0.1],
  [40, 0.15],
  [50, 0.2],
  [60, 0.2],
  [75, 0.2],
  [80, 0.15],
];
const PART_TIME = new WeightedChoice<number>(PART_TIME_WEIGHTS);
const PART_TIME_MEAN = PART_TIME_WEIGHTS.reduce((sum, [percent, weight]) => sum + percent * weight, 0) / PART_TIME.total;
const SECOND_JOB_PERCENT = new WeightedChoice<number>([
  [20, 0.4],
  [30, 0.2],
  [40, 0.2],
  [50, 0.2],
]);
/** Employed persons by age at the start (SSB-like): five-year bands from 16. */
const EMPLOYED_AGE = new WeightedChoice<readonly [number, number]>([
  [[16, 19], 4],
  [[20, 24], 9],
  [[25, 29], 11],
  [[30, 34], 11.5],
  [[35, 39], 11.5],
  [[40, 44], 11],
  [[45, 49], 11],
  [[50, 54], 11],
  [[55, 59], 10],
  [[60, 64], 7.5],
  [[65, 69], 2.5],
]);
/** Persons without an employer are sick-listed a little more often. */
const WITHOUT_EMPLOYER_RELATIVE_RISK = 1.2;

/** The expected stillingsprosent of a main job as a fraction (for the risk model's exposures); with a second job the main one is part-time. */
function expectedMainPosition(gender: Gender): number {
  const single = FULL_TIME_SHARE[gender] * 100 + (1 - FULL_TIME_SHARE[gender]) * PART_TIME_MEAN;
  return ((1 - SECOND_JOB_SHARE) * single + SECOND_JOB_SHARE * PART_TIME_MEAN) / 100;
}

/**
 * The risk model fitted to this register: expected mulige dagsverk per industry, sector and gender
 * and the mean level of their units, so the published margins hold for the employers actually drawn
 * (raking), not only on average over many draws.
 */
export function riskModelFor(register: EmployerRegister): RiskModel {
  const cells = new Map<string, { industry: IndustryKey; sektor: Sektor; gender: Gender; exposure: number; levelled: number }>();
  for (const establishment of register.establishments) {
    const industry = INDUSTRY_BY_KEY.get(establishment.industry)!;
    for (const [gender, share] of [
      ['F', industry.womenShare],
      ['M', 1 - industry.womenShare],
    ] as const) {
      const key = `${establishment.industry}|${establishment.sektor}|${gender}`;
      // Second jobs are left out: a person's risk is set by the main job.
      const exposure = establishment.mainJobs * share * expectedMainPosition(gender);
      const cell = cells.get(key) ?? { industry: establishment.industry, sektor: establishment.sektor, gender, exposure: 0, levelled: 0 };
      cell.exposure += exposure;
      cell.levelled += exposure * establishment.riskFactor;
      cells.set(key, cell);
    }
  }
  return fitRiskModel([...cells.values()].map(({ levelled, ...cell }) => ({ ...cell, unitLevel: cell.exposure > 0 ? levelled / cell.exposure : 1 })));
}

/**
 * Every person of the area, lazily: those whose main job is at each establishment in turn, then the
 * persons without an employer. Idents are handed out in this order, so the sequence (not each person
 * alone) is what a seed reproduces. The second jobs go, in a shuffled order, to persons spread evenly
 * through the sequence.
 */
export function* generatePersons(options: PopulationOptions, register: EmployerRegister, risk: RiskModel): Generator<SyntheticPerson> {
  const idents = new SyntheticPersonIdents();
  const firstDay = epochDay(options.firstDay);
  const secondJobs = secondJobSlots(register.establishments, SeededRandom.stream(options.seed, STREAM.employers, 2));
  const employed = register.establishments.reduce((sum, establishment) => sum + establishment.mainJobs, 0);
  let index = 0;
  let nextSecondJob = 0;
  for (let position = 0; position < register.establishments.length; position += 1) {
    const establishment = register.establishments[position]!;
    const industry = INDUSTRY_BY_KEY.get(establishment.industry)!;
    for (let slot = 0; slot < establishment.mainJobs; slot += 1, index += 1) {
      const random = SeededRandom.stream(options.seed, STREAM.person, index);
      const gender: Gender = random.chance(industry.womenShare) ? 'F' : 'M';
      const birthDay = birthEpochDay(random, firstDay, EMPLOYED_AGE.pick(random));
      const fom = () => fromEpochDay(Math.min(firstDay - 1, Math.max(birthDay + SIXTEEN_YEARS, firstDay - random.int(30, 15 * 365))));
      let employments: Employment[];
      if (Math.floor(((index + 1) * secondJobs.length) / employed) > Math.floor((index * secondJobs.length) / employed)) {
        const second = register.establishments[takeSecondJob(secondJobs, nextSecondJob++, position)]!;
        employments = [
          { establishment, stillingsprosent: PART_TIME.pick(random), fom: fom() },
          { establishment: second, stillingsprosent: SECOND_JOB_PERCENT.pick(random), fom: fom() },
        ];
      } else {
        employments = [{ establishment, stillingsprosent: random.chance(FULL_TIME_SHARE[gender]) ? 100 : PART_TIME.pick(random), fom: fom() }];
      }
      const relativeRisk = risk.relativeRisk(establishment.industry, establishment.sektor, gender) * establishment.riskFactor;
      yield person(index, random, idents, birthDay, gender, establishment.kommunenummer, establishment.region, employments, relativeRisk);
    }
  }
  const size = populationSize(options);
  const kommuneChoice = new WeightedChoice(kommunerIn(options.area).map((candidate) => [candidate, candidate.weight] as const));
  for (let n = 0; n < size.withoutEmployer; n += 1, index += 1) {
    const random = SeededRandom.stream(options.seed, STREAM.person, index);
    const gender: Gender = random.chance(0.5) ? 'F' : 'M';
    const birthDay = birthEpochDay(random, firstDay, [18, 66]);
    const home: Kommune = kommuneChoice.pick(random);
    yield person(index, random, idents, birthDay, gender, home.kommunenummer, home.region, [], WITHOUT_EMPLOYER_RELATIVE_RISK);
  }
}

function person(
  index: number,
  random: SeededRandom,
  idents: SyntheticPersonIdents,
  birthDay: number,
  gender: Gender,
  kommunenummer: string,
  region: Region,
  employments: readonly Employment[],
  relativeRisk: number,
): SyntheticPerson {
  const birthDate = fromEpochDay(birthDay);
  return {
    index,
    ident: idents.next(birthDate, gender),
    birthDate,
    gender,
    kommunenummer,
    region,
    employments,
    relativeRisk,
    // HPR numbers issued so far have 7–8 digits: a 9-digit number from 900 000 000 names no real clinician.
    gpHpr: String(900_000_000 + Number(kommunenummer) * 1000 + random.int(0, 999)),
  };
}

function birthEpochDay(random: SeededRandom, firstDay: number, [minAge, maxAge]: readonly [number, number]): number {
  return firstDay - Math.floor(random.uniform(minAge, maxAge + 1) * 365.25);
}

/** Hired some time in the last 15 years, never before the 16th birthday. */
const SIXTEEN_YEARS = 5845;

/** The establishment of each second job, in a random order. */
function secondJobSlots(establishments: readonly Establishment[], random: SeededRandom): Int32Array {
  const slots = new Int32Array(establishments.reduce((sum, establishment) => sum + establishment.employees - establishment.mainJobs, 0));
  let k = 0;
  establishments.forEach((establishment, j) => {
    for (let n = establishment.mainJobs; n < establishment.employees; n += 1) slots[k++] = j;
  });
  for (let i = slots.length - 1; i > 0; i -= 1) {
    const j = random.int(0, i);
    [slots[i], slots[j]] = [slots[j]!, slots[i]!];
  }
  return slots;
}

/** The k-th second job, swapped with a later one when it would be at the person's main workplace. */
function takeSecondJob(slots: Int32Array, k: number, mainPosition: number): number {
  for (let other = k + 1; slots[k] === mainPosition && other < slots.length; other += 1) {
    if (slots[other] !== mainPosition) [slots[k], slots[other]] = [slots[other]!, slots[k]!];
  }
  return slots[k]!;
}

/**
 * Which of the jobs are second jobs: `count` of all slots by selection sampling, so each
 * establishment gets its share in proportion to its size.
 */
function secondJobsPerEstablishment(employees: readonly number[], count: number, random: SeededRandom): number[] {
  let remaining = count;
  // Every establishment keeps at least one main job, so its first slot is never a candidate.
  let candidates = employees.reduce((sum, value) => sum + value - 1, 0);
  return employees.map((size) => {
    let chosen = 0;
    for (let slot = 1; slot < size; slot += 1, candidates -= 1) {
      if (random.next() * candidates < remaining) {
        chosen += 1;
        remaining -= 1;
      }
    }
    return chosen;
  });
}

const INDUSTRY_BY_KEY = new Map(INDUSTRIES.map((industry) => [industry.key, industry]));
const CODE_CHOICE = new Map(INDUSTRIES.map((industry) => [industry.key, new WeightedChoice(Object.entries(industry.codes))]));
const SECTOR_CHOICE = new Map(INDUSTRIES.map((industry) => [industry.key, new WeightedChoice(Object.entries(industry.sectors) as [Sektor, number][])]));

/**
 * P(industry | size band) ∝ w × (band's mean size)^affinity, with the weights w found by fixed-point
 * iteration so that each industry's share of employment matches the table.
 */
function industryChoicePerBand(): Map<SizeBandKey, WeightedChoice<Industry>> {
  const target = INDUSTRIES.map((industry) => industry.employmentShare);
  const targetTotal = target.reduce((sum, value) => sum + value, 0);
  const weights = target.map((value) => value / targetTotal);
  const affinity = (band: SizeBand, i: number) => Math.pow(meanSize(band), INDUSTRIES[i]!.sizeAffinity);
  const conditional = (band: SizeBand) => {
    const raw = weights.map((weight, i) => weight * affinity(band, i));
    const total = raw.reduce((sum, value) => sum + value, 0);
    return raw.map((value) => value / total);
  };
  for (let iteration = 0; iteration < 200; iteration += 1) {
    const employment = INDUSTRIES.map(() => 0);
    for (const band of SIZE_BANDS) conditional(band).forEach((p, i) => (employment[i]! += band.share * meanSize(band) * p));
    const total = employment.reduce((sum, value) => sum + value, 0);
    employment.forEach((value, i) => (weights[i]! *= target[i]! / targetTotal / (value / total)));
  }
  return new Map(SIZE_BANDS.map((band) => [band.key, new WeightedChoice(conditional(band).map((p, i) => [INDUSTRIES[i]!, p] as const))]));
}

/**
 * Makes the drawn sizes sum to exactly `total`. The open top band absorbs the difference when it can
 * (its sizes are the least certain, and the banded counts stay as drawn); otherwise every size is scaled.
 */
function fitSizes(sizes: readonly number[], total: number): number[] {
  const top = SIZE_BANDS[SIZE_BANDS.length - 1]!.min;
  const large = sizes.flatMap((size, i) => (size >= top ? [i] : []));
  const needed = total - sizes.reduce((sum, size) => sum + (size >= top ? 0 : size), 0);
  if (large.length > 0 && needed >= top * large.length) {
    const fitted = apportion(
      large.map((i) => sizes[i]!),
      needed,
      top,
    );
    const result = [...sizes];
    large.forEach((i, k) => (result[i] = fitted[k]!));
    return result;
  }
  return apportion(sizes, total, 1);
}

/** Scales sizes to sum to exactly `total` (largest remainder), none below `minimum`. */
function apportion(sizes: readonly number[], total: number, minimum: number): number[] {
  const drawn = sizes.reduce((sum, value) => sum + value, 0);
  const exact = sizes.map((value) => (value * total) / drawn);
  const result = exact.map((value) => Math.max(minimum, Math.floor(value)));
  let remainder = total - result.reduce((sum, value) => sum + value, 0);
  const order = exact.map((value, i) => [value - Math.floor(value), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; remainder > 0; k = (k + 1) % order.length, remainder -= 1) result[order[k]![1]]! += 1;
  const bySize = result.map((value, i) => [value, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; remainder < 0; k = (k + 1) % bySize.length) {
    const i = bySize[k]![1];
    if (result[i]! > minimum) {
      result[i]! -= 1;
      remainder += 1;
    }
  }
  return result;
}

/** Chain membership for private units: the share of an industry's units that belong to a multi-site enterprise. */
const CHAIN_SHARE: Partial<Record<IndustryKey, number>> = { trade: 0.25, finance: 0.4, hospitality: 0.15, transport: 0.15, 'business-services': 0.2 };
const DEFAULT_CHAIN_SHARE = 0.08;

/** Hands out orgnr and decides which enterprise owns each establishment. */
class EnterpriseOwners {
  public readonly enterprises: Enterprise[] = [];
  private readonly orgnrs = new SyntheticOrgnrs();
  private readonly random: SeededRandom;
  private readonly byKey = new Map<string, string>();
  private readonly privateByCode = new Map<string, string[]>();

  public constructor(seed: number) {
    this.random = SeededRandom.stream(seed, STREAM.employers);
  }

  public nextOrgnr(): string {
    return this.orgnrs.next();
  }

  public ownerOf(naeringskode: string, industry: Industry, sektor: Sektor, home: Kommune): string {
    if (sektor === 'KOMMUNAL') {
      const seat = naeringskode === UPPER_SECONDARY_CODE ? fylkeSeat(home.fylke) : home;
      return this.shared(`kommunal|${seat.kommunenummer}|${naeringskode === UPPER_SECONDARY_CODE}`, PUBLIC_ADMINISTRATION_CODE, sektor, seat.kommunenummer);
    }
    if (sektor === 'STATLIG') {
      if (industry.key === 'hospitals') return this.shared(`health-trust|${home.fylke}`, HOSPITAL_TRUST_CODE, sektor, fylkeSeat(home.fylke).kommunenummer);
      return this.shared(`state|${naeringskode}`, naeringskode, sektor, OSLO);
    }
    const chains = this.privateByCode.get(naeringskode) ?? [];
    if (chains.length > 0 && this.random.chance(CHAIN_SHARE[industry.key] ?? DEFAULT_CHAIN_SHARE)) return this.random.pick(chains);
    const orgnr = this.register(naeringskode, sektor, home.kommunenummer);
    chains.push(orgnr);
    this.privateByCode.set(naeringskode, chains);
    return orgnr;
  }

  private shared(key: string, naeringskode: string, sektor: Sektor, kommunenummer: string): string {
    let orgnr = this.byKey.get(key);
    if (!orgnr) {
      orgnr = this.register(naeringskode, sektor, kommunenummer);
      this.byKey.set(key, orgnr);
    }
    return orgnr;
  }

  private register(naeringskode: string, sektor: Sektor, kommunenummer: string): string {
    const orgnr = this.orgnrs.next();
    this.enterprises.push({ orgnr, naeringskode, sektor, kommunenummer });
    return orgnr;
  }
}

/** National state agencies are seated in Oslo. */
const OSLO = '0301';

/** The fylke's largest kommune stands in for the seat of its fylkeskommune and health trust. */
function fylkeSeat(fylke: string): Kommune {
  return FYLKE_SEATS.get(fylke)!;
}
const FYLKE_SEATS = kommunerIn('country').reduce((seats, candidate) => {
  const best = seats.get(candidate.fylke);
  if (!best || candidate.weight > best.weight) seats.set(candidate.fylke, candidate);
  return seats;
}, new Map<string, Kommune>());
