import type { Oppfolgingstilfelle } from './bit.types';
import { isRecurringAbsence } from './recurring-absence.util';

const TODAY = '2025-06-15';

/** A tilfelle of `antallSykedager` sick days ending on `end`; start and other fields do not matter to the flag. */
function tilfelle(antallSykedager: number, end = '2025-01-31'): Oppfolgingstilfelle {
  return {
    start: '2020-01-01',
    end,
    antallSykedager,
    virksomhetsnummerList: [],
    arbeidstakerAtTilfelleEnd: true,
    gradertAtTilfelleEnd: false,
  };
}
const tilfeller = (...sickDays: number[]) => sickDays.map((days) => tilfelle(days));

describe('recurring-absence flag (§3.3)', () => {
  it.each([
    { sickDays: [20, 20, 20, 20, 20], flag: true, why: 'n = 5, d = 100' },
    { sickDays: [40, 40, 40, 40], flag: false, why: 'n = 4' },
    { sickDays: [150, 160], flag: true, why: 'n = 2, d = 310' },
    { sickDays: Array<number>(10).fill(15), flag: false, why: 'none is long' },
  ])('handbook table: $sickDays → $flag ($why)', ({ sickDays, flag }) => {
    expect(isRecurringAbsence(tilfeller(...sickDays), TODAY)).toBe(flag);
  });

  it('needs 100 sick days over five, 300 over two', () => {
    expect(isRecurringAbsence(tilfeller(16, 16, 16, 16, 36), TODAY)).toBe(true);
    expect(isRecurringAbsence(tilfeller(16, 16, 16, 16, 35), TODAY)).toBe(false);
    expect(isRecurringAbsence(tilfeller(150, 150), TODAY)).toBe(true);
    expect(isRecurringAbsence(tilfeller(150, 149), TODAY)).toBe(false);
    expect(isRecurringAbsence(tilfeller(400), TODAY)).toBe(false);
    expect(isRecurringAbsence([], TODAY)).toBe(false);
  });

  it('counts a tilfelle of exactly 16 sick days, not one of 15, towards n and d', () => {
    expect(isRecurringAbsence(tilfeller(16, 300), TODAY)).toBe(true);
    expect(isRecurringAbsence(tilfeller(15, 300), TODAY)).toBe(false);
    expect(isRecurringAbsence(tilfeller(15, 290, 15), TODAY)).toBe(false);
  });

  it('counts a tilfelle that ended exactly 36 months ago, not one that ended a day earlier', () => {
    const recent = tilfeller(150);
    expect(isRecurringAbsence([...recent, tilfelle(150, '2022-06-15')], TODAY)).toBe(true);
    expect(isRecurringAbsence([...recent, tilfelle(150, '2022-06-14')], TODAY)).toBe(false);
  });

  it('clamps the window start to the month’s length: 2028-02-29 → 2025-02-28, not 1095 days back', () => {
    const recent = tilfelle(150, '2028-01-31');
    expect(isRecurringAbsence([recent, tilfelle(150, '2025-02-28')], '2028-02-29')).toBe(true);
    expect(isRecurringAbsence([recent, tilfelle(150, '2025-02-27')], '2028-02-29')).toBe(false);
    // 1095 days before 2028-02-29 is 2025-03-01, which would wrongly exclude 2025-02-28.
  });

  it('counts tilfeller that end after today', () => {
    expect(isRecurringAbsence([tilfelle(150, '2025-09-01'), tilfelle(150, '2025-05-01')], TODAY)).toBe(true);
  });
});
