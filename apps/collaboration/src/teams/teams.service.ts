import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { TeamChangedEvent, type TeamChanged } from '@syfo/contracts';
import { CLOCK, DomainError, DomainErrorCode, type Clock, type OutboxTransaction } from '@syfo/platform';
import { DataSource, type EntityManager } from 'typeorm';

import { KnownEmployersService } from '../employer-accounts/known-employers.service';
import { TeamEmployer } from './team-employer.entity';
import { Team } from './team.entity';

export type NewTeam = Pick<TeamChanged, 'name' | 'enhetNr'>;

@Injectable()
export class TeamsService {
  public constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly knownEmployers: KnownEmployersService,
  ) {}

  public async create(tx: OutboxTransaction, newTeam: NewTeam): Promise<TeamChanged> {
    const team = tx.manager.create(Team, { id: randomUUID(), ...newTeam, createdAt: this.clock.now() });
    await tx.manager.insert(Team, team);
    return this.publishState(tx, team);
  }

  /**
   * The team's row lock serialises its changes, so each event holds every employer committed before
   * it. An employer the team already has changes nothing and publishes nothing.
   */
  public async assignEmployer(tx: OutboxTransaction, teamId: string, orgnr: string): Promise<TeamChanged> {
    const team = await tx.manager.getRepository(Team).findOne({ where: { id: teamId }, lock: { mode: 'pessimistic_write' } });
    if (!team) throw noSuchTeam();
    if (!(await this.knownEmployers.exists(tx.manager, orgnr))) {
      throw new DomainError(DomainErrorCode.FailedPrecondition, 'the employer is not a known CRM account', [
        { field: 'orgnr', rule: 'team.employer_unknown', message: 'is not registered in the CRM' },
      ]);
    }
    const inserted: unknown[] = await tx.manager.query(
      'INSERT INTO team_employer (team_id, orgnr) VALUES ($1, $2) ON CONFLICT (team_id, orgnr) DO NOTHING RETURNING orgnr',
      [team.id, orgnr],
    );
    return inserted.length === 0 ? this.state(tx.manager, team) : this.publishState(tx, team);
  }

  public async get(teamId: string): Promise<TeamChanged> {
    const team = await this.dataSource.getRepository(Team).findOneBy({ id: teamId });
    if (!team) throw noSuchTeam();
    return this.state(this.dataSource.manager, team);
  }

  private async publishState(tx: OutboxTransaction, team: Team): Promise<TeamChanged> {
    const state = await this.state(tx.manager, team);
    await tx.publish(TeamChangedEvent, state);
    return state;
  }

  /** The team's full current state: what the event carries and what callers get back. */
  private async state(manager: EntityManager, team: Team): Promise<TeamChanged> {
    const employers = await manager.getRepository(TeamEmployer).find({ where: { teamId: team.id }, order: { orgnr: 'ASC' } });
    return { teamId: team.id, name: team.name, enhetNr: team.enhetNr, employerOrgnrs: employers.map((employer) => employer.orgnr) };
  }
}

function noSuchTeam(): DomainError {
  return new DomainError(DomainErrorCode.NotFound, 'no team with that id');
}
