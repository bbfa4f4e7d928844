import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { AccountTeam } from './account-team.entity';

/** What other modules may ask of the projection; pass the caller's manager to read inside its transaction. */
@Injectable()
export class AccountTeamsService {
  public constructor(private readonly dataSource: DataSource) {}

  /** The teams that look after the employer, sorted by name (then id, so equal names keep a stable order). */
  public async teamsOf(orgnr: string, manager: EntityManager = this.dataSource.manager): Promise<AccountTeam[]> {
    return manager.getRepository(AccountTeam).find({ where: { orgnr }, order: { teamName: 'ASC', teamId: 'ASC' } });
  }
}
