import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import type { Contribution, StatisticsWindow } from './dagsverk.calculator';
import type { MaskReason } from './masking.policy';
import type { PersonFactsState } from './person-facts.reducer';
import type { PublishedAggregateRow } from './published-aggregates.parser';
import type { Quarter } from './quarter.util';
import type { AggregateDelta, AggregateRow } from './statistics.aggregator';
import type { Level, VirksomhetFact, VirksomhetRegister } from './unit.classifier';
import { VARIGHETER, type Varighet } from './varighet.classifier';

/**
 * The SQL of the quarterly statistics (tables: migration 1764100000000). Everything runs in the caller's transaction;
 * nothing here decides anything.
 */

/** Person writers share it, register writers and the full recomputation take it alone (statistics-ledger.service.ts). */
const REGISTER_LOCK = 7_346_201_001;
/** How long an event waits for a register change or a recomputation before it is retried later. */
const EVENT_LOCK_TIMEOUT = '5s';

export interface StoredPerson {
  readonly facts: PersonFactsState;
  readonly contributions: readonly Contribution[];
}

/** A person a transaction changed: as it is now, and the units its stored contributions named before. */
export interface ChangedPerson extends StoredPerson {
  readonly personIdent: string;
  readonly unitsBefore: ReadonlySet<string>;
}

/** An aggregate row with its mask, as the queries read it. */
export interface FigureRow extends AggregateRow {
  readonly maskReason: MaskReason | null;
}

/** A contribution stored compactly: [quarter, orgnr, mulige, tapte, tapteGradert, tapte A–F] (micro-dagsverk < 10^9). */
type StoredContribution = [Quarter, string, number, number, number, number, number, number, number, number, number];

interface SumColumns {
  antall_personer: number;
  mulige: string;
  tapte: string;
  tapte_gradert: string;
  tapte_a: string;
  tapte_b: string;
  tapte_c: string;
  tapte_d: string;
  tapte_e: string;
  tapte_f: string;
}

interface RowColumns extends SumColumns {
  quarter: string;
  level: Level;
  code: string;
}

interface VirksomhetColumns {
  orgnr: string;
  hovedenhet_orgnr: string | null;
  naeringskode: string;
  sektor: VirksomhetFact['sektor'];
  kommunenummer: string;
  version: number;
  cancelled: boolean;
}

const SUM_COLUMNS = 'antall_personer, mulige, tapte, tapte_gradert, tapte_a, tapte_b, tapte_c, tapte_d, tapte_e, tapte_f';
const ROW_UNNEST = `unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::bigint[], $6::bigint[], $7::bigint[], $8::bigint[], $9::bigint[], $10::bigint[],
  $11::bigint[], $12::bigint[], $13::bigint[])`;
/** Rows per statement when whole tables are written. */
const BATCH = 5_000;

@Injectable()
export class StatisticsRepository {
  /**
   * An event's lock: shared with other events, waits for a register change or a recomputation. Returns the window the
   * stored contributions were computed for. A long wait (a recomputation) ends in a retryable error instead, so the
   * consumer backs off and keeps its group membership.
   */
  public async lockForEvent(manager: EntityManager, exclusive: boolean): Promise<StatisticsWindow> {
    await manager.query(`SET LOCAL lock_timeout = '${EVENT_LOCK_TIMEOUT}'`);
    try {
      const [state]: { window_from: string; window_to: string }[] = await manager.query(
        `SELECT ${exclusive ? 'pg_advisory_xact_lock($1)' : 'pg_advisory_xact_lock_shared($1)'}, window_from, window_to FROM stat_state`,
        [REGISTER_LOCK],
      );
      if (!state) throw new RetryLaterError('the statistics window is not set yet');
      return { fromQuarter: state.window_from, toQuarter: state.window_to };
    } catch (error) {
      if ((error as { code?: string }).code === '55P03') throw new RetryLaterError('the statistics are locked by a register change or a recomputation');
      throw error;
    }
  }

  /** The full recomputation's lock: waits as long as it takes. */
  public async lockExclusively(manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [REGISTER_LOCK]);
  }

  public async storedWindow(manager: EntityManager): Promise<StatisticsWindow | null> {
    const [state]: { window_from: string; window_to: string }[] = await manager.query('SELECT window_from, window_to FROM stat_state');
    return state ? { fromQuarter: state.window_from, toQuarter: state.window_to } : null;
  }

  /** Sets the window on a fresh database (nothing stored to recompute yet); no-op once set. */
  public async initialiseWindow(manager: EntityManager, window: StatisticsWindow): Promise<void> {
    await manager.query('INSERT INTO stat_state (window_from, window_to) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [window.fromQuarter, window.toQuarter]);
  }

  public async saveWindow(manager: EntityManager, window: StatisticsWindow, at: Date): Promise<void> {
    await manager.query(
      `INSERT INTO stat_state (window_from, window_to, recomputed_at) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET window_from = EXCLUDED.window_from, window_to = EXCLUDED.window_to, recomputed_at = EXCLUDED.recomputed_at`,
      [window.fromQuarter, window.toQuarter, at],
    );
  }

  /**
   * The rows of a batch's persons, created empty if new, locked until the transaction ends, in person order: every
   * transaction takes them in the same order, so two batches sharing persons wait for each other but never deadlock.
   */
  public async lockPersons(manager: EntityManager, personIdents: readonly string[], empty: PersonFactsState, at: Date): Promise<Map<string, StoredPerson>> {
    const sorted = [...new Set(personIdents)].sort();
    // Inserted in order too: a concurrent insert of the same new person is waited for where the order says.
    await manager.query(
      `INSERT INTO stat_person (person_ident, facts, contributions, updated_at)
       SELECT p, $2::jsonb, '[]'::jsonb, $3 FROM unnest($1::text[]) AS p ORDER BY p ON CONFLICT (person_ident) DO NOTHING`,
      [sorted, JSON.stringify(empty), at],
    );
    const rows: { person_ident: string; facts: PersonFactsState; contributions: StoredContribution[] }[] = await manager.query(
      'SELECT person_ident, facts, contributions FROM stat_person WHERE person_ident = ANY($1::text[]) ORDER BY person_ident FOR UPDATE',
      [sorted],
    );
    return new Map(rows.map((row) => [row.person_ident, { facts: row.facts, contributions: decodeContributions(row.contributions) }]));
  }

  /** The person's row, created empty if new, locked until the transaction ends. */
  public async lockPerson(manager: EntityManager, personIdent: string, empty: PersonFactsState, at: Date): Promise<StoredPerson> {
    // Lock first: most events are about a known person, and a lock writes no new row version. A new person is inserted
    // (a concurrent insert of the same person is waited for) and then locked.
    for (;;) {
      const [row]: { facts: PersonFactsState; contributions: StoredContribution[] }[] = await manager.query(
        'SELECT facts, contributions FROM stat_person WHERE person_ident = $1 FOR UPDATE',
        [personIdent],
      );
      if (row) return { facts: row.facts, contributions: decodeContributions(row.contributions) };
      await manager.query(`INSERT INTO stat_person (person_ident, facts, contributions, updated_at) VALUES ($1, $2, '[]', $3) ON CONFLICT (person_ident) DO NOTHING`, [
        personIdent,
        JSON.stringify(empty),
        at,
      ]);
    }
  }

  /** Each person's facts and contributions, and stat_person_unit kept to the units the contributions name (`before`: what it held). */
  public async savePersons(manager: EntityManager, persons: readonly ChangedPerson[], at: Date): Promise<void> {
    if (persons.length === 0) return;
    await manager.query(
      `UPDATE stat_person p SET facts = c.facts, contributions = c.contributions, updated_at = $4
       FROM unnest($1::text[], $2::jsonb[], $3::jsonb[]) AS c (person_ident, facts, contributions) WHERE p.person_ident = c.person_ident`,
      [persons.map((person) => person.personIdent), persons.map((person) => JSON.stringify(person.facts)), persons.map((person) => encodeContributions(person.contributions)), at],
    );
    const pairs = (keep: (person: ChangedPerson, orgnr: string) => boolean, units: (person: ChangedPerson) => Iterable<string>) =>
      persons.flatMap((person) => [...units(person)].filter((orgnr) => keep(person, orgnr)).map((orgnr) => [person.personIdent, orgnr] as const));
    const after = new Map(persons.map((person) => [person.personIdent, new Set(person.contributions.map((contribution) => contribution.orgnr))]));
    const gone = pairs((person, orgnr) => !after.get(person.personIdent)!.has(orgnr), (person) => person.unitsBefore);
    const added = pairs((person, orgnr) => !person.unitsBefore.has(orgnr), (person) => after.get(person.personIdent)!);
    if (gone.length > 0) {
      await manager.query('DELETE FROM stat_person_unit u USING unnest($1::text[], $2::text[]) AS g (person_ident, orgnr) WHERE u.person_ident = g.person_ident AND u.orgnr = g.orgnr', [
        gone.map(([person]) => person),
        gone.map(([, orgnr]) => orgnr),
      ]);
    }
    if (added.length > 0) {
      await manager.query('INSERT INTO stat_person_unit (orgnr, person_ident) SELECT orgnr, person_ident FROM unnest($1::text[], $2::text[]) AS a (person_ident, orgnr) ON CONFLICT DO NOTHING', [
        added.map(([person]) => person),
        added.map(([, orgnr]) => orgnr),
      ]);
    }
  }

  /** The register entries of the units and of their hovedenheter (whose sektor they take). */
  public async registerOf(manager: EntityManager, orgnrs: readonly string[]): Promise<Map<string, VirksomhetFact>> {
    if (orgnrs.length === 0) return new Map();
    const rows: VirksomhetColumns[] = await manager.query(
      `WITH unit AS (SELECT * FROM stat_virksomhet WHERE orgnr = ANY($1::text[]))
       SELECT * FROM unit
       UNION SELECT v.* FROM stat_virksomhet v JOIN unit ON v.orgnr = unit.hovedenhet_orgnr`,
      [orgnrs],
    );
    return new Map(rows.map((row) => [row.orgnr, virksomhetOf(row)]));
  }

  /** What a change of `orgnr` needs: the unit, the underenheter under it, and every hovedenhet these name. */
  public async registerAround(manager: EntityManager, orgnr: string, newHovedenhet: string | null): Promise<Map<string, VirksomhetFact>> {
    const rows: VirksomhetColumns[] = await manager.query(
      `WITH unit AS (SELECT * FROM stat_virksomhet WHERE orgnr = $1 OR hovedenhet_orgnr = $1)
       SELECT * FROM unit
       UNION SELECT v.* FROM stat_virksomhet v WHERE v.orgnr IN (SELECT hovedenhet_orgnr FROM unit) OR v.orgnr = $2`,
      [orgnr, newHovedenhet],
    );
    return new Map(rows.map((row) => [row.orgnr, virksomhetOf(row)]));
  }

  public async wholeRegister(manager: EntityManager): Promise<VirksomhetRegister> {
    const rows: VirksomhetColumns[] = await manager.query('SELECT * FROM stat_virksomhet');
    return new Map(rows.map((row) => [row.orgnr, virksomhetOf(row)]));
  }

  public async saveVirksomhet(manager: EntityManager, fact: VirksomhetFact, at: Date): Promise<void> {
    await manager.query(
      `INSERT INTO stat_virksomhet (orgnr, hovedenhet_orgnr, naeringskode, sektor, kommunenummer, version, cancelled, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (orgnr) DO UPDATE SET hovedenhet_orgnr = EXCLUDED.hovedenhet_orgnr, naeringskode = EXCLUDED.naeringskode, sektor = EXCLUDED.sektor,
         kommunenummer = EXCLUDED.kommunenummer, version = EXCLUDED.version, cancelled = EXCLUDED.cancelled, updated_at = EXCLUDED.updated_at`,
      [fact.orgnr, fact.hovedenhetOrgnr, fact.naeringskode, fact.sektor, fact.kommunenummer, fact.version, fact.cancelled, at],
    );
  }

  /** The current contributions of every person counted at one of the units. */
  public async contributionsAt(manager: EntityManager, orgnrs: readonly string[]): Promise<Map<string, Contribution[]>> {
    const rows: { person_ident: string; contributions: StoredContribution[] }[] = await manager.query(
      `SELECT p.person_ident, p.contributions FROM stat_person p
       WHERE p.person_ident IN (SELECT person_ident FROM stat_person_unit WHERE orgnr = ANY($1::text[]))
       ORDER BY p.person_ident`,
      [orgnrs],
    );
    return new Map(rows.map((row) => [row.person_ident, decodeContributions(row.contributions)]));
  }

  /**
   * Adds signed deltas to the live rows in one statement, in key order so that concurrent events never deadlock, then
   * removes rows left with no persons (their sums must be zero) and marks the quarters for the next masked refresh.
   */
  public async applyDeltas(manager: EntityManager, deltas: readonly AggregateDelta[], at: Date): Promise<void> {
    if (deltas.length === 0) return;
    await manager.query(
      `INSERT INTO stat_aggregate AS a (quarter, level, code, ${SUM_COLUMNS})
       SELECT * FROM ${ROW_UNNEST} AS d (quarter, level, code, ${SUM_COLUMNS}) ORDER BY quarter, level, code
       ON CONFLICT (quarter, level, code) DO UPDATE SET
         antall_personer = a.antall_personer + EXCLUDED.antall_personer, mulige = a.mulige + EXCLUDED.mulige, tapte = a.tapte + EXCLUDED.tapte,
         tapte_gradert = a.tapte_gradert + EXCLUDED.tapte_gradert, tapte_a = a.tapte_a + EXCLUDED.tapte_a, tapte_b = a.tapte_b + EXCLUDED.tapte_b,
         tapte_c = a.tapte_c + EXCLUDED.tapte_c, tapte_d = a.tapte_d + EXCLUDED.tapte_d, tapte_e = a.tapte_e + EXCLUDED.tapte_e, tapte_f = a.tapte_f + EXCLUDED.tapte_f`,
      rowColumns(deltas),
    );
    const shrinking = deltas.filter((delta) => delta.antallPersoner < 0);
    if (shrinking.length > 0) {
      // Deleted and checked at once: a row with fewer than no persons, or none but dagsverk left, means the deltas
      // do not match the rows, and the error rolls the whole event back.
      const [emptied]: [SumColumns[], number] = await manager.query(
        `DELETE FROM stat_aggregate a USING unnest($1::text[], $2::text[], $3::text[]) AS d (quarter, level, code)
         WHERE a.quarter = d.quarter AND a.level = d.level AND a.code = d.code AND a.antall_personer <= 0
         RETURNING a.*`,
        [shrinking.map((delta) => delta.quarter), shrinking.map((delta) => delta.level), shrinking.map((delta) => delta.code)],
      );
      const inconsistent = emptied.find((row) => row.antall_personer < 0 || [row.mulige, row.tapte, row.tapte_gradert].some((sum) => sum !== '0'));
      if (inconsistent) throw new Error(`A delta does not match the rows: ${JSON.stringify(inconsistent)}`);
    }
    await this.markDirty(manager, [...new Set(deltas.map((delta) => delta.quarter))], at);
  }

  public async markDirty(manager: EntityManager, quarters: readonly Quarter[], at: Date): Promise<void> {
    if (quarters.length === 0) return;
    // A row per mark, locking nothing: a refresh takes only committed marks, so it never waits for this transaction
    // (and cannot deadlock with it), and this mark, once committed, is taken by the next refresh.
    await manager.query('INSERT INTO stat_dirty_quarter (quarter, marked_at) SELECT q, $2 FROM unnest($1::text[]) AS q', [[...new Set(quarters)].sort(), at]);
  }

  /** Takes every mark; the quarters must then be refreshed, or marked again. */
  public async takeDirtyQuarters(manager: EntityManager): Promise<Quarter[]> {
    const [rows]: [{ quarter: string }[], number] = await manager.query('DELETE FROM stat_dirty_quarter RETURNING quarter');
    return [...new Set(rows.map((row) => row.quarter))].sort();
  }

  public async liveRows(manager: EntityManager, quarter?: Quarter): Promise<AggregateRow[]> {
    const rows: RowColumns[] = await manager.query(
      `SELECT * FROM stat_aggregate ${quarter === undefined ? '' : 'WHERE quarter = $1'} ORDER BY quarter, level, code`,
      quarter === undefined ? [] : [quarter],
    );
    return rows.map(aggregateRowOf);
  }

  public async liveQuarters(manager: EntityManager): Promise<Quarter[]> {
    const rows: { quarter: string }[] = await manager.query('SELECT DISTINCT quarter FROM stat_aggregate ORDER BY quarter');
    return rows.map((row) => row.quarter);
  }

  /** Every live row replaced by `rows` (the full recomputation). */
  public async replaceLiveRows(manager: EntityManager, rows: readonly AggregateRow[]): Promise<void> {
    await manager.query('DELETE FROM stat_aggregate');
    for (let start = 0; start < rows.length; start += BATCH) {
      await manager.query(`INSERT INTO stat_aggregate (quarter, level, code, ${SUM_COLUMNS}) SELECT * FROM ${ROW_UNNEST}`, rowColumns(rows.slice(start, start + BATCH)));
    }
  }

  /** One quarter's masked snapshot replaced. */
  public async replaceFigures(manager: EntityManager, quarter: Quarter, rows: readonly FigureRow[], at: Date): Promise<void> {
    await manager.query('DELETE FROM stat_figure WHERE quarter = $1', [quarter]);
    for (let start = 0; start < rows.length; start += BATCH) {
      const batch = rows.slice(start, start + BATCH);
      await manager.query(
        `INSERT INTO stat_figure (quarter, level, code, ${SUM_COLUMNS}, mask_reason, refreshed_at)
         SELECT *, $15::timestamptz FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::bigint[], $6::bigint[], $7::bigint[], $8::bigint[], $9::bigint[],
           $10::bigint[], $11::bigint[], $12::bigint[], $13::bigint[], $14::text[])`,
        [...rowColumns(batch), batch.map((row) => row.maskReason), at],
      );
    }
  }

  /** The masked figures of the series (level, code) in the quarters. */
  public async figures(manager: EntityManager, quarters: readonly Quarter[], series: readonly { level: Level; code: string }[]): Promise<FigureRow[]> {
    const rows: (RowColumns & { mask_reason: MaskReason | null })[] = await manager.query(
      `SELECT f.* FROM stat_figure f JOIN unnest($2::text[], $3::text[]) AS s (level, code) ON f.level = s.level AND f.code = s.code
       WHERE f.quarter = ANY($1::text[])`,
      [quarters, series.map((entry) => entry.level), series.map((entry) => entry.code)],
    );
    return rows.map((row) => ({ ...aggregateRowOf(row), maskReason: row.mask_reason }));
  }

  /** Masked figures of the quarters, in key order, a page at a time (the aggregate export). */
  public async figurePage(manager: EntityManager, from: Quarter, to: Quarter, after: readonly [string, string, string] | null, limit: number): Promise<FigureRow[]> {
    const rows: (RowColumns & { mask_reason: MaskReason | null })[] = await manager.query(
      `SELECT * FROM stat_figure WHERE quarter BETWEEN $1 AND $2 AND ($3::text IS NULL OR (quarter, level, code) > ($3, $4, $5))
       ORDER BY quarter, level, code LIMIT $6`,
      [from, to, after?.[0] ?? null, after?.[1] ?? null, after?.[2] ?? null, limit],
    );
    return rows.map((row) => ({ ...aggregateRowOf(row), maskReason: row.mask_reason }));
  }

  /** The latest quarter with a masked snapshot before `before` (the latest complete quarter). */
  public async latestFigureQuarter(manager: EntityManager, before: Quarter): Promise<Quarter | null> {
    const [row]: { quarter: string | null }[] = await manager.query('SELECT max(quarter) AS quarter FROM stat_figure WHERE quarter < $1', [before]);
    return row?.quarter ?? null;
  }

  /** The (quarter, orgnr) pairs whose VIRKSOMHET figure is shown: the only units a person-level export may name. */
  public async shownUnits(manager: EntityManager, from: Quarter, to: Quarter, orgnrs: readonly string[]): Promise<Set<string>> {
    const rows: { quarter: string; code: string }[] = await manager.query(
      `SELECT quarter, code FROM stat_figure WHERE level = 'VIRKSOMHET' AND quarter BETWEEN $1 AND $2 AND code = ANY($3::text[]) AND mask_reason IS NULL`,
      [from, to, orgnrs],
    );
    return new Set(rows.map((row) => `${row.quarter}|${row.code}`));
  }

  /** Persons in ident order, a page at a time, with their contributions (the pseudonymised export). */
  public async personPage(manager: EntityManager, offset: number, limit: number): Promise<{ personIdent: string; contributions: Contribution[] }[]> {
    const rows: { person_ident: string; contributions: StoredContribution[] }[] = await manager.query(
      "SELECT person_ident, contributions FROM stat_person WHERE contributions <> '[]' ORDER BY person_ident OFFSET $1 LIMIT $2",
      [offset, limit],
    );
    return rows.map((row) => ({ personIdent: row.person_ident, contributions: decodeContributions(row.contributions) }));
  }

  /**
   * Persons after `after` in ident order with their facts, their stored contributions (as encodeContributions writes
   * them, so equal ones compare equal as text) and the units those name (the full recomputation).
   */
  public async personBatch(
    manager: EntityManager,
    after: string | null,
    limit: number,
  ): Promise<{ personIdent: string; facts: PersonFactsState; stored: string; units: Set<string> }[]> {
    const rows: { person_ident: string; facts: PersonFactsState; contributions: StoredContribution[] }[] = await manager.query(
      'SELECT person_ident, facts, contributions FROM stat_person WHERE $1::text IS NULL OR person_ident > $1 ORDER BY person_ident LIMIT $2',
      [after, limit],
    );
    return rows.map((row) => ({
      personIdent: row.person_ident,
      facts: row.facts,
      stored: JSON.stringify(row.contributions),
      units: new Set(row.contributions.map(([, orgnr]) => orgnr)),
    }));
  }

  /** New contributions for many persons at once; their units move from `before` to the new contributions' units. */
  public async rewriteContributions(
    manager: EntityManager,
    persons: readonly { personIdent: string; contributions: readonly Contribution[]; before: ReadonlySet<string> }[],
  ): Promise<void> {
    if (persons.length === 0) return;
    await manager.query(
      `UPDATE stat_person p SET contributions = c.contributions FROM unnest($1::text[], $2::jsonb[]) AS c (person_ident, contributions)
       WHERE p.person_ident = c.person_ident`,
      [persons.map((person) => person.personIdent), persons.map((person) => encodeContributions(person.contributions))],
    );
    const gone: [string, string][] = [];
    const added: [string, string][] = [];
    for (const { personIdent, contributions, before } of persons) {
      const after = new Set(contributions.map((contribution) => contribution.orgnr));
      for (const orgnr of before) if (!after.has(orgnr)) gone.push([orgnr, personIdent]);
      for (const orgnr of after) if (!before.has(orgnr)) added.push([orgnr, personIdent]);
    }
    // By the whole key, so each pair is an index lookup.
    if (gone.length > 0) {
      await manager.query('DELETE FROM stat_person_unit WHERE (orgnr, person_ident) IN (SELECT * FROM unnest($1::text[], $2::text[]))', [gone.map(([orgnr]) => orgnr), gone.map(([, person]) => person)]);
    }
    if (added.length > 0) {
      await manager.query('INSERT INTO stat_person_unit (orgnr, person_ident) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING', [
        added.map(([orgnr]) => orgnr),
        added.map(([, person]) => person),
      ]);
    }
  }

  public async publishedFigures(manager: EntityManager, quarters: readonly Quarter[], series: readonly { level: Level; code: string }[]): Promise<PublishedAggregateRow[]> {
    const rows: { quarter: string; level: Level; code: string; publisher: string; tapte: string; mulige: string; antall_personer: number }[] = await manager.query(
      `SELECT p.* FROM stat_published_aggregate p JOIN unnest($2::text[], $3::text[]) AS s (level, code) ON p.level = s.level AND p.code = s.code
       WHERE p.quarter = ANY($1::text[]) ORDER BY p.publisher, p.quarter`,
      [quarters, series.map((entry) => entry.level), series.map((entry) => entry.code)],
    );
    return rows.map((row) => ({
      source: 'PUBLISHED',
      publisher: row.publisher,
      quarter: row.quarter,
      level: row.level,
      code: row.code,
      tapte: BigInt(row.tapte),
      mulige: BigInt(row.mulige),
      antallPersoner: row.antall_personer,
    }));
  }

  /** An import's rows replace earlier ones of the same (quarter, level, code, publisher); the import is recorded. */
  public async savePublished(manager: EntityManager, importId: string, rows: readonly PublishedAggregateRow[], by: string, reason: string, at: Date): Promise<void> {
    await manager.query('INSERT INTO stat_published_import (import_id, imported_at, imported_by, reason, row_count) VALUES ($1, $2, $3, $4, $5)', [importId, at, by, reason, rows.length]);
    for (let start = 0; start < rows.length; start += BATCH) {
      const batch = rows.slice(start, start + BATCH);
      await manager.query(
        `INSERT INTO stat_published_aggregate (quarter, level, code, publisher, tapte, mulige, antall_personer, import_id)
         SELECT *, $8::uuid FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::bigint[], $7::int[])
         ON CONFLICT (quarter, level, code, publisher) DO UPDATE SET tapte = EXCLUDED.tapte, mulige = EXCLUDED.mulige,
           antall_personer = EXCLUDED.antall_personer, import_id = EXCLUDED.import_id`,
        [
          ...columnsOf(batch, [(row) => row.quarter, (row) => row.level, (row) => row.code, (row) => row.publisher, (row) => row.tapte.toString(), (row) => row.mulige.toString(), (row) => row.antallPersoner]),
          importId,
        ],
      );
    }
  }
}

/** An event that found the statistics locked: the consumer retries it with backoff (40001: retry the transaction). */
export class RetryLaterError extends Error {
  public readonly code = '40001';

  public constructor(message: string) {
    super(message);
    this.name = 'RetryLaterError';
  }
}

export function encodeContributions(contributions: readonly Contribution[]): string {
  return JSON.stringify(
    contributions.map((c): StoredContribution => [c.quarter, c.orgnr, Number(c.mulige), Number(c.tapte), Number(c.tapteGradert), ...VARIGHETER.map((v) => Number(c.tapteVarighet[v]))] as StoredContribution),
  );
}

function decodeContributions(stored: readonly StoredContribution[]): Contribution[] {
  return stored.map(([quarter, orgnr, mulige, tapte, tapteGradert, ...varighet]) => ({
    quarter,
    orgnr,
    mulige: BigInt(mulige),
    tapte: BigInt(tapte),
    tapteGradert: BigInt(tapteGradert),
    tapteVarighet: Object.fromEntries(VARIGHETER.map((v, index) => [v, BigInt(varighet[index]!)])) as Record<Varighet, bigint>,
  }));
}

function rowColumns(rows: readonly AggregateRow[]): unknown[][] {
  return columnsOf(rows, [
    (row) => row.quarter,
    (row) => row.level,
    (row) => row.code,
    (row) => row.antallPersoner,
    (row) => row.mulige.toString(),
    (row) => row.tapte.toString(),
    (row) => row.tapteGradert.toString(),
    ...VARIGHETER.map((varighet) => (row: AggregateRow) => row.tapteVarighet[varighet].toString()),
  ]);
}

/** Rows to one array per column, for a statement that unnests them server-side. */
function columnsOf<T>(rows: readonly T[], columns: readonly ((row: T) => unknown)[]): unknown[][] {
  return columns.map((column) => rows.map(column));
}

function aggregateRowOf(row: RowColumns): AggregateRow {
  return {
    quarter: row.quarter,
    level: row.level,
    code: row.code,
    antallPersoner: row.antall_personer,
    mulige: BigInt(row.mulige),
    tapte: BigInt(row.tapte),
    tapteGradert: BigInt(row.tapte_gradert),
    tapteVarighet: { A: BigInt(row.tapte_a), B: BigInt(row.tapte_b), C: BigInt(row.tapte_c), D: BigInt(row.tapte_d), E: BigInt(row.tapte_e), F: BigInt(row.tapte_f) },
  };
}

function virksomhetOf(row: VirksomhetColumns): VirksomhetFact {
  return {
    orgnr: row.orgnr,
    hovedenhetOrgnr: row.hovedenhet_orgnr,
    naeringskode: row.naeringskode,
    sektor: row.sektor,
    kommunenummer: row.kommunenummer,
    version: row.version,
    cancelled: row.cancelled,
  };
}
