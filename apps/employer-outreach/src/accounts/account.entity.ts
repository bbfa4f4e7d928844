import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An employer account (virksomhet) in the CRM. The CRM holds no person identifiers, only the employer's. */
@Entity({ name: 'account' })
export class Account {
  @PrimaryColumn({ type: 'uuid' })
  public id!: string;

  @Column({ type: 'text', unique: true })
  public orgnr!: string;

  @Column({ type: 'text' })
  public name!: string;

  @Column({ type: 'text' })
  public kommunenummer!: string;

  @Column({ name: 'nace_code', type: 'text' })
  public naceCode!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  public createdAt!: Date;
}
