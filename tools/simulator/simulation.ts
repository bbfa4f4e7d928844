import type { Region } from '@syfo/contracts';

import type { FeedItem } from './feed-item';
import { generateEmployers, generatePersons, populationSize, riskModelFor, virksomhetDocuments, type EmployerRegister, type PopulationSize, type SyntheticPerson } from './population.generator';
import { personDocuments, sickLeaveContext, simulationFirstDay } from './sick-leave.generator';

export interface SimulationOptions {
  readonly seed: number;
  readonly area: Region | 'country';
  /** The fraction of the area's population, in (0, 1]. */
  readonly scale: number;
  readonly firstYear: number;
  readonly lastYear: number;
}

export interface PersonRecord {
  readonly person: SyntheticPerson;
  readonly documents: readonly FeedItem[];
}

/** A synthetic population: its employers in memory, its people streamed one at a time. */
export interface Simulation {
  readonly options: SimulationOptions;
  readonly size: PopulationSize;
  readonly register: EmployerRegister;
  /** The employer register as VIRKSOMHET documents, to be delivered before anything about people. */
  employerDocuments(): FeedItem[];
  people(): Iterable<PersonRecord>;
}

/** Pure and deterministic: the same options give the same employers, people and documents. */
export function simulate(options: SimulationOptions): Simulation {
  const populationOptions = { seed: options.seed, area: options.area, scale: options.scale, firstDay: simulationFirstDay(options.firstYear) };
  const register = generateEmployers(populationOptions);
  const risk = riskModelFor(register);
  const context = sickLeaveContext(options);
  return {
    options,
    size: populationSize(options),
    register,
    employerDocuments: () => virksomhetDocuments(register, populationOptions),
    *people() {
      for (const person of generatePersons(populationOptions, register, risk)) yield { person, documents: personDocuments(person, context) };
    },
  };
}
