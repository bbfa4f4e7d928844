/** The quarter a local date (YYYY-MM-DD) falls in, as YYYY-Qn. */
export function quarterOf(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}
