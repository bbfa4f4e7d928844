import { parseLocalDate, type LocalDate } from '@syfo/local-date';
import { checkPersonIdent, completeOrgnr, completePersonIdent } from '@syfo/norwegian-ids';

export type Gender = 'F' | 'M';

/**
 * Synthetic fødselsnummer in Skatteetaten's synthetic range: the month is written plus 80 (81–92).
 * A real fødselsnummer has month 01–12, a D-number adds 40 to the day and an H-number (help number)
 * adds 40 to the month, so no identifier ever issued to a real person has a month of 81–92: these
 * idents cannot be anyone, yet they pass both mod-11 control digits and carry a real birth date, and
 * `checkPersonIdent` accepts them with `synthetic: true`. (NAV's own test data uses month + 40, which
 * is the H-number range; libs/testing uses that, so the two sets never meet.)
 *
 * The ninth digit is odd for men and even for women, and the individual number tells the century
 * (Skatteetaten's allocation rules), so the ident carries birth date and gender the way a real one does.
 * Idents are handed out in order per birth date and gender; each is unique within one allocator.
 */
export class SyntheticPersonIdents {
  private readonly used = new Map<string, number>();

  public next(birthDate: LocalDate, gender: Gender): string {
    const { year, month, day } = parseLocalDate(birthDate);
    const candidates = individualNumbers(year);
    const key = `${birthDate}${gender}`;
    const parity = gender === 'M' ? 1 : 0;
    for (let position = this.used.get(key) ?? 0; position < candidates.length; position += 1) {
      const individ = candidates[position]!;
      if (individ % 2 !== parity) continue;
      const ident = completePersonIdent(`${pad2(day)}${pad2(month + 80)}${pad2(year % 100)}${String(individ).padStart(3, '0')}`);
      if (ident === undefined) continue; // a control digit would be 10: that stem has no valid ident
      this.used.set(key, position + 1);
      return ident;
    }
    throw new RangeError(`no synthetic idents left for ${birthDate} (${gender})`);
  }
}

/** True for an ident in the synthetic month + 80 range that passes every check. */
export function isSimulatorPersonIdent(ident: string): boolean {
  const check = checkPersonIdent(ident);
  return check.ok && check.kind === 'FNR' && check.synthetic && Number(ident.slice(2, 4)) > 80;
}

/** The gender a fødselsnummer encodes in its ninth digit. */
export function genderOfIdent(ident: string): Gender {
  return Number(ident[8]) % 2 === 1 ? 'M' : 'F';
}

// The individual numbers Skatteetaten allocates to a birth year, in the order we hand them out.
const INDIVIDUAL_NUMBERS = new Map<string, readonly number[]>();
function individualNumbers(year: number): readonly number[] {
  const range: readonly [number, number][] =
    year >= 2000 && year <= 2039 ? [[500, 999]] : year >= 1940 && year <= 1999 ? [[0, 499], [900, 999]] : year >= 1900 && year <= 1939 ? [[0, 499]] : [];
  if (range.length === 0) throw new RangeError(`birth year outside 1900–2039: ${year}`);
  const key = range.map(([from, to]) => `${from}-${to}`).join(',');
  let numbers = INDIVIDUAL_NUMBERS.get(key);
  if (!numbers) {
    numbers = range.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => from + i));
    INDIVIDUAL_NUMBERS.set(key, numbers);
  }
  return numbers;
}

/**
 * Synthetic organisasjonsnummer: 800 000 000 – 809 999 999. The register (and `checkOrgnr`) only
 * has numbers that start with 8 or 9, and there is no reserved synthetic range inside them, so we
 * use the bottom of the 8-series, which we have not seen Brønnøysund allocate (unverified: the lead
 * should confirm it against the register). An orgnr is no personal data, so even a collision would
 * name an enterprise, never expose a person. libs/testing's numbers start at 910 000 000, so test fixtures and
 * simulated employers never collide.
 */
export const SIMULATOR_ORGNR_RANGE = { first: 800_000_000, last: 809_999_999 } as const;

/** Valid synthetic orgnr in order from the bottom of the simulator's range. */
export class SyntheticOrgnrs {
  private stem = Math.floor(SIMULATOR_ORGNR_RANGE.first / 10);

  public next(): string {
    for (; this.stem <= Math.floor(SIMULATOR_ORGNR_RANGE.last / 10); this.stem += 1) {
      const orgnr = completeOrgnr(String(this.stem));
      if (orgnr !== undefined) {
        this.stem += 1;
        return orgnr;
      }
    }
    throw new RangeError('the simulator orgnr range is used up');
  }
}

export function isSimulatorOrgnr(orgnr: string): boolean {
  const value = Number(orgnr);
  return /^\d{9}$/.test(orgnr) && value >= SIMULATOR_ORGNR_RANGE.first && value <= SIMULATOR_ORGNR_RANGE.last;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
