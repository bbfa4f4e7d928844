import { integer, parseCommandLine } from './cli-options';

describe('parseCommandLine', () => {
  it('reads a region run with its defaults', () => {
    expect(parseCommandLine(['--region', 'vestland'], {}).simulation).toEqual({ seed: 1, area: 'vestland', scale: 0.01, firstYear: 2022, lastYear: 2024 });
  });

  it('reads a country run with every shared option, and the command’s own', () => {
    const parsed = parseCommandLine(['--country', '--seed', '42', '--scale', '0.5', '--from', '2020', '--to', '2023', '--via', 'kafka'], { via: { type: 'string', default: 'grpc' } });
    expect(parsed.simulation).toEqual({ seed: 42, area: 'country', scale: 0.5, firstYear: 2020, lastYear: 2023 });
    expect(parsed.values['via']).toBe('kafka');
  });

  it('wants exactly one of --region and --country', () => {
    expect(() => parseCommandLine([], {})).toThrow('give either --region <name> or --country');
    expect(() => parseCommandLine(['--country', '--region', 'oslo'], {})).toThrow('give either --region <name> or --country');
    expect(() => parseCommandLine(['--region', 'viken'], {})).toThrow(/--region must be one of agder, /);
  });

  it('refuses a bad seed, scale or year range, and unknown options', () => {
    expect(() => parseCommandLine(['--country', '--seed=-1'], {})).toThrow('--seed must be a whole number in 0–4294967295');
    expect(() => parseCommandLine(['--country', '--seed', '4294967296'], {})).toThrow(RangeError);
    expect(() => parseCommandLine(['--country', '--scale', '0'], {})).toThrow('--scale must be a fraction in (0, 1]');
    expect(() => parseCommandLine(['--country', '--scale', '1.01'], {})).toThrow(RangeError);
    expect(() => parseCommandLine(['--country', '--from', '2024', '--to', '2023'], {})).toThrow('--to must be a whole number in 2024–2100');
    expect(() => parseCommandLine(['--country', '--bogus'], {})).toThrow(/bogus/);
  });

  it('takes --help without anything else', () => {
    expect(parseCommandLine(['--help'], {}).help).toBe(true);
  });
});

describe('integer', () => {
  it('accepts whole numbers within the bounds, on them included', () => {
    expect(integer('0', '--rate', 0, 10)).toBe(0);
    expect(integer('10', '--rate', 0, 10)).toBe(10);
    expect(() => integer('11', '--rate', 0, 10)).toThrow(RangeError);
    expect(() => integer('2.5', '--rate', 0, 10)).toThrow(RangeError);
    expect(() => integer(undefined, '--rate', 0, 10)).toThrow(RangeError);
  });
});
