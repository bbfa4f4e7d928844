import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { Oppfolgingstilfelle } from '../oppfolgingstilfelle';

/** The last computed tilfelle list of a person. Its row is also the lock that serialises recomputes. */
@Entity({ name: 'person_tilfeller' })
export class PersonTilfeller {
  @PrimaryColumn({ name: 'person_ident', type: 'text' })
  public personIdent!: string;

  @Column({ type: 'jsonb' })
  public tilfeller!: Oppfolgingstilfelle[];

  @Column({ name: 'recurring_absence', type: 'boolean' })
  public recurringAbsence!: boolean;

  @Column({ type: 'integer' })
  public revision!: number;

  @Column({ name: 'computed_at', type: 'timestamptz' })
  public computedAt!: Date;
}
