import { Inject, Injectable } from '@nestjs/common';
import { TeamChangedEvent, type TeamChanged } from '@syfo/contracts';
import { CLOCK, Consumes, type Clock, type EventHandler } from '@syfo/platform';
import type { EntityManager } from 'typeorm';

/**
 * Keeps which team looks after which account. Each event carries the team's full current state and a
 * team's events arrive in order (keyed by team id), so replacing the team's rows is correct and idempotent.
 */
@Injectable()
@Consumes('employer-outreach.collab-events')
export class TeamChangedHandler implements EventHandler<typeof TeamChangedEvent> {
  public readonly event = TeamChangedEvent;

  public constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  public async handle(team: TeamChanged, _envelope: unknown, manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM account_team WHERE team_id = $1', [team.teamId]);
    const orgnrs = [...new Set(team.employerOrgnrs)];
    if (orgnrs.length === 0) return;
    await manager.query(
      `INSERT INTO account_team (team_id, orgnr, team_name, enhet_nr, updated_at)
       SELECT $1, orgnr, $2, $3, $4 FROM unnest($5::text[]) AS orgnr`,
      [team.teamId, team.name, team.enhetNr, this.clock.now(), orgnrs],
    );
  }
}
