import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Triage's running picture of one person's sick leave, folded from case-intake's events. */
@Entity({ name: 'person_case' })
export class PersonCase {
  @PrimaryColumn({ name: 'person_ident', type: 'text' })
  public personIdent!: string;

  @Column({ name: 'sick_note_count', type: 'integer' })
  public sickNoteCount!: number;

  @Column({ name: 'first_fom', type: 'date' })
  public firstFom!: string;

  @Column({ name: 'last_tom', type: 'date' })
  public lastTom!: string;

  @Column({ name: 'last_received_at', type: 'timestamptz' })
  public lastReceivedAt!: Date;
}
