import type { Metadata } from '@grpc/grpc-js';
import { Controller, Inject } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { OrgnrSchema, statisticsSicknessV1 } from '@syfo/contracts';
import { actorOf, DomainError, DomainErrorCode, emptyToUndefined, LOGGER, parseRequest } from '@syfo/platform';
import type { Logger } from 'pino';
import { z } from 'zod';

import { BRANSJEPROGRAM } from './bransjeprogram.constant';
import { PublishedAggregatesImporter } from './published-aggregates.importer';
import { StatisticsExportService } from './statistics-export.service';
import type { StatisticsFigure } from './statistics-figure.presenter';
import { StatisticsFiguresRefresher } from './statistics-figures.refresher';
import { StatisticsLedgerService } from './statistics-ledger.service';
import { StatisticsQueryService, type SourcedFigure, type TrendFigure } from './statistics-query.service';

const Quarter = z.string().regex(/^\d{4}-Q[1-4]$/, 'must be a quarter as YYYY-Qn');
const Purpose = z.string().trim().min(3, 'must say why (at least 3 characters)').max(500);
const PageSize = z.int().min(0).max(10_000).transform((size) => (size === 0 ? 1_000 : size));
const QuarterRange = z
  .strictObject({ fromQuarter: Quarter, toQuarter: Quarter, pageSize: PageSize, pageToken: z.string().max(200).optional(), purpose: Purpose })
  .refine((range) => range.fromQuarter <= range.toQuarter, { path: ['toQuarter'], message: 'must not be before from_quarter', params: { rule: 'quarter.order' } });

/**
 * NAV-facing statistics over gRPC. Everything but ExportPseudonymised is employer level and masked; that one is
 * person level, pseudonymised and audited per person (statistics-export.service.ts).
 */
@Controller()
export class SicknessStatisticsGrpcController implements statisticsSicknessV1.SicknessStatisticsService, statisticsSicknessV1.StatisticsAdminService {
  public constructor(
    private readonly query: StatisticsQueryService,
    private readonly importer: PublishedAggregatesImporter,
    private readonly exports: StatisticsExportService,
    private readonly ledger: StatisticsLedgerService,
    private readonly refresher: StatisticsFiguresRefresher,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @GrpcMethod('SicknessStatisticsService', 'GetUnitStatistics')
  public async GetUnitStatistics(request: statisticsSicknessV1.GetUnitStatisticsRequest): Promise<statisticsSicknessV1.GetUnitStatisticsResponse> {
    const { orgnr, latestQuarter } = parseRequest(z.strictObject({ orgnr: OrgnrSchema, latestQuarter: Quarter.optional() }), {
      orgnr: request.orgnr,
      latestQuarter: emptyToUndefined(request.latestQuarter),
    });
    // NAV staff see the overordnet enhet of any unit; employers need its right (employer-statistics.http.controller.ts).
    const statistics = await this.query.unitStatistics(orgnr, { latestQuarter, showOverordnetEnhet: () => true });
    if (!statistics.known) throw new DomainError(DomainErrorCode.NotFound, 'no statistics and no register entry for that virksomhet');
    return {
      orgnr,
      latestQuarter: statistics.latestQuarter ?? '',
      rollingQuarters: [...statistics.rollingQuarters],
      series: statistics.series.map((series) => ({
        level: series.level,
        code: series.code,
        role: series.role === 'OWN' ? statisticsSicknessV1.SeriesRole.SERIES_ROLE_OWN : statisticsSicknessV1.SeriesRole.SERIES_ROLE_COMPARISON,
        quarterly: series.quarterly.map(figureMessage),
        rolling: series.rolling.map(figureMessage),
        trends: series.trends.map(trendMessage),
      })),
    };
  }

  @GrpcMethod('SicknessStatisticsService', 'ListBransjeprogram')
  public async ListBransjeprogram(): Promise<statisticsSicknessV1.ListBransjeprogramResponse> {
    return { bransjer: BRANSJEPROGRAM.map((definition) => ({ ...definition, naeringer: [...definition.naeringer], naeringskoder: [...definition.naeringskoder] })) };
  }

  @GrpcMethod('SicknessStatisticsService', 'ImportPublishedAggregates')
  public async ImportPublishedAggregates(
    request: statisticsSicknessV1.ImportPublishedAggregatesRequest,
    metadata?: Metadata,
  ): Promise<statisticsSicknessV1.ImportPublishedAggregatesResponse> {
    const { csv, reason } = parseRequest(z.strictObject({ csv: z.string().min(1, 'must hold the file'), reason: Purpose }), request);
    return this.importer.import(csv, reason, actorOf(metadata));
  }

  @GrpcMethod('SicknessStatisticsService', 'ExportStatistics')
  public async ExportStatistics(request: statisticsSicknessV1.ExportStatisticsRequest, metadata?: Metadata): Promise<statisticsSicknessV1.ExportStatisticsResponse> {
    const range = parseRequest(QuarterRange, { ...request, pageToken: emptyToUndefined(request.pageToken) });
    // No person in it, so no audit row; the log says who took which figures and why.
    this.logger.info({ audit: true, action: 'export', actor: actorOf(metadata), from: range.fromQuarter, to: range.toQuarter, purpose: range.purpose }, 'statistics figures exported');
    return this.exports.figures(range.fromQuarter, range.toQuarter, range.pageSize, range.pageToken);
  }

  @GrpcMethod('SicknessStatisticsService', 'ExportPseudonymised')
  public async ExportPseudonymised(request: statisticsSicknessV1.ExportPseudonymisedRequest, metadata?: Metadata): Promise<statisticsSicknessV1.ExportPseudonymisedResponse> {
    const { project, ...range } = parseRequest(
      QuarterRange.safeExtend({ project: z.string().regex(/^[a-z0-9-]{3,64}$/, 'must be 3–64 lower-case letters, digits and dashes') }),
      { ...request, pageToken: emptyToUndefined(request.pageToken) },
    );
    return this.exports.pseudonymised({ project, purpose: range.purpose, from: range.fromQuarter, to: range.toQuarter, pageSize: range.pageSize, pageToken: range.pageToken }, metadata);
  }

  @GrpcMethod('StatisticsAdminService', 'RecomputeAll')
  public async RecomputeAll(request: statisticsSicknessV1.RecomputeAllRequest, metadata?: Metadata): Promise<statisticsSicknessV1.RecomputeAllResponse> {
    const { reason } = parseRequest(z.strictObject({ reason: Purpose }), request);
    this.logger.info({ audit: true, action: 'update', actor: actorOf(metadata), reason }, 'full recomputation requested');
    const report = (await this.ledger.recomputeAll(this.refresher.window()))!;
    return {
      windowFrom: report.window.fromQuarter,
      windowTo: report.window.toQuarter,
      persons: String(report.persons),
      personsChanged: String(report.personsChanged),
      rows: String(report.rows),
      rowsChanged: String(report.rowsChanged),
      readMs: String(report.readMs),
      computeMs: String(report.computeMs),
      personsWriteMs: String(report.personsWriteMs),
      rowsWriteMs: String(report.rowsWriteMs),
      totalMs: String(report.totalMs),
    };
  }

  @GrpcMethod('StatisticsAdminService', 'RefreshFigures')
  public async RefreshFigures(): Promise<statisticsSicknessV1.RefreshFiguresResponse> {
    const report = await this.refresher.refresh();
    return { quarters: [...report.quarters], recomputed: report.recomputation !== null };
  }
}

function figureMessage(figure: SourcedFigure): statisticsSicknessV1.StatisticsFigure {
  return {
    source: sourceOf(figure.source),
    publisher: figure.publisher ?? '',
    level: figure.level,
    code: figure.code,
    quarters: [...figure.quarters],
    masked: figure.erMaskert,
    maskReason: figure.maskReason ?? '',
    antallPersoner: figure.antallPersoner ?? undefined,
    tapteDagsverk: figure.tapteDagsverk ?? undefined,
    muligeDagsverk: figure.muligeDagsverk ?? undefined,
    tapteDagsverkGradert: figure.tapteDagsverkGradert ?? undefined,
    prosent: figure.prosent ?? undefined,
    prosentUnavailable: figure.prosentUnavailable ?? '',
    gradertProsent: figure.gradertProsent ?? undefined,
    korttidProsent: figure.korttidProsent ?? undefined,
    langtidProsent: figure.langtidProsent ?? undefined,
  };
}

function trendMessage(trend: TrendFigure): statisticsSicknessV1.Trend {
  return { source: sourceOf(trend.source), publisher: trend.publisher ?? '', prosentpoeng: trend.prosentpoeng ?? undefined, unavailableReason: trend.unavailable ?? '' };
}

function sourceOf(source: StatisticsFigure['source']): statisticsSicknessV1.FigureSource {
  return source === 'COMPUTED' ? statisticsSicknessV1.FigureSource.FIGURE_SOURCE_COMPUTED : statisticsSicknessV1.FigureSource.FIGURE_SOURCE_PUBLISHED;
}
