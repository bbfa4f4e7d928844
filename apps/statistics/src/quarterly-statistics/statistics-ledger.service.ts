import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, deferredWrite, LOGGER, type Clock, type DeferredWrite } from '@syfo/platform';
import type { Logger } from 'pino';
import { DataSource, type EntityManager } from 'typeorm';

import { contributionsOf, type Contribution, type StatisticsWindow } from './dagsverk.calculator';
import { EMPTY_PERSON_FACTS, type PersonFactsState } from './person-facts.reducer';
import { aggregateKeyOf, AggregateAccumulator, personDelta, sumDeltas, type AggregateDelta, type AggregateRow } from './statistics.aggregator';
import { encodeContributions, StatisticsRepository, type StoredPerson } from './statistics.repository';
import { applyVirksomhet, unitsAffectedBy, type VirksomhetFact, type VirksomhetRegister } from './unit.classifier';

export interface RecomputationReport {
  readonly window: StatisticsWindow;
  readonly persons: number;
  /** Persons whose stored contributions differed from their facts' (0 when the incremental state was right). */
  readonly personsChanged: number;
  readonly rows: number;
  /** Live rows that were missing, extra or different (0 when the incremental state was right). */
  readonly rowsChanged: number;
  readonly readMs: number;
  readonly computeMs: number;
  /** Waiting for the persons' new contributions and units to be written (reads and writes overlap the computation). */
  readonly personsWriteMs: number;
  /** Replacing the live rows. */
  readonly rowsWriteMs: number;
  readonly totalMs: number;
}

/** Persons read, computed and rewritten per round of the full recomputation. */
const RECOMPUTE_BATCH = 2_000;

/**
 * The statistics kept in PostgreSQL the way `StatisticsLedger` (statistics.aggregator.ts) keeps them in memory: each
 * person's facts and current contributions, the register, and the rows. An event recomputes one person from their
 * whole facts and applies the difference to the rows in the event's own transaction, so late corrections and
 * cancellations land in the quarters they concern. A register change moves the persons of the units it reclassifies.
 *
 * Concurrency: person events share a lock that register events and the full recomputation take alone, so a
 * classification never changes under a person's delta. A transaction's persons are locked up front in person order
 * (`lockPersons`), and its deltas are summed and applied once at its end, in key order: batches of different partitions
 * then wait for each other's rows (the country's above all) only from that point to their commit, and never deadlock.
 */
@Injectable()
export class StatisticsLedgerService {
  public constructor(
    private readonly dataSource: DataSource,
    private readonly repository: StatisticsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Takes the locks of a transaction's person events before the first is applied (the handlers' `prepare`). */
  public async lockPersons(manager: EntityManager, personIdents: readonly string[]): Promise<void> {
    const pending = this.pendingOf(manager);
    await pending.window(false);
    for (const [personIdent, person] of await this.repository.lockPersons(manager, personIdents, EMPTY_PERSON_FACTS, this.clock.now())) pending.persons.set(personIdent, person);
  }

  /** One person's facts changed by `change` (a reducer: it returns the same object when the event changes nothing). */
  public async changePerson(manager: EntityManager, personIdent: string, change: (facts: PersonFactsState) => PersonFactsState): Promise<void> {
    const pending = this.pendingOf(manager);
    const window = await pending.window(false);
    const now = this.clock.now();
    const held = pending.persons.get(personIdent) ?? (await this.repository.lockPerson(manager, personIdent, EMPTY_PERSON_FACTS, now));
    const facts = change(held.facts);
    if (facts === held.facts) return; // stale or redelivered
    const contributions = contributionsOf(facts, window);
    const before = unitsOf(held.contributions);
    const after = unitsOf(contributions);
    const register = await pending.registerOf([...before, ...after]);
    pending.changePerson(personIdent, { facts, contributions }, before);
    pending.add(personDelta({ contributions: held.contributions, register }, { contributions, register }));
  }

  /** A register event: the persons of every unit it reclassifies move to their new rows. */
  public async changeVirksomhet(manager: EntityManager, fact: VirksomhetFact): Promise<void> {
    const pending = this.pendingOf(manager);
    await pending.window(true);
    pending.forgetRegister();
    // What follows reads persons' contributions from the tables, so the transaction's changes must be there.
    await pending.writePersons();
    const now = this.clock.now();
    const around = await this.repository.registerAround(manager, fact.orgnr, fact.hovedenhetOrgnr);
    if (applyVirksomhet(around, fact) === around) return; // stale or redelivered
    await this.repository.saveVirksomhet(manager, fact, now);
    const persons = await this.repository.contributionsAt(manager, [...unitsAffectedBy(fact.orgnr, around)]);
    if (persons.size === 0) return;
    // A person's other units classify the same before and after, but must be known for their distinct counts.
    const others = await this.repository.registerOf(manager, [...new Set([...persons.values()].flatMap((contributions) => [...unitsOf(contributions)]))]);
    const before = new Map([...others, ...around]);
    const after = applyVirksomhet(before, fact);
    for (const contributions of persons.values()) pending.add(personDelta({ contributions, register: before }, { contributions, register: after }));
  }

  private pendingOf(manager: EntityManager): PendingStatistics {
    return deferredWrite(manager, 'statistics.aggregates', () => new PendingStatistics(manager, this.repository, this.clock));
  }

  /**
   * Every person computed again from their facts and every row summed from scratch, under `window`; the stored
   * contributions and rows are replaced. Events wait meanwhile (they back off and retry). The report says how much
   * differed from the incremental state: nothing, unless the window or the calculation changed.
   */
  public async recomputeAll(window: StatisticsWindow, onlyIfWindowMoved = false): Promise<RecomputationReport | null> {
    return this.dataSource.transaction(async (manager) => {
      const started = performance.now();
      await this.repository.lockExclusively(manager);
      if (onlyIfWindowMoved && sameWindow(await this.repository.storedWindow(manager), window)) return null;
      const timing = { readMs: 0, computeMs: 0, personsWriteMs: 0, rowsWriteMs: 0 };
      const timed = async <T>(part: keyof typeof timing, work: () => Promise<T> | T): Promise<T> => {
        const start = performance.now();
        try {
          return await work();
        } finally {
          timing[part] += performance.now() - start;
        }
      };

      const accumulator = new AggregateAccumulator(await timed('readMs', () => this.repository.wholeRegister(manager)));
      let persons = 0;
      let personsChanged = 0;
      // The next batch is read, and the last one written, while this one is computed: the queries queue on the
      // transaction's connection, so PostgreSQL and the service work at the same time.
      let reading = handled(this.repository.personBatch(manager, null, RECOMPUTE_BATCH));
      let writing: Promise<void> = Promise.resolve();
      try {
        for (;;) {
          const batch = await timed('readMs', () => reading);
          if (batch.length === 0) break;
          reading = handled(this.repository.personBatch(manager, batch[batch.length - 1]!.personIdent, RECOMPUTE_BATCH));
          const changed = await timed('computeMs', () =>
            batch.flatMap(({ personIdent, facts, stored, units }) => {
              const contributions = contributionsOf(facts, window);
              accumulator.addPerson(contributions);
              return encodeContributions(contributions) === stored ? [] : [{ personIdent, contributions, before: units }];
            }),
          );
          await timed('personsWriteMs', () => writing);
          writing = handled(this.repository.rewriteContributions(manager, changed));
          persons += batch.length;
          personsChanged += changed.length;
        }
        await timed('personsWriteMs', () => writing);
      } finally {
        // A failed query fails the ones queued behind it; wait for all before the transaction is rolled back.
        await Promise.allSettled([reading, writing]);
      }
      const rows = await timed('computeMs', () => accumulator.rows());
      const live = await timed('readMs', () => this.repository.liveRows(manager));
      const rowsChanged = countDifferences(live, rows);
      await timed('rowsWriteMs', async () => {
        await this.repository.replaceLiveRows(manager, rows);
        await this.repository.markDirty(manager, [...new Set([...live, ...rows].map((row) => row.quarter))], this.clock.now());
        await this.repository.saveWindow(manager, window, this.clock.now());
      });
      const report: RecomputationReport = {
        window,
        persons,
        personsChanged,
        rows: rows.length,
        rowsChanged,
        readMs: Math.round(timing.readMs),
        computeMs: Math.round(timing.computeMs),
        personsWriteMs: Math.round(timing.personsWriteMs),
        rowsWriteMs: Math.round(timing.rowsWriteMs),
        totalMs: Math.round(performance.now() - started),
      };
      this.logger.info({ ...report }, 'statistics recomputed from every person’s facts');
      return report;
    });
  }
}

/**
 * A transaction's share of the statistics: its lock and window, taken once; its persons as locked and changed (each
 * changed person written once, at its end), and the register units it has read (the register cannot change under the
 * shared lock), so each is read once per batch; and its deltas, applied at its end.
 */
class PendingStatistics implements DeferredWrite {
  public readonly persons = new Map<string, StoredPerson>();
  /** The persons changed and not yet written, with the units their stored row named. */
  private readonly unwritten = new Map<string, ReadonlySet<string>>();
  private readonly deltas: AggregateDelta[] = [];
  private readonly register = new Map<string, VirksomhetFact>();
  private readonly unitsRead = new Set<string>();
  private locked: { readonly exclusive: boolean; readonly window: Promise<StatisticsWindow> } | null = null;

  public constructor(
    private readonly manager: EntityManager,
    private readonly repository: StatisticsRepository,
    private readonly clock: Clock,
  ) {}

  /** The window, under the register lock: shared for person events, exclusive for register events. Held to the commit. */
  public window(exclusive: boolean): Promise<StatisticsWindow> {
    if (this.locked && (this.locked.exclusive || !exclusive)) return this.locked.window;
    this.locked = { exclusive, window: this.repository.lockForEvent(this.manager, exclusive) };
    return this.locked.window;
  }

  /** The register entries of `orgnrs` (and of their hovedenheter), among others the transaction has read. */
  public async registerOf(orgnrs: Iterable<string>): Promise<VirksomhetRegister> {
    const unread = [...new Set(orgnrs)].filter((orgnr) => !this.unitsRead.has(orgnr));
    if (unread.length > 0) {
      for (const [orgnr, fact] of await this.repository.registerOf(this.manager, unread)) this.register.set(orgnr, fact);
      for (const orgnr of unread) this.unitsRead.add(orgnr);
    }
    return this.register;
  }

  /** A register event is changing the register: what was read of it no longer holds. */
  public forgetRegister(): void {
    this.register.clear();
    this.unitsRead.clear();
  }

  public add(deltas: readonly AggregateDelta[]): void {
    for (const delta of deltas) this.deltas.push(delta);
  }

  /** A person's new state, written with the others at the end instead of once per event. */
  public changePerson(personIdent: string, person: StoredPerson, unitsBefore: ReadonlySet<string>): void {
    this.persons.set(personIdent, person);
    if (!this.unwritten.has(personIdent)) this.unwritten.set(personIdent, unitsBefore);
  }

  public async writePersons(): Promise<void> {
    const changed = [...this.unwritten].map(([personIdent, unitsBefore]) => ({ personIdent, unitsBefore, ...this.persons.get(personIdent)! }));
    this.unwritten.clear();
    await this.repository.savePersons(this.manager, changed, this.clock.now());
  }

  public async flush(manager: EntityManager): Promise<void> {
    await this.writePersons();
    await this.repository.applyDeltas(manager, sumDeltas(this.deltas), this.clock.now());
  }
}

export function sameWindow(a: StatisticsWindow | null, b: StatisticsWindow): boolean {
  return a !== null && a.fromQuarter === b.fromQuarter && a.toQuarter === b.toQuarter;
}

/** Marks a promise that is awaited later as handled now, so a failure in the meantime is not reported as unhandled. */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

function unitsOf(contributions: readonly Contribution[]): Set<string> {
  return new Set(contributions.map((contribution) => contribution.orgnr));
}

/** Rows present on one side only, or with different figures. */
function countDifferences(before: readonly AggregateRow[], after: readonly AggregateRow[]): number {
  const figures = (row: AggregateRow) =>
    [row.antallPersoner, row.mulige, row.tapte, row.tapteGradert, ...Object.values(row.tapteVarighet)].join('|');
  const held = new Map(before.map((row) => [aggregateKeyOf(row), figures(row)]));
  let differences = 0;
  for (const row of after) {
    const key = aggregateKeyOf(row);
    if (held.get(key) !== figures(row)) differences++;
    held.delete(key);
  }
  return differences + held.size;
}
