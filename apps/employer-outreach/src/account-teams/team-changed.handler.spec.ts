import type { TeamChanged } from '@syfo/contracts';
import type { EntityManager } from 'typeorm';

import { TeamChangedHandler } from './team-changed.handler';

describe('TeamChangedHandler', () => {
  const now = new Date('2025-11-24T08:00:00Z');
  const teamId = '5d1f7c3e-2a4b-4c6d-8e9f-0a1b2c3d4e5f';

  async function queriesFor(employerOrgnrs: string[]): Promise<[string, unknown[]][]> {
    const queries: [string, unknown[]][] = [];
    const manager = { query: async (sql: string, parameters: unknown[]) => void queries.push([sql, parameters]) } as unknown as EntityManager;
    const team: TeamChanged = { teamId, name: 'Arbeidsgiverteam Drammen', enhetNr: '0602', employerOrgnrs };
    await new TeamChangedHandler({ now: () => now }).handle(team, undefined, manager);
    return queries;
  }

  it("replaces the team's rows with one per employer in the event", async () => {
    const queries = await queriesFor(['974760673', '889640782', '974760673']);

    expect(queries).toHaveLength(2);
    expect(queries[0]).toEqual(['DELETE FROM account_team WHERE team_id = $1', [teamId]]);
    expect(queries[1]![0]).toMatch(/^INSERT INTO account_team/);
    expect(queries[1]![1]).toEqual([teamId, 'Arbeidsgiverteam Drammen', '0602', now, ['974760673', '889640782']]);
  });

  it('only removes the rows of a team without employers', async () => {
    expect(await queriesFor([])).toEqual([['DELETE FROM account_team WHERE team_id = $1', [teamId]]]);
  });
});
