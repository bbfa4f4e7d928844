import { countOpenCases, type NotePeriod, type PersonCases } from './open-case.calculator';

const A = '910000001';
const B = '910000002';
// 2025-W10 is Monday 2025-03-03 to Sunday 03-09, W11 03-10 to 03-16, W12 03-17 to 03-23.
const WEEKS = ['2025-W10', '2025-W11', '2025-W12'];

const note = (fom: string, tom: string, grade: number | null = 100): NotePeriod => ({ fom, tom, grade });
const person = (tilfeller: [string, string, string[]][], notePeriods: NotePeriod[]): PersonCases => ({
  tilfeller: tilfeller.map(([start, end, orgnrs]) => ({ start, end, orgnrs })),
  notePeriods,
});

const PERSONS: PersonCases[] = [
  // 1: Sunday of W10 and Monday of W11 only: one day is enough in each week, and W12 is not touched.
  person([['2025-03-09', '2025-03-10', [A]]], [note('2025-03-09', '2025-03-10')]),
  // 2: 20 % graded through W11 and W12: 0.2 in each.
  person([['2025-03-11', '2025-03-23', [A]]], [note('2025-03-11', '2025-03-23', 20)]),
  // 3: at another employer only.
  person([['2025-03-12', '2025-03-12', [B]]], [note('2025-03-12', '2025-03-12')]),
  // 4: no sick note under the tilfelle (egenmelding alone): never counted (§9.2).
  person([['2025-03-03', '2025-03-23', [A]]], [note('2025-02-01', '2025-02-14')]),
  // 5: two tilfeller in W11: counted once.
  person([['2025-03-10', '2025-03-11', [A]], ['2025-03-13', '2025-03-14', [A, B]]], [note('2025-03-10', '2025-03-14')]),
  // 6: 100 % Monday–Wednesday, 50 % Thursday–Sunday of W12: (3 × 100 + 4 × 50) / 7 = 71.43 %.
  person([['2025-03-17', '2025-03-23', [A]]], [note('2025-03-17', '2025-03-19'), note('2025-03-20', '2025-03-23', 50)]),
  // 7: only two days of W10 graded (40 %); ungraded covered days carry no grade: 0.4.
  person([['2025-03-03', '2025-03-09', [A]]], [note('2025-03-05', '2025-03-06', 40)]),
  // 8: overlapping notes, the higher grade holds: 03-03 at 30, 03-04 at max(30, 60) = 60: 0.45.
  person([['2025-03-03', '2025-03-04', [A]]], [note('2025-03-03', '2025-03-04', 30), note('2025-03-04', '2025-03-04', 60)]),
  // 9: a note with no grade (treatment days) makes the case legemeldt; no graded day, so it weighs 1.
  person([['2025-03-20', '2025-03-20', [A]]], [note('2025-03-20', '2025-03-20', null)]),
];

describe('weekly open-case counts (handbook §9.2)', () => {
  it('counts each person once per week in which a legemeldt tilfelle at the unit covers any day, with the FTE weight', () => {
    const counts = countOpenCases(PERSONS, new Set([A]), WEEKS);
    expect(counts.get('2025-W10')).toEqual({ persons: 3, fteWeighted: expect.closeTo(1 + 0.4 + 0.45, 10) });
    expect(counts.get('2025-W11')).toEqual({ persons: 3, fteWeighted: expect.closeTo(1 + 0.2 + 1, 10) });
    expect(counts.get('2025-W12')).toEqual({ persons: 3, fteWeighted: expect.closeTo(0.2 + 500 / 700 + 1, 10) });
  });

  it('counts a person at any of a unit’s employers', () => {
    const counts = countOpenCases(PERSONS, new Set([A, B]), WEEKS);
    expect(counts.get('2025-W11')?.persons).toBe(4);
    expect(counts.get('2025-W12')?.persons).toBe(3);
  });

  it('counts only the weeks asked for, and zero where nobody is open', () => {
    const counts = countOpenCases(PERSONS, new Set([A]), ['2025-W09', '2025-W12']);
    expect([...counts.keys()]).toEqual(['2025-W09', '2025-W12']);
    expect(counts.get('2025-W09')).toEqual({ persons: 0, fteWeighted: 0 });
    expect(counts.get('2025-W12')?.persons).toBe(3);
    expect(countOpenCases(PERSONS, new Set(['999999999']), WEEKS).get('2025-W11')).toEqual({ persons: 0, fteWeighted: 0 });
  });

  it('does not count the week after a tilfelle ends on a Sunday, nor the week before it starts on a Monday', () => {
    const one = [person([['2025-03-10', '2025-03-16', [A]]], [note('2025-03-10', '2025-03-16')])];
    const counts = countOpenCases(one, new Set([A]), WEEKS);
    expect(WEEKS.map((week) => counts.get(week)?.persons)).toEqual([0, 1, 0]);
  });
});
