import { Controller, Get, Headers, HttpException, HttpStatus, Param, Query } from '@nestjs/common';
import { OrgnrSchema } from '@syfo/contracts';
import { checkOrgnr } from '@syfo/norwegian-ids';
import { z } from 'zod';

import { StatisticsQueryService, type SeriesStatistics } from './statistics-query.service';

/**
 * The header the API gateway sets after Altinn has authorised the logged-in employer user: the organisasjonsnumre
 * (comma-separated) whose sick-leave statistics the user holds the access right for.
 *
 * TRUST BOUNDARY. This service does not authenticate employers; it trusts this header. It must only be reachable
 * through the gateway, and the gateway must drop any x-employer-rights a client sends and set its own from Altinn.
 * Anyone who can reach the HTTP port directly can claim any right.
 */
export const EMPLOYER_RIGHTS_HEADER = 'x-employer-rights';

export interface EmployerStatisticsResponse {
  readonly orgnr: string;
  /** The latest complete quarter with figures, or the one asked for; null when there are none yet. */
  readonly kvartal: string | null;
  readonly rullerendeKvartaler: readonly string[];
  /** The virksomhet itself (and its overordnet enhet, with that right too), then the comparison figures. */
  readonly serier: readonly SeriesStatistics[];
}

/** The valid orgnrs of the header; anything else in it grants nothing. */
export function employerRightsOf(header: string | undefined): Set<string> {
  return new Set((header ?? '').split(',').map((entry) => entry.trim()).filter((entry) => checkOrgnr(entry).ok));
}

const Kvartal = z.string().regex(/^\d{4}-Q[1-4]$/, 'must be a quarter as YYYY-Qn').optional();

/**
 * An employer's own statistics (handbook §9.1): the virksomhet's quarterly and rolling figures beside land, bransje
 * or næring, sektor, kommune, fylke and region, masked where fewer than five persons (or a difference) would show. No
 * figure here is about a person. Without the access right for the virksomhet: 403.
 */
@Controller('employer/v1/virksomheter')
export class EmployerStatisticsHttpController {
  public constructor(private readonly query: StatisticsQueryService) {}

  @Get(':orgnr/statistics')
  public async statistics(
    @Param('orgnr') orgnr: string,
    @Headers(EMPLOYER_RIGHTS_HEADER) rightsHeader: string | undefined,
    @Query('kvartal') kvartal: string | undefined,
  ): Promise<EmployerStatisticsResponse> {
    const parsedOrgnr = OrgnrSchema.safeParse(orgnr);
    if (!parsedOrgnr.success) throw badRequest('orgnr', parsedOrgnr.error);
    const parsedKvartal = Kvartal.safeParse(kvartal);
    if (!parsedKvartal.success) throw badRequest('kvartal', parsedKvartal.error);
    const rights = employerRightsOf(rightsHeader);
    if (!rights.has(orgnr)) {
      throw new HttpException({ statusCode: HttpStatus.FORBIDDEN, rule: 'employer.access_right', message: 'the user holds no access right for this virksomhet' }, HttpStatus.FORBIDDEN);
    }
    const statistics = await this.query.unitStatistics(orgnr, { latestQuarter: parsedKvartal.data, showOverordnetEnhet: (hovedenhet) => rights.has(hovedenhet) });
    if (!statistics.known) throw new HttpException({ statusCode: HttpStatus.NOT_FOUND, message: 'no statistics for this virksomhet' }, HttpStatus.NOT_FOUND);
    return { orgnr, kvartal: statistics.latestQuarter, rullerendeKvartaler: statistics.rollingQuarters, serier: statistics.series };
  }
}

function badRequest(field: string, error: z.ZodError): HttpException {
  const issue = error.issues[0]!;
  const rule = issue.code === 'custom' ? String(issue.params?.['rule'] ?? 'custom') : issue.code;
  return new HttpException({ statusCode: HttpStatus.BAD_REQUEST, field, rule, message: issue.message }, HttpStatus.BAD_REQUEST);
}
