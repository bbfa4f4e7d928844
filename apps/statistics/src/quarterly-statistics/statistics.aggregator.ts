import { addSums, compareText, ZERO_SUMS, type Contribution, type DagsverkSums } from './dagsverk.calculator';
import type { Quarter } from './quarter.util';
import { classifyUnit, LEVELS, unitsAffectedBy, applyVirksomhet, type Level, type VirksomhetFact, type VirksomhetRegister } from './unit.classifier';

/**
 * Quarterly rows per (quarter, level, code) from per-person contributions (handbook §9.1), built so that they can
 * be kept up to date incrementally: a row is a plain sum over persons of that person's share of it, so when a
 * person's facts change, the old share is subtracted and the new one added (`personDelta`). Distinct persons are
 * exact too, because a person's share of a row carries `antallPersoner` 1 however many of their contributions fall
 * in it. A full recomputation (`aggregate`) and any sequence of deltas give the same rows; the property spec checks it.
 */

export interface AggregateKey {
  readonly quarter: Quarter;
  readonly level: Level;
  readonly code: string;
}

export interface AggregateRow extends AggregateKey, DagsverkSums {
  /** Distinct persons with at least one agreed working day in the quarter at a unit of the row (the population). */
  readonly antallPersoner: number;
}

/** A signed change to a row; applying it to a row that does not exist yet creates the row. */
export type AggregateDelta = AggregateRow;

export function aggregateKeyOf({ quarter, level, code }: AggregateKey): string {
  return `${quarter}|${level}|${code}`;
}

/** One person's share of every row: their contributions classified and summed, `antallPersoner` 1 per row. */
export function personShares(contributions: readonly Contribution[], register: VirksomhetRegister): AggregateRow[] {
  const shares = new Map<string, AggregateRow>();
  for (const contribution of contributions) {
    const codes = classifyUnit(contribution.orgnr, register);
    for (const level of LEVELS) {
      const code = codes[level];
      if (code === null) continue;
      const key = aggregateKeyOf({ quarter: contribution.quarter, level, code });
      const held = shares.get(key);
      shares.set(key, { quarter: contribution.quarter, level, code, ...addSums(held ?? ZERO_SUMS, contribution), antallPersoner: 1 });
    }
  }
  return [...shares.values()];
}

/**
 * What replacing one person's contributions does to the rows: their old share (under the register it was counted
 * with) subtracted, the new one added. Rows the change leaves equal are not in the result.
 */
export function personDelta(
  before: { readonly contributions: readonly Contribution[]; readonly register: VirksomhetRegister },
  after: { readonly contributions: readonly Contribution[]; readonly register: VirksomhetRegister },
): AggregateDelta[] {
  const deltas = new Map<string, AggregateDelta>();
  const add = (row: AggregateRow, sign: 1n | -1n) => {
    const key = aggregateKeyOf(row);
    const held = deltas.get(key) ?? { quarter: row.quarter, level: row.level, code: row.code, ...ZERO_SUMS, antallPersoner: 0 };
    deltas.set(key, { ...held, ...addSums(held, row, sign), antallPersoner: held.antallPersoner + Number(sign) * row.antallPersoner });
  };
  for (const share of personShares(before.contributions, before.register)) add(share, -1n);
  for (const share of personShares(after.contributions, after.register)) add(share, 1n);
  return sortRows([...deltas.values()].filter((delta) => !isZero(delta)));
}

/**
 * Applies deltas to a table of rows keyed by `aggregateKeyOf`, in place. A row whose persons drop to zero is
 * removed ("a quarter with no arbeidsforhold has no row", §9.1); its sums must be zero then, or the table was not
 * built from the same contributions.
 */
export function applyDeltas(table: Map<string, AggregateRow>, deltas: readonly AggregateDelta[]): void {
  for (const delta of deltas) {
    const key = aggregateKeyOf(delta);
    const held = table.get(key);
    const row: AggregateRow = held ? { ...held, ...addSums(held, delta), antallPersoner: held.antallPersoner + delta.antallPersoner } : delta;
    if (row.antallPersoner < 0 || (row.antallPersoner === 0 && !isZero(row))) {
      throw new Error(`Row ${key} would be left with ${row.antallPersoner} persons and non-zero sums: the delta does not match the table`);
    }
    if (row.antallPersoner === 0) table.delete(key);
    else table.set(key, row);
  }
}

/** Several persons' deltas as one change per row (one statement may touch a row once); zero changes are left out. */
export function sumDeltas(deltas: readonly AggregateDelta[]): AggregateDelta[] {
  const sums = new Map<string, AggregateDelta>();
  for (const delta of deltas) {
    const key = aggregateKeyOf(delta);
    const held = sums.get(key);
    sums.set(key, held ? { ...held, ...addSums(held, delta), antallPersoner: held.antallPersoner + delta.antallPersoner } : delta);
  }
  return sortRows([...sums.values()].filter((delta) => !isZero(delta)));
}

/** The full recomputation: every person's contributions classified and summed. */
export function aggregate(persons: Iterable<readonly Contribution[]>, register: VirksomhetRegister): AggregateRow[] {
  const accumulator = new AggregateAccumulator(register);
  for (const contributions of persons) accumulator.addPerson(contributions);
  return accumulator.rows();
}

/** Above this a row's running sums move into its bigint carry, so the number fields stay exact integers. */
const LANE_LIMIT = 2 ** 52;

/**
 * A row being summed by `AggregateAccumulator`: plain number fields (exact while below 2^53; a contribution is below
 * 10^9), because bigint additions allocate and a country's recomputation does half a billion of them; a bigint carry
 * takes over in the rare row that grows past 2^52. Every other sum is at most `mulige`, so watching that is enough.
 * Fields in the object itself, not a typed array: a country has a million rows, touched in random order.
 */
interface RunningRow extends AggregateKey {
  antallPersoner: number;
  mulige: number;
  tapte: number;
  tapteGradert: number;
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;
  /** mulige, tapte, tapteGradert, A–F moved out of the number fields; null until needed. */
  carry: bigint[] | null;
}

/**
 * The full recomputation, one person at a time, so that persons can stream from storage: the same rows as applying
 * every person's `personShares` to an empty table, without a delta object per share. The register is fixed, so each
 * unit is classified once and each (quarter, unit) finds its rows once.
 */
export class AggregateAccumulator {
  private readonly table = new Map<string, RunningRow>();
  private readonly rowsOfUnit = new Map<Quarter, Map<string, RunningRow[]>>();

  public constructor(private readonly register: VirksomhetRegister) {}

  public addPerson(contributions: readonly Contribution[]): void {
    // A person counts once per row however many of their contributions fall in it. Contributions come sorted by
    // quarter, and only contributions sharing a quarter can share a row.
    let counted: Set<RunningRow> | undefined;
    for (let index = 1; index < contributions.length && !counted; index++) {
      if (contributions[index]!.quarter === contributions[index - 1]!.quarter) counted = new Set();
    }
    for (const contribution of contributions) {
      const mulige = Number(contribution.mulige);
      const tapte = Number(contribution.tapte);
      const tapteGradert = Number(contribution.tapteGradert);
      const { A, B, C, D, E, F } = contribution.tapteVarighet;
      const [a, b, c, d, e, f] = [Number(A), Number(B), Number(C), Number(D), Number(E), Number(F)];
      for (const row of this.unitRows(contribution.quarter, contribution.orgnr)) {
        if (row.mulige + mulige >= LANE_LIMIT) carryOver(row);
        row.mulige += mulige;
        row.tapte += tapte;
        row.tapteGradert += tapteGradert;
        row.a += a;
        row.b += b;
        row.c += c;
        row.d += d;
        row.e += e;
        row.f += f;
        if (!counted) row.antallPersoner++;
        else if (!counted.has(row)) {
          counted.add(row);
          row.antallPersoner++;
        }
      }
    }
  }

  public rows(): AggregateRow[] {
    return sortRows(
      [...this.table.values()].map((row) => {
        const carry = row.carry ?? [];
        const value = (lane: number, sum: number) => (carry[lane] ?? 0n) + BigInt(sum);
        return {
          quarter: row.quarter,
          level: row.level,
          code: row.code,
          mulige: value(0, row.mulige),
          tapte: value(1, row.tapte),
          tapteGradert: value(2, row.tapteGradert),
          tapteVarighet: { A: value(3, row.a), B: value(4, row.b), C: value(5, row.c), D: value(6, row.d), E: value(7, row.e), F: value(8, row.f) },
          antallPersoner: row.antallPersoner,
        };
      }),
    );
  }

  /** The rows a contribution of the unit in the quarter adds to, one per level where the unit has a code. */
  private unitRows(quarter: Quarter, orgnr: string): RunningRow[] {
    let units = this.rowsOfUnit.get(quarter);
    if (!units) {
      units = new Map();
      this.rowsOfUnit.set(quarter, units);
    }
    let rows = units.get(orgnr);
    if (!rows) {
      const codes = classifyUnit(orgnr, this.register);
      rows = LEVELS.flatMap((level) => {
        const code = codes[level];
        if (code === null) return [];
        const key = aggregateKeyOf({ quarter, level, code });
        let row = this.table.get(key);
        if (!row) {
          row = { quarter, level, code, antallPersoner: 0, mulige: 0, tapte: 0, tapteGradert: 0, a: 0, b: 0, c: 0, d: 0, e: 0, f: 0, carry: null };
          this.table.set(key, row);
        }
        return [row];
      });
      units.set(orgnr, rows);
    }
    return rows;
  }
}

function carryOver(row: RunningRow): void {
  const sums = [row.mulige, row.tapte, row.tapteGradert, row.a, row.b, row.c, row.d, row.e, row.f];
  row.carry = sums.map((sum, lane) => (row.carry?.[lane] ?? 0n) + BigInt(sum));
  row.mulige = row.tapte = row.tapteGradert = row.a = row.b = row.c = row.d = row.e = row.f = 0;
}

/** Rows ordered by quarter, level (in `LEVELS` order), code: the order `aggregate` returns. */
export function sortRows<T extends AggregateKey>(rows: T[]): T[] {
  return rows.sort(
    (a, b) => compareText(a.quarter, b.quarter) || LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || compareText(a.code, b.code),
  );
}

/**
 * The incremental state in memory: each person's current contributions, the register, and the rows. The
 * service keeps the same three things in PostgreSQL and applies the same deltas; this class is the reference the
 * equivalence spec holds against `aggregate`.
 */
export class StatisticsLedger {
  private readonly contributionsByPerson = new Map<string, readonly Contribution[]>();
  private readonly personsByOrgnr = new Map<string, Set<string>>();
  private readonly table = new Map<string, AggregateRow>();
  private currentRegister: VirksomhetRegister;

  public constructor(register: VirksomhetRegister = new Map()) {
    this.currentRegister = register;
  }

  public get register(): VirksomhetRegister {
    return this.currentRegister;
  }

  /** Replaces a person's contributions (recomputed from their facts after any change); returns the row changes. */
  public replacePerson(personKey: string, contributions: readonly Contribution[]): AggregateDelta[] {
    const before = this.contributionsByPerson.get(personKey) ?? [];
    const deltas = personDelta({ contributions: before, register: this.currentRegister }, { contributions, register: this.currentRegister });
    applyDeltas(this.table, deltas);
    for (const { orgnr } of before) this.personsByOrgnr.get(orgnr)?.delete(personKey);
    for (const { orgnr } of contributions) this.personsAt(orgnr).add(personKey);
    if (contributions.length === 0) this.contributionsByPerson.delete(personKey);
    else this.contributionsByPerson.set(personKey, contributions);
    return deltas;
  }

  /** Applies a register event; every person counted at a unit it reclassifies moves to the new rows. */
  public applyVirksomhet(fact: VirksomhetFact): AggregateDelta[] {
    const oldRegister = this.currentRegister;
    const newRegister = applyVirksomhet(oldRegister, fact);
    if (newRegister === oldRegister) return [];
    const persons = new Set<string>();
    for (const orgnr of unitsAffectedBy(fact.orgnr, oldRegister)) for (const person of this.personsByOrgnr.get(orgnr) ?? []) persons.add(person);
    const deltas = [...persons].flatMap((person) => {
      const contributions = this.contributionsByPerson.get(person)!;
      return personDelta({ contributions, register: oldRegister }, { contributions, register: newRegister });
    });
    applyDeltas(this.table, deltas);
    this.currentRegister = newRegister;
    return deltas;
  }

  public rows(): AggregateRow[] {
    return sortRows([...this.table.values()]);
  }

  private personsAt(orgnr: string): Set<string> {
    let persons = this.personsByOrgnr.get(orgnr);
    if (!persons) {
      persons = new Set();
      this.personsByOrgnr.set(orgnr, persons);
    }
    return persons;
  }
}

function isZero(row: AggregateRow): boolean {
  return (
    row.antallPersoner === 0 &&
    row.mulige === 0n &&
    row.tapte === 0n &&
    row.tapteGradert === 0n &&
    Object.values(row.tapteVarighet).every((value) => value === 0n)
  );
}
