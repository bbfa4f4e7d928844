import { Inject, Injectable } from '@nestjs/common';
import { TilfellerChangedEvent } from '@syfo/contracts';
import { osloDate } from '@syfo/local-date';
import { CLOCK, CONFIG, type Clock, type OutboxTransaction } from '@syfo/platform';

import type { CaseIntakeConfig } from '../config/case-intake.config';
import { canonicalJson } from '../documents/content-hash.util';
import { Document, TILFELLE_DOCUMENT_KINDS } from '../documents/document.entity';
import { computeOppfolgingstilfeller, isRecurringAbsence, type Oppfolgingstilfelle } from '../oppfolgingstilfelle';
import { toArbeidsforhold, toBits } from './document-bits.mapper';
import { PersonTilfeller } from './person-tilfeller.entity';

/**
 * Recomputes a person's tilfeller from every live document, in the transaction that changed one of
 * them, and publishes the whole list when it changed. Because the computation is a pure function
 * of the documents, arrival order never matters.
 */
@Injectable()
export class TilfellerService {
  public constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONFIG) private readonly config: CaseIntakeConfig,
  ) {}

  public async recompute(tx: OutboxTransaction, personIdent: string): Promise<void> {
    const now = this.clock.now();
    // Lock first, so two documents of one person never compute from each other's half.
    await tx.manager.query(
      `INSERT INTO person_tilfeller (person_ident, tilfeller, recurring_absence, revision, computed_at) VALUES ($1, '[]', false, 0, $2) ON CONFLICT DO NOTHING`,
      [personIdent, now],
    );
    const current = await tx.manager.getRepository(PersonTilfeller).createQueryBuilder('p').setLock('pessimistic_write').where('p.personIdent = :personIdent', { personIdent }).getOneOrFail();

    const live = await tx.manager
      .getRepository(Document)
      .createQueryBuilder('d')
      .where('d.personIdent = :personIdent AND d.cancelledAt IS NULL AND d.kind IN (:...kinds)', { personIdent, kinds: TILFELLE_DOCUMENT_KINDS })
      .getMany();
    const tilfeller = computeOppfolgingstilfeller(live.flatMap(toBits), { cutoff: this.config.TILFELLE_CUTOFF_DATE, arbeidsforhold: toArbeidsforhold(live) });
    const recurringAbsence = isRecurringAbsence(tilfeller, osloDate(now));
    if (current.revision > 0 && sameList(current.tilfeller, tilfeller) && current.recurringAbsence === recurringAbsence) return;
    if (current.revision === 0 && tilfeller.length === 0) return;

    const revision = current.revision + 1;
    await tx.manager.query('UPDATE person_tilfeller SET tilfeller = $2, recurring_absence = $3, revision = $4, computed_at = $5 WHERE person_ident = $1', [
      personIdent,
      JSON.stringify(tilfeller),
      recurringAbsence,
      revision,
      now,
    ]);
    await tx.publish(TilfellerChangedEvent, { personIdent, tilfeller: tilfeller.map((t) => ({ ...t, virksomhetsnummerList: [...t.virksomhetsnummerList] })), recurringAbsence, revision, computedAt: now.toISOString() });
  }
}

function sameList(a: readonly Oppfolgingstilfelle[], b: readonly Oppfolgingstilfelle[]): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

