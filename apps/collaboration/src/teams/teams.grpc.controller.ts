import type { Metadata } from '@grpc/grpc-js';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { OrgnrSchema, TeamChangedEvent, type collaborationV1 } from '@syfo/contracts';
import { correlationIdOf, OutboxService, parseRequest } from '@syfo/platform';
import { z } from 'zod';

import { TeamsService } from './teams.service';

// A new team must already satisfy the event it causes, so the rules come from the contract.
const CreateTeamSchema = TeamChangedEvent.payload.pick({ name: true, enhetNr: true });
const AssignEmployerSchema = z.strictObject({ teamId: z.guid(), orgnr: OrgnrSchema });
const GetTeamSchema = z.strictObject({ teamId: z.guid() });

@Controller()
export class TeamsGrpcController implements collaborationV1.TeamService {
  public constructor(
    private readonly teams: TeamsService,
    private readonly outbox: OutboxService,
  ) {}

  @GrpcMethod('TeamService', 'CreateTeam')
  public async CreateTeam(request: collaborationV1.CreateTeamRequest, metadata?: Metadata): Promise<collaborationV1.CreateTeamResponse> {
    const newTeam = parseRequest(CreateTeamSchema, request);
    return { team: await this.outbox.transaction(correlationIdOf(metadata), (tx) => this.teams.create(tx, newTeam)) };
  }

  @GrpcMethod('TeamService', 'AssignEmployer')
  public async AssignEmployer(request: collaborationV1.AssignEmployerRequest, metadata?: Metadata): Promise<collaborationV1.AssignEmployerResponse> {
    const { teamId, orgnr } = parseRequest(AssignEmployerSchema, request);
    return { team: await this.outbox.transaction(correlationIdOf(metadata), (tx) => this.teams.assignEmployer(tx, teamId, orgnr)) };
  }

  @GrpcMethod('TeamService', 'GetTeam')
  public async GetTeam(request: collaborationV1.GetTeamRequest): Promise<collaborationV1.GetTeamResponse> {
    const { teamId } = parseRequest(GetTeamSchema, request);
    return { team: await this.teams.get(teamId) };
  }
}
