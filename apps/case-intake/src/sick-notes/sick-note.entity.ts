import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { SickNoteSubmission } from '@syfo/contracts';

/** A sick note as received. The diagnosis is sensitive and never leaves this service. */
@Entity({ name: 'sick_note' })
export class SickNote {
  @PrimaryColumn({ type: 'uuid' })
  public id!: string;

  @Column({ name: 'source_system', type: 'text' })
  public sourceSystem!: string;

  @Column({ name: 'source_id', type: 'text' })
  public sourceId!: string;

  @Column({ name: 'content_hash', type: 'text' })
  public contentHash!: string;

  @Column({ name: 'person_ident', type: 'text' })
  public personIdent!: string;

  @Column({ type: 'text', nullable: true })
  public orgnr!: string | null;

  @Column({ type: 'text' })
  public status!: SickNoteSubmission['status'];

  @Column({ name: 'issued_on', type: 'date' })
  public issuedOn!: string;

  @Column({ name: 'diagnosis_system', type: 'text', nullable: true })
  public diagnosisSystem!: string | null;

  @Column({ name: 'diagnosis_code', type: 'text', nullable: true })
  public diagnosisCode!: string | null;

  @Column({ type: 'jsonb' })
  public periods!: SickNoteSubmission['periods'];

  @Column({ name: 'received_at', type: 'timestamptz' })
  public receivedAt!: Date;
}
