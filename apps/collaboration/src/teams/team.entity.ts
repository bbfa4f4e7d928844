import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A team across NAV units; its employers are in `team_employer`. */
@Entity({ name: 'team' })
export class Team {
  @PrimaryColumn({ type: 'uuid' })
  public id!: string;

  @Column({ type: 'text' })
  public name!: string;

  @Column({ name: 'enhet_nr', type: 'text' })
  public enhetNr!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  public createdAt!: Date;
}
