/** Weighted mod-11 control digit; `undefined` when the remainder makes the number impossible (10). */
export function mod11ControlDigit(digits: readonly number[], weights: readonly number[]): number | undefined {
  const sum = weights.reduce((acc, weight, i) => acc + weight * (digits[i] ?? 0), 0);
  const control = 11 - (sum % 11);
  if (control === 11) return 0;
  return control === 10 ? undefined : control;
}

export function toDigits(value: string): number[] {
  return [...value].map(Number);
}
