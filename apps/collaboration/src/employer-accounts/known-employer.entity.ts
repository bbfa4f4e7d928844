import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An employer the CRM has registered, as collaboration last heard of it through the CRM's events. */
@Entity({ name: 'known_employer' })
export class KnownEmployer {
  @PrimaryColumn({ type: 'text' })
  public orgnr!: string;

  @Column({ type: 'text' })
  public name!: string;

  @Column({ name: 'account_id', type: 'uuid' })
  public accountId!: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  public updatedAt!: Date;
}
