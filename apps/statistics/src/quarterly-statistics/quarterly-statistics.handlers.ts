import { Injectable } from '@nestjs/common';
import {
  ArbeidsforholdChangedEvent,
  SickNoteReceivedEvent,
  TilfellerChangedEvent,
  VirksomhetChangedEvent,
  type ArbeidsforholdChanged,
  type SickNoteReceived,
  type TilfellerChanged,
  type VirksomhetChanged,
} from '@syfo/contracts';
import { Consumes, type EventHandler } from '@syfo/platform';
import type { EntityManager } from 'typeorm';

import { SickNoteCounter } from '../intake-counts/sick-note.counter';
import { applyArbeidsforhold, applySickNote, applyTilfeller } from './person-facts.reducer';
import { StatisticsLedgerService } from './statistics-ledger.service';

// The group 'statistics.intake-events' has exactly one handler per event type. Each runs in the transaction that
// records the event in the inbox, so a redelivery is never applied twice; the reducers drop what is stale (an older
// sick-note version, an older tilfelle revision), so events may also arrive out of order. A person handler locks its
// transaction's persons first, in one order (`prepare`), because partitions are consumed in parallel.

/** An employment starts, changes or is withdrawn: the person's mulige dagsverk. */
@Injectable()
@Consumes('statistics.intake-events')
export class ArbeidsforholdStatisticsHandler implements EventHandler<typeof ArbeidsforholdChangedEvent> {
  public readonly event = ArbeidsforholdChangedEvent;

  public constructor(private readonly ledger: StatisticsLedgerService) {}

  public async prepare(events: readonly ArbeidsforholdChanged[], manager: EntityManager): Promise<void> {
    await this.ledger.lockPersons(manager, events.map((event) => event.personIdent));
  }

  public async handle(event: ArbeidsforholdChanged, _envelope: unknown, manager: EntityManager): Promise<void> {
    const { arbeidsforholdId, orgnr, stillingsprosent, fom, tom, cancelled } = event;
    await this.ledger.changePerson(manager, event.personIdent, (facts) => applyArbeidsforhold(facts, { arbeidsforholdId, orgnr, stillingsprosent, fom, tom, cancelled }));
  }
}

/** A sick note, corrected or withdrawn: the person's tapte dagsverk, and the operational intake counts. */
@Injectable()
@Consumes('statistics.intake-events')
export class SickNoteStatisticsHandler implements EventHandler<typeof SickNoteReceivedEvent> {
  public readonly event = SickNoteReceivedEvent;

  public constructor(
    private readonly ledger: StatisticsLedgerService,
    private readonly counter: SickNoteCounter,
  ) {}

  public async prepare(events: readonly SickNoteReceived[], manager: EntityManager): Promise<void> {
    await this.ledger.lockPersons(manager, events.map((event) => event.personIdent));
  }

  public async handle(note: SickNoteReceived, _envelope: unknown, manager: EntityManager): Promise<void> {
    this.counter.count(note, manager);
    const { sickNoteId, orgnr, status, periods, version, cancelled } = note;
    await this.ledger.changePerson(manager, note.personIdent, (facts) => applySickNote(facts, { sickNoteId, orgnr, status, periods, version, cancelled }));
  }
}

/** A person's whole tilfelle list: the varighet of their sick days. */
@Injectable()
@Consumes('statistics.intake-events')
export class TilfellerStatisticsHandler implements EventHandler<typeof TilfellerChangedEvent> {
  public readonly event = TilfellerChangedEvent;

  public constructor(private readonly ledger: StatisticsLedgerService) {}

  public async prepare(events: readonly TilfellerChanged[], manager: EntityManager): Promise<void> {
    await this.ledger.lockPersons(manager, events.map((event) => event.personIdent));
  }

  public async handle(event: TilfellerChanged, _envelope: unknown, manager: EntityManager): Promise<void> {
    const tilfeller = event.tilfeller.map(({ start, end }) => ({ start, end }));
    await this.ledger.changePerson(manager, event.personIdent, (facts) => applyTilfeller(facts, tilfeller, event.revision));
  }
}

/** The employer register: where a unit's dagsverk are counted. */
@Injectable()
@Consumes('statistics.intake-events')
export class VirksomhetStatisticsHandler implements EventHandler<typeof VirksomhetChangedEvent> {
  public readonly event = VirksomhetChangedEvent;

  public constructor(private readonly ledger: StatisticsLedgerService) {}

  public async handle(event: VirksomhetChanged, _envelope: unknown, manager: EntityManager): Promise<void> {
    await this.ledger.changeVirksomhet(manager, event);
  }
}
