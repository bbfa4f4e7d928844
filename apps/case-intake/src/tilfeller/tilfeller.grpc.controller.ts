import type { Metadata } from '@grpc/grpc-js';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { PersonIdentSchema, type intakeTilfelleV1 } from '@syfo/contracts';
import { AuditService, parseRequest } from '@syfo/platform';
import { DataSource } from 'typeorm';
import { z } from 'zod';

import { PersonTilfeller } from './person-tilfeller.entity';

const GetPersonTilfellerSchema = z.strictObject({ personIdent: PersonIdentSchema, purpose: z.string().min(3).max(200) });

@Controller()
export class TilfellerGrpcController implements intakeTilfelleV1.TilfelleService {
  public constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** A person without documents has no tilfeller: an empty list, not an error. */
  @GrpcMethod('TilfelleService', 'GetPersonTilfeller')
  public async GetPersonTilfeller(request: intakeTilfelleV1.GetPersonTilfellerRequest, metadata?: Metadata): Promise<intakeTilfelleV1.GetPersonTilfellerResponse> {
    const { personIdent, purpose } = parseRequest(GetPersonTilfellerSchema, request);
    await this.audit.record(metadata, { action: 'access', resource: 'tilfeller', personIdent, purpose });
    const found = await this.dataSource.getRepository(PersonTilfeller).findOneBy({ personIdent });
    return {
      tilfeller: (found?.tilfeller ?? []).map((tilfelle) => ({
        start: tilfelle.start,
        end: tilfelle.end,
        antallSykedager: tilfelle.antallSykedager,
        virksomhetsnummer: [...tilfelle.virksomhetsnummerList],
        arbeidstakerAtTilfelleEnd: tilfelle.arbeidstakerAtTilfelleEnd,
        gradertAtTilfelleEnd: tilfelle.gradertAtTilfelleEnd,
      })),
      recurringAbsence: found?.recurringAbsence ?? false,
      revision: found?.revision ?? 0,
      computedAt: found?.computedAt.toISOString() ?? '',
    };
  }
}
