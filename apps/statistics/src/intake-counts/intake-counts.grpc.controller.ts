import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { OrgnrSchema, type statisticsV1 } from '@syfo/contracts';
import { emptyToUndefined, parseRequest } from '@syfo/platform';
import { DataSource } from 'typeorm';
import { z } from 'zod';

const GetIntakeCountsSchema = z.strictObject({ orgnr: OrgnrSchema.optional() });

@Controller()
export class IntakeCountsGrpcController implements statisticsV1.IntakeCountsService {
  public constructor(private readonly dataSource: DataSource) {}

  @GrpcMethod('IntakeCountsService', 'GetIntakeCounts')
  public async GetIntakeCounts(request: statisticsV1.GetIntakeCountsRequest): Promise<statisticsV1.GetIntakeCountsResponse> {
    const { orgnr } = parseRequest(GetIntakeCountsSchema, { orgnr: emptyToUndefined(request.orgnr) });
    const rows: { quarter: string; sick_notes: string }[] = await this.dataSource.query(
      `SELECT quarter, sum(sick_notes)::bigint AS sick_notes FROM intake_count
       WHERE $1::text IS NULL OR orgnr = $1 GROUP BY quarter ORDER BY quarter`,
      [orgnr ?? null],
    );
    const total = rows.reduce((sum, row) => sum + BigInt(row.sick_notes), 0n);
    return { totalSickNotes: total.toString(), quarters: rows.map((row) => ({ quarter: row.quarter, sickNotes: row.sick_notes })) };
  }
}
