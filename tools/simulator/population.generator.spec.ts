import { VirksomhetSubmissionSchema } from '@syfo/contracts';
import { checkOrgnr } from '@syfo/norwegian-ids';

import { kommune } from './geography.table';
import { industryOfCode, PUBLIC_ADMINISTRATION_CODE, UPPER_SECONDARY_CODE } from './industries.table';
import {
  generateEmployers,
  generatePersons,
  NATIONAL_EMPLOYED_PERSONS,
  NATIONAL_ESTABLISHMENTS,
  populationSize,
  riskModelFor,
  virksomhetDocuments,
  type PopulationOptions,
  type SyntheticPerson,
} from './population.generator';
import { SIZE_BANDS } from './size-bands.table';
import { isSimulatorOrgnr, isSimulatorPersonIdent } from './synthetic-ids';

const OPTIONS: PopulationOptions = { seed: 5, area: 'country', scale: 0.01, firstDay: '2023-01-01' };

function population(options: PopulationOptions) {
  const register = generateEmployers(options);
  return { register, persons: [...generatePersons(options, register, riskModelFor(register))] };
}

describe('population generator', () => {
  const { register, persons } = population(OPTIONS);
  const employed = persons.filter((person) => person.employments.length > 0);

  it('sizes the area from the national counts (2.86 M employed, 208,000 establishments) and 8 % without an employer', () => {
    // 1 % of the country: 28,600 employed, 2,080 establishments, 28,600 × 0.08 / 0.92 = 2,487 without an employer.
    expect(populationSize(OPTIONS)).toEqual({ employed: 28_600, secondJobs: 2_002, withoutEmployer: 2_487, establishments: 2_080 });
    expect(employed).toHaveLength(NATIONAL_EMPLOYED_PERSONS * 0.01);
    expect(register.establishments).toHaveLength(NATIONAL_ESTABLISHMENTS * 0.01);
    expect(persons.length - employed.length).toBe(2_487);
    // A region is its share of the country.
    const vestland = populationSize({ area: 'vestland', scale: 1 });
    expect(vestland.employed).toBeGreaterThan(250_000);
    expect(vestland.employed).toBeLessThan(400_000);
  });

  it('is deterministic: the same seed gives the same people, another seed other people', () => {
    const again = population(OPTIONS);
    expect(again.register).toEqual(register);
    expect(again.persons.slice(0, 500)).toEqual(persons.slice(0, 500));
    const other = population({ ...OPTIONS, seed: 6 });
    expect(other.persons.slice(0, 50).map((person) => person.ident)).not.toEqual(persons.slice(0, 50).map((person) => person.ident));
    expect(other.register.establishments.slice(0, 50).map((unit) => unit.naeringskode)).not.toEqual(register.establishments.slice(0, 50).map((unit) => unit.naeringskode));
  });

  it('gives every person a unique, valid, synthetic ident and every unit a valid synthetic orgnr', () => {
    expect(new Set(persons.map((person) => person.ident)).size).toBe(persons.length);
    expect(persons.every((person) => isSimulatorPersonIdent(person.ident))).toBe(true);
    const orgnrs = [...register.enterprises.map((unit) => unit.orgnr), ...register.establishments.map((unit) => unit.orgnr)];
    expect(new Set(orgnrs).size).toBe(orgnrs.length);
    expect(orgnrs.every((orgnr) => checkOrgnr(orgnr).ok && isSimulatorOrgnr(orgnr))).toBe(true);
  });

  it('makes every establishment belong to a registered enterprise of its sector', () => {
    const enterprises = new Map(register.enterprises.map((enterprise) => [enterprise.orgnr, enterprise]));
    for (const unit of register.establishments) {
      const owner = enterprises.get(unit.hovedenhetOrgnr)!;
      expect(owner.sektor).toBe(unit.sektor);
      if (unit.sektor === 'KOMMUNAL') {
        // The kommune itself, or for upper secondary schools the fylkeskommune, seated in the same fylke.
        expect(owner.naeringskode).toBe(PUBLIC_ADMINISTRATION_CODE);
        if (unit.naeringskode === UPPER_SECONDARY_CODE) expect(kommune(owner.kommunenummer).fylke).toBe(kommune(unit.kommunenummer).fylke);
        else expect(owner.kommunenummer).toBe(unit.kommunenummer);
      }
      if (unit.industry === 'hospitals' && unit.sektor === 'STATLIG') expect(kommune(owner.kommunenummer).fylke).toBe(kommune(unit.kommunenummer).fylke);
      expect(industryOfCode(unit.naeringskode).key).toBe(unit.industry);
    }
    // Municipalities own many units each; most private enterprises have one.
    expect(register.enterprises.length).toBeLessThan(register.establishments.length);
  });

  it('gives establishments sizes in the national proportions by size band', () => {
    for (const band of SIZE_BANDS.slice(0, 4)) {
      const share = register.establishments.filter((unit) => unit.sizeBand === band.key).length / register.establishments.length;
      expect(Math.abs(share - band.share)).toBeLessThan(0.005);
    }
    // Arbeidsforhold sum to the employed plus their second jobs.
    expect(register.establishments.reduce((sum, unit) => sum + unit.employees, 0)).toBe(28_600 + 2_002);
    expect(register.establishments.reduce((sum, unit) => sum + unit.mainJobs, 0)).toBe(28_600);
  });

  it('gives the employed arbeidsforhold: about 70 % full-time, 7 % with a second job elsewhere, all begun before the first day', () => {
    const fullTime = employed.filter((person) => person.employments[0]!.stillingsprosent === 100).length / employed.length;
    expect(fullTime).toBeGreaterThan(0.65);
    expect(fullTime).toBeLessThan(0.75);
    const twoJobs = employed.filter((person) => person.employments.length === 2);
    expect(twoJobs.length).toBe(2_002);
    for (const person of twoJobs) expect(person.employments[1]!.establishment.orgnr).not.toBe(person.employments[0]!.establishment.orgnr);
    for (const person of employed) {
      for (const job of person.employments) {
        expect(job.fom < OPTIONS.firstDay).toBe(true);
        expect(job.stillingsprosent).toBeGreaterThan(0);
        expect(job.stillingsprosent).toBeLessThanOrEqual(100);
      }
    }
  });

  it('has working ages, a gender mix following the industries, and women in most health jobs', () => {
    const ages = employed.map((person) => 2023 - Number(person.birthDate.slice(0, 4)));
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(16);
    expect(Math.max(...ages)).toBeLessThanOrEqual(71);
    const womenShare = (people: readonly SyntheticPerson[]) => people.filter((person) => person.gender === 'F').length / people.length;
    expect(womenShare(employed)).toBeGreaterThan(0.44);
    expect(womenShare(employed)).toBeLessThan(0.51);
    expect(womenShare(employed.filter((person) => person.employments[0]!.establishment.industry === 'nursing-homes'))).toBeGreaterThan(0.75);
  });

  it('describes the register as VIRKSOMHET documents case-intake accepts, hovedenheter first', () => {
    const documents = virksomhetDocuments(register, OPTIONS);
    expect(documents).toHaveLength(register.enterprises.length + register.establishments.length);
    for (const document of documents) expect(() => VirksomhetSubmissionSchema.parse(document.submission)).not.toThrow();
    const seen = new Set<string>();
    for (const document of documents) {
      if (document.kind !== 'virksomhet') throw new Error('only virksomhet documents');
      if (document.submission.hovedenhetOrgnr !== undefined) expect(seen.has(document.submission.hovedenhetOrgnr)).toBe(true);
      seen.add(document.submission.orgnr);
    }
  });

  it('refuses a scale outside (0, 1]', () => {
    expect(() => populationSize({ area: 'oslo', scale: 0 })).toThrow(RangeError);
    expect(() => populationSize({ area: 'oslo', scale: 1.5 })).toThrow(RangeError);
  });
});
