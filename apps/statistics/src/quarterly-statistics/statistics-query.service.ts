import { Inject, Injectable } from '@nestjs/common';
import { osloDate, quarterOf } from '@syfo/local-date';
import { CLOCK, type Clock } from '@syfo/platform';
import { DataSource } from 'typeorm';

import { decimalToNumber } from './decimal.util';
import { publishedQuarterFigures, type PublishedAggregateRow } from './published-aggregates.parser';
import { addQuarters, quartersBetween, type Quarter } from './quarter.util';
import { lastFourQuarters, rollingFourQuarters, trendOf, TREND_LEVELS, type QuarterFigures, type TrendResult } from './rolling-quarters.calculator';
import { quarterFigure, rollingFigure, type FigureSource, type StatisticsFigure } from './statistics-figure.presenter';
import { StatisticsRepository } from './statistics.repository';
import { classifyUnit, comparisonCodesOf, type Level } from './unit.classifier';

/** A figure and who published it: null for one computed here. */
export interface SourcedFigure extends StatisticsFigure {
  readonly publisher: string | null;
}

export interface TrendFigure {
  readonly source: FigureSource;
  readonly publisher: string | null;
  /** Percentage points from the same quarter a year earlier to the latest; null when unavailable. */
  readonly prosentpoeng: number | null;
  readonly unavailable: Extract<TrendResult, { ok: false }>['reason'] | null;
}

/** OWN: the unit itself (and its overordnet enhet); COMPARISON: land, bransje or næring, sektor, kommune, fylke, region. */
export type SeriesRole = 'OWN' | 'COMPARISON';

export interface SeriesStatistics {
  readonly level: Level;
  readonly code: string;
  readonly role: SeriesRole;
  /** Each source's figure for each quarter that has one, from a year before the latest quarter to it. */
  readonly quarterly: readonly SourcedFigure[];
  /** Each source's rolling figure over the last four quarters. */
  readonly rolling: readonly SourcedFigure[];
  /** Bransje and næring only (§9.1). */
  readonly trends: readonly TrendFigure[];
}

export interface UnitStatistics {
  readonly orgnr: string;
  /** Whether the register or the figures know the unit at all. */
  readonly known: boolean;
  /** The latest complete quarter with figures (or the one asked for); null when there are none yet. */
  readonly latestQuarter: Quarter | null;
  readonly rollingQuarters: readonly Quarter[];
  readonly series: readonly SeriesStatistics[];
}

export interface UnitStatisticsOptions {
  readonly latestQuarter?: Quarter | undefined;
  /** Whether the caller may see the overordnet enhet's figures (employers need its right too). */
  readonly showOverordnetEnhet: (hovedenhetOrgnr: string) => boolean;
}

/**
 * A unit's figures and its comparison figures, from the masked snapshot (statistics-figures.refresher.ts) and the
 * imported published aggregates: every figure masked and tagged with its source. Employer level only: nothing here
 * reads a person.
 */
@Injectable()
export class StatisticsQueryService {
  public constructor(
    private readonly dataSource: DataSource,
    private readonly repository: StatisticsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  public async unitStatistics(orgnr: string, options: UnitStatisticsOptions): Promise<UnitStatistics> {
    const manager = this.dataSource.manager;
    const register = await this.repository.registerOf(manager, [orgnr]);
    const latest = options.latestQuarter ?? (await this.repository.latestFigureQuarter(manager, quarterOf(osloDate(this.clock.now()))));
    const codes = classifyUnit(orgnr, register);
    const own = [{ level: 'VIRKSOMHET' as Level, code: orgnr }];
    if (codes.OVERORDNET_ENHET !== null && options.showOverordnetEnhet(codes.OVERORDNET_ENHET)) own.push({ level: 'OVERORDNET_ENHET', code: codes.OVERORDNET_ENHET });
    const series = [...own.map((entry) => ({ ...entry, role: 'OWN' as const })), ...comparisonCodesOf(orgnr, register).map((entry) => ({ ...entry, role: 'COMPARISON' as const }))];
    if (latest === null) {
      return { orgnr, known: register.has(orgnr), latestQuarter: null, rollingQuarters: [], series: series.map((entry) => ({ ...entry, quarterly: [], rolling: [], trends: [] })) };
    }
    // A year back from the latest: the rolling four quarters and the quarter the trend compares with.
    const quarters = quartersBetween(addQuarters(latest, -4), latest);
    const [computed, published] = await Promise.all([this.repository.figures(manager, quarters, series), this.repository.publishedFigures(manager, quarters, series)]);
    return {
      orgnr,
      known: register.has(orgnr) || computed.some((row) => row.level === 'VIRKSOMHET'),
      latestQuarter: latest,
      rollingQuarters: lastFourQuarters(latest),
      series: series.map(({ level, code, role }) => {
        const sources = [
          { source: 'COMPUTED' as const, publisher: null, rows: computed.filter((row) => row.level === level && row.code === code) },
          ...publishedSeries(published.filter((row) => row.level === level && row.code === code)),
        ];
        return {
          level,
          code,
          role,
          quarterly: sources.flatMap(({ source, publisher, rows }) =>
            [...rows].sort((a, b) => (a.quarter < b.quarter ? -1 : 1)).map((row) => ({ ...quarterFigure(row, source), publisher })),
          ),
          rolling: sources.flatMap(({ source, publisher, rows }) => {
            const rolling = rollingFourQuarters(rows, latest);
            return rolling ? [{ ...rollingFigure(rolling, source), publisher }] : [];
          }),
          trends: TREND_LEVELS.includes(level)
            ? sources.map(({ source, publisher, rows }) => {
                const trend = trendOf(rows, latest);
                return { source, publisher, prosentpoeng: trend.ok ? decimalToNumber(trend.trend) : null, unavailable: trend.ok ? null : trend.reason };
              })
            : [],
        };
      }),
    };
  }
}

/** Published rows of one series, one source per publisher. */
function publishedSeries(rows: readonly PublishedAggregateRow[]): { source: 'PUBLISHED'; publisher: string; rows: QuarterFigures[] }[] {
  const byPublisher = new Map<string, QuarterFigures[]>();
  for (const row of rows) byPublisher.set(row.publisher, [...(byPublisher.get(row.publisher) ?? []), publishedQuarterFigures(row)]);
  return [...byPublisher].map(([publisher, figures]) => ({ source: 'PUBLISHED', publisher, rows: figures }));
}
