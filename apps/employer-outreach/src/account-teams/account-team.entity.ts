import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A team that looks after an employer account, as the CRM last heard of it through collaboration's events. */
@Entity({ name: 'account_team' })
export class AccountTeam {
  @PrimaryColumn({ name: 'team_id', type: 'uuid' })
  public teamId!: string;

  @PrimaryColumn({ type: 'text' })
  public orgnr!: string;

  @Column({ name: 'team_name', type: 'text' })
  public teamName!: string;

  @Column({ name: 'enhet_nr', type: 'text' })
  public enhetNr!: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  public updatedAt!: Date;
}
