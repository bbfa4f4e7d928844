import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { PersonIdentSchema, type triageV1 } from '@syfo/contracts';
import { DomainError, DomainErrorCode, parseRequest } from '@syfo/platform';
import { DataSource } from 'typeorm';
import { z } from 'zod';

import { PersonCase } from './person-case.entity';

const GetPersonCaseSchema = z.strictObject({ personIdent: PersonIdentSchema, purpose: z.string().min(3).max(200) });

@Controller()
export class PersonCasesGrpcController implements triageV1.PersonCaseService {
  public constructor(private readonly dataSource: DataSource) {}

  @GrpcMethod('PersonCaseService', 'GetPersonCase')
  public async GetPersonCase(request: triageV1.GetPersonCaseRequest): Promise<triageV1.GetPersonCaseResponse> {
    const { personIdent } = parseRequest(GetPersonCaseSchema, request);
    const found = await this.dataSource.getRepository(PersonCase).findOneBy({ personIdent });
    if (!found) throw new DomainError(DomainErrorCode.NotFound, 'triage has no case for that person');
    return {
      personIdent: found.personIdent,
      sickNoteCount: found.sickNoteCount,
      firstFom: found.firstFom,
      lastTom: found.lastTom,
      lastReceivedAt: found.lastReceivedAt.toISOString(),
    };
  }
}
