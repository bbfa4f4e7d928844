import { epochDay, type LocalDate } from '@syfo/local-date';

import { isoWeeksBetween, mondayOfIsoWeek, sundayOfIsoWeek, type IsoWeek } from './iso-week.util';

/** A tilfelle as statistics keeps it: its span and the employers (orgnr) it was at. */
export interface CaseTilfelle {
  readonly start: LocalDate;
  readonly end: LocalDate;
  readonly orgnrs: readonly string[];
}

/** A period of a live sick note: its grade in percent (100 for full sick leave), or null for a kind with none. */
export interface NotePeriod {
  readonly fom: LocalDate;
  readonly tom: LocalDate;
  readonly grade: number | null;
}

export interface PersonCases {
  readonly tilfeller: readonly CaseTilfelle[];
  /** Every period of the person's live sick notes, at any employer. */
  readonly notePeriods: readonly NotePeriod[];
}

export interface WeekCount {
  /** Persons with an open case at the unit in the week; any grade counts as one (handbook §9.2). */
  readonly persons: number;
  /** The same persons weighted by their sick-leave grade: 20 % graded counts 0.2. Exact; round for display. */
  readonly fteWeighted: number;
}

/**
 * Handbook §9.2 weekly open-case counts for one unit (the set of its employers' orgnr). A person counts in an
 * ISO week when a legemeldt tilfelle at one of the unit's employers covers any day of it, once however many
 * tilfeller or employers match. Legemeldt: a live sick note covers some day of it, so a tilfelle made of
 * egenmelding or the employer's own report alone does not count. Their FTE weight is the mean grade over those covered days that a live sick note
 * grades; covered days no note grades (egenmelding, the employer period, gaps inside the tilfelle) carry no
 * grade, and a week with none graded weighs 1, as the headcount does.
 */
export function countOpenCases(persons: readonly PersonCases[], unitOrgnrs: ReadonlySet<string>, weeks: readonly IsoWeek[]): Map<IsoWeek, WeekCount> {
  const counts = new Map<IsoWeek, { persons: number; fteWeighted: number }>(weeks.map((week) => [week, { persons: 0, fteWeighted: 0 }]));
  if (weeks.length === 0) return counts;
  const sorted = [...weeks].sort();
  const windowWeeks = isoWeeksBetween(sorted[0]!, sorted.at(-1)!);
  const firstDay = epochDay(mondayOfIsoWeek(sorted[0]!)!);
  const lastDay = epochDay(sundayOfIsoWeek(sorted.at(-1)!));

  for (const person of persons) {
    const notes = person.notePeriods.map((period) => ({ fom: epochDay(period.fom), tom: epochDay(period.tom), grade: period.grade }));
    const covered = new Set<number>();
    for (const tilfelle of person.tilfeller) {
      if (!tilfelle.orgnrs.some((orgnr) => unitOrgnrs.has(orgnr))) continue;
      const [start, end] = [epochDay(tilfelle.start), epochDay(tilfelle.end)];
      if (!notes.some((note) => note.fom <= end && start <= note.tom)) continue;
      for (let day = Math.max(firstDay, start); day <= Math.min(lastDay, end); day += 1) covered.add(day);
    }
    if (covered.size === 0) continue;
    const grades = notes.filter((note): note is { fom: number; tom: number; grade: number } => note.grade !== null);
    const byWeek = new Map<number, number[]>();
    for (const day of covered) {
      const index = Math.floor((day - firstDay) / 7);
      byWeek.set(index, [...(byWeek.get(index) ?? []), day]);
    }
    for (const [index, days] of byWeek) {
      const count = counts.get(windowWeeks[index]!);
      if (!count) continue; // a week inside the window that was not asked for
      count.persons += 1;
      count.fteWeighted += weightOf(days, grades);
    }
  }
  return counts;
}

function weightOf(days: readonly number[], grades: readonly { fom: number; tom: number; grade: number }[]): number {
  let graded = 0;
  let sum = 0;
  for (const day of days) {
    const covering = grades.filter((period) => period.fom <= day && day <= period.tom);
    if (covering.length === 0) continue;
    graded += 1;
    // Notes that overlap: the highest grade holds, as in triage's reading of the grade on a day.
    sum += Math.max(...covering.map((period) => period.grade));
  }
  return graded === 0 ? 1 : sum / graded / 100;
}
