import { parseArgs, type ParseArgsConfig } from 'node:util';

import { REGIONS, type Region } from '@syfo/contracts';

import type { SimulationOptions } from './simulation';

/** The options both commands share: which population, how much of it, which years. */
const SIMULATION_OPTIONS = {
  seed: { type: 'string', default: '1' },
  region: { type: 'string' },
  country: { type: 'boolean', default: false },
  scale: { type: 'string', default: '0.01' },
  from: { type: 'string', default: '2022' },
  to: { type: 'string', default: '2024' },
  help: { type: 'boolean', default: false },
} as const;

export const SIMULATION_USAGE = `  --seed <n>            random seed, 0–4294967295 (default 1); the same seed gives the same population
  --region <name>       one NAV region: ${REGIONS.join(', ')}
  --country             the whole country instead of a region
  --scale <fraction>    the fraction of the area's population to generate, in (0, 1] (default 0.01)
  --from <year>         the first year of data (default 2022); a year before it is simulated and dropped
  --to <year>           the last year of data (default 2024)`;

/**
 * Parses the shared options plus the command's own (`extra`, in node:util parseArgs form). Throws a
 * RangeError naming the bad option.
 */
export function parseCommandLine(
  argv: readonly string[],
  extra: NonNullable<ParseArgsConfig['options']>,
): { readonly simulation: SimulationOptions; readonly help: boolean; readonly values: Record<string, string | boolean | undefined> } {
  const { values } = parseArgs({ args: [...argv], options: { ...SIMULATION_OPTIONS, ...extra }, strict: true, allowPositionals: false });
  const record = values as Record<string, string | boolean | undefined>;
  const help = record['help'] === true;
  if (help) return { simulation: { seed: 1, area: 'country', scale: 1, firstYear: 2022, lastYear: 2024 }, help, values: record };
  const region = record['region'] as string | undefined;
  if ((region === undefined) === (record['country'] !== true)) throw new RangeError('give either --region <name> or --country');
  if (region !== undefined && !(REGIONS as readonly string[]).includes(region)) throw new RangeError(`--region must be one of ${REGIONS.join(', ')}`);
  const seed = integer(record['seed'], '--seed', 0, 0xffff_ffff);
  const scale = Number(record['scale']);
  if (!(scale > 0 && scale <= 1)) throw new RangeError('--scale must be a fraction in (0, 1]');
  const firstYear = integer(record['from'], '--from', 1990, 2100);
  const lastYear = integer(record['to'], '--to', firstYear, 2100);
  return { simulation: { seed, area: (region as Region | undefined) ?? 'country', scale, firstYear, lastYear }, help, values: record };
}

export type CommandLine = ReturnType<typeof parseCommandLine>;

/**
 * What every command does with its arguments: parse them (and the command's own `check`), print the usage and
 * exit 2 on a bad one, print it and return null on --help.
 */
export function commandLineOrExit(usage: string, extra: NonNullable<ParseArgsConfig['options']> = {}, check: (options: CommandLine) => void = () => undefined): CommandLine | null {
  let options: CommandLine;
  try {
    options = parseCommandLine(process.argv.slice(2), extra);
    if (!options.help) check(options);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${usage}`);
    process.exit(2);
  }
  if (options.help) {
    process.stdout.write(usage);
    return null;
  }
  return options;
}

export function integer(value: string | boolean | undefined, name: string, min: number, max: number): number {
  const number = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || number < min || number > max) throw new RangeError(`${name} must be a whole number in ${min}–${max}`);
  return number;
}
