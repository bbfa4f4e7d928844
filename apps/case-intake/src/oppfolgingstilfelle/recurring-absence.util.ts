import type { Oppfolgingstilfelle } from './bit.types';
import { addMonthsClamped, epochDay, type LocalDate } from '@syfo/local-date';

/** §3.3: only tilfeller with at least this many sick days count (was 3 before December 2025). */
const MIN_SICK_DAYS_OF_LONG_TILFELLE = 16;
const WINDOW_MONTHS = 36;

/**
 * §3.3 recurring-absence ("gjentakende sykefravær") flag: among the long tilfeller that ended within the last
 * 36 calendar months, at least 5 with 100 sick days in total, or at least 2 with 300.
 */
export function isRecurringAbsence(tilfeller: readonly Oppfolgingstilfelle[], today: LocalDate): boolean {
  // §3.5: calendar months with the day clamped (not 1095 days), inclusive, and no upper bound.
  const windowStart = epochDay(addMonthsClamped(today, -WINDOW_MONTHS));
  const recent = tilfeller.filter(
    (tilfelle) =>
      tilfelle.antallSykedager >= MIN_SICK_DAYS_OF_LONG_TILFELLE && epochDay(tilfelle.end) >= windowStart,
  );
  const count = recent.length;
  const sickDays = recent.reduce((sum, tilfelle) => sum + tilfelle.antallSykedager, 0);
  return (count >= 5 && sickDays >= 100) || (count >= 2 && sickDays >= 300);
}
