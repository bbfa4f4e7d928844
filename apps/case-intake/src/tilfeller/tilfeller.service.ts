import { Inject, Injectable } from '@nestjs/common';
import { TilfellerChangedEvent } from '@syfo/contracts';
import { osloDate } from '@syfo/local-date';
import { CLOCK, CONFIG, deferredWrite, type Clock, type DeferredWrite, type OutboxTransaction } from '@syfo/platform';

import type { CaseIntakeConfig } from '../config/case-intake.config';
import { canonicalJson } from '../documents/content-hash.util';
import { Document, TILFELLE_DOCUMENT_KINDS } from '../documents/document.entity';
import { computeOppfolgingstilfeller, isRecurringAbsence, type Oppfolgingstilfelle } from '../oppfolgingstilfelle';
import { toArbeidsforhold, toBits } from './document-bits.mapper';
import { PersonTilfeller } from './person-tilfeller.entity';

/**
 * Recomputes a person's tilfeller from every live document, in the transaction that changed one of
 * them, and publishes the whole list when it changed. Because the computation is a pure function
 * of the documents, arrival order never matters, and a transaction that took in several of a
 * person's documents (a bulk load, a consumer's batch) recomputes them once, at its end.
 */
@Injectable()
export class TilfellerService {
  public constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONFIG) private readonly config: CaseIntakeConfig,
  ) {}

  /** Marks the person's tilfeller for recomputing before `tx` commits. */
  public recompute(tx: OutboxTransaction, personIdent: string): void {
    deferredWrite(tx.manager, 'case-intake.tilfeller', () => new PendingRecomputes((persons) => this.recomputeNow(tx, persons))).add(personIdent);
  }

  private async recomputeNow(tx: OutboxTransaction, persons: readonly string[]): Promise<void> {
    const now = this.clock.now();
    // Lock first, in ident order, so two transactions never compute from each other's half or wait on each other in a circle.
    await tx.manager.query(
      `INSERT INTO person_tilfeller (person_ident, tilfeller, recurring_absence, revision, computed_at)
       SELECT person_ident, '[]', false, 0, $2 FROM unnest($1::text[]) AS person_ident ORDER BY person_ident ON CONFLICT DO NOTHING`,
      [persons, now],
    );
    const current = await tx.manager
      .getRepository(PersonTilfeller)
      .createQueryBuilder('p')
      .setLock('pessimistic_write')
      .where('p.personIdent IN (:...persons)', { persons })
      .orderBy('p.personIdent')
      .getMany();
    const documents = await tx.manager
      .getRepository(Document)
      .createQueryBuilder('d')
      .where('d.personIdent IN (:...persons) AND d.cancelledAt IS NULL AND d.kind IN (:...kinds)', { persons, kinds: TILFELLE_DOCUMENT_KINDS })
      .getMany();
    const liveByPerson = new Map<string, Document[]>();
    for (const document of documents) {
      const live = liveByPerson.get(document.personIdent!);
      if (live) live.push(document);
      else liveByPerson.set(document.personIdent!, [document]);
    }

    const changed = current.flatMap((row) => {
      const live = liveByPerson.get(row.personIdent) ?? [];
      const tilfeller = computeOppfolgingstilfeller(live.flatMap(toBits), { cutoff: this.config.TILFELLE_CUTOFF_DATE, arbeidsforhold: toArbeidsforhold(live) });
      const recurringAbsence = isRecurringAbsence(tilfeller, osloDate(now));
      if (row.revision > 0 && sameList(row.tilfeller, tilfeller) && row.recurringAbsence === recurringAbsence) return [];
      if (row.revision === 0 && tilfeller.length === 0) return [];
      return [{ personIdent: row.personIdent, tilfeller, recurringAbsence, revision: row.revision + 1 }];
    });
    if (changed.length === 0) return;

    await tx.manager.query(
      `UPDATE person_tilfeller p SET tilfeller = c.tilfeller, recurring_absence = c.recurring_absence, revision = c.revision, computed_at = $5
       FROM unnest($1::text[], $2::jsonb[], $3::boolean[], $4::int[]) AS c (person_ident, tilfeller, recurring_absence, revision)
       WHERE p.person_ident = c.person_ident`,
      [
        changed.map((c) => c.personIdent),
        changed.map((c) => JSON.stringify(c.tilfeller)),
        changed.map((c) => c.recurringAbsence),
        changed.map((c) => c.revision),
        now,
      ],
    );
    await tx.publishAll(
      TilfellerChangedEvent,
      changed.map(({ personIdent, tilfeller, recurringAbsence, revision }) => ({
        personIdent,
        tilfeller: tilfeller.map((t) => ({ ...t, virksomhetsnummerList: [...t.virksomhetsnummerList] })),
        recurringAbsence,
        revision,
        computedAt: now.toISOString(),
      })),
    );
  }
}

/** The persons a transaction changed documents of, recomputed together when it ends. */
class PendingRecomputes implements DeferredWrite {
  private readonly persons = new Set<string>();

  public constructor(private readonly recompute: (persons: readonly string[]) => Promise<void>) {}

  public add(personIdent: string): void {
    this.persons.add(personIdent);
  }

  public async flush(): Promise<void> {
    if (this.persons.size > 0) await this.recompute([...this.persons].sort());
  }
}

function sameList(a: readonly Oppfolgingstilfelle[], b: readonly Oppfolgingstilfelle[]): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
