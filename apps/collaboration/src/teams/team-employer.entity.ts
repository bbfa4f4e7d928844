import { Entity, PrimaryColumn } from 'typeorm';

/** An employer a team looks after. */
@Entity({ name: 'team_employer' })
export class TeamEmployer {
  @PrimaryColumn({ name: 'team_id', type: 'uuid' })
  public teamId!: string;

  @PrimaryColumn({ type: 'text' })
  public orgnr!: string;
}
