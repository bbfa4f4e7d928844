import { createHmac } from 'node:crypto';

import type { Metadata } from '@grpc/grpc-js';
import { Inject, Injectable } from '@nestjs/common';
import { AuditService, CONFIG, DomainError, DomainErrorCode } from '@syfo/platform';
import { DataSource } from 'typeorm';

import { formatDagsverk } from './dagsverk.calculator';
import { parseQuarter, type Quarter } from './quarter.util';
import { quarterFigure } from './statistics-figure.presenter';
import type { StatisticsConfig } from './statistics.config';
import { StatisticsRepository } from './statistics.repository';
import { KORTTID_VARIGHETER, LANGTID_VARIGHETER, type Varighet } from './varighet.classifier';

export interface ExportPage {
  readonly csv: string;
  readonly rows: number;
  /** Empty on the last page. */
  readonly nextPageToken: string;
}

export const FIGURE_EXPORT_HEADER = 'year,quarter,level,code,erMaskert,maskReason,antallPersoner,tapteDagsverk,muligeDagsverk,tapteDagsverkGradert,prosent';
export const PSEUDONYMISED_EXPORT_HEADER = 'pseudonym,year,quarter,orgnr,muligeDagsverk,tapteDagsverk,tapteDagsverkGradert,tapteDagsverkKorttid,tapteDagsverkLangtid';

/**
 * A person's pseudonym in one project's export (handbook §9.3: "person id → HMAC keyed per project"): HMAC-SHA256
 * under a key derived for the project from the service's secret, so the same person has the same pseudonym within a
 * project and unlinkable ones across projects, and nobody without the secret can test a guessed fødselsnummer.
 */
export function pseudonymOf(secret: string, project: string, personIdent: string): string {
  const projectKey = createHmac('sha256', secret).update(`syfo-statistics-export:${project}`).digest();
  return createHmac('sha256', projectKey).update(personIdent).digest('hex');
}

/**
 * The exports. The figure export is the masked snapshot as the queries see it: a masked figure leaves every number
 * empty. The pseudonymised export is person level, for approved evaluations: a person's contribution is only exported
 * for a unit whose figure is shown in that quarter (so never for a unit of fewer than five persons, nor one masked
 * against difference disclosure), and every person exported is written to the audit log before the page is returned.
 */
@Injectable()
export class StatisticsExportService {
  public constructor(
    private readonly dataSource: DataSource,
    private readonly repository: StatisticsRepository,
    private readonly audit: AuditService,
    @Inject(CONFIG) private readonly config: StatisticsConfig,
  ) {}

  public async figures(from: Quarter, to: Quarter, pageSize: number, pageToken: string | undefined): Promise<ExportPage> {
    const after = pageToken === undefined ? null : figureCursorOf(pageToken);
    const rows = await this.repository.figurePage(this.dataSource.manager, from, to, after, pageSize);
    const lines = rows.map((row) => {
      const figure = quarterFigure(row, 'COMPUTED');
      const { year, quarter } = parseQuarter(row.quarter);
      return csvLine([year, quarter, row.level, row.code, figure.erMaskert, figure.maskReason, figure.antallPersoner, figure.tapteDagsverk, figure.muligeDagsverk, figure.tapteDagsverkGradert, figure.prosent]);
    });
    const last = rows[rows.length - 1];
    return {
      csv: [FIGURE_EXPORT_HEADER, ...lines].join('\n') + '\n',
      rows: rows.length,
      nextPageToken: rows.length === pageSize && last ? Buffer.from(JSON.stringify([last.quarter, last.level, last.code])).toString('base64url') : '',
    };
  }

  public async pseudonymised(
    request: { project: string; purpose: string; from: Quarter; to: Quarter; pageSize: number; pageToken: string | undefined },
    metadata: Metadata | undefined,
  ): Promise<ExportPage & { persons: number }> {
    const secret = this.config.EXPORT_HMAC_KEY;
    if (secret === undefined) throw new DomainError(DomainErrorCode.FailedPrecondition, 'the pseudonymised export is not configured: EXPORT_HMAC_KEY is not set');
    const offset = request.pageToken === undefined ? 0 : offsetOf(request.pageToken);
    const page = await this.repository.personPage(this.dataSource.manager, offset, request.pageSize);
    const inWindow = page.map(({ personIdent, contributions }) => ({
      personIdent,
      contributions: contributions.filter((contribution) => contribution.quarter >= request.from && contribution.quarter <= request.to),
    }));
    const orgnrs = [...new Set(inWindow.flatMap(({ contributions }) => contributions.map((contribution) => contribution.orgnr)))];
    const shown = await this.repository.shownUnits(this.dataSource.manager, request.from, request.to, orgnrs);
    const exported = inWindow
      .map(({ personIdent, contributions }) => ({ personIdent, contributions: contributions.filter((contribution) => shown.has(`${contribution.quarter}|${contribution.orgnr}`)) }))
      .filter(({ contributions }) => contributions.length > 0);
    await this.audit.record(
      metadata,
      exported.map(({ personIdent }) => ({ action: 'export', resource: `statistics:pseudonymised:${request.project}`, personIdent, purpose: request.purpose })),
    );
    const lines = exported.flatMap(({ personIdent, contributions }) => {
      const pseudonym = pseudonymOf(secret, request.project, personIdent);
      return contributions.map((contribution) => {
        const { year, quarter } = parseQuarter(contribution.quarter);
        const sum = (classes: readonly Varighet[]) => classes.reduce((total, varighet) => total + contribution.tapteVarighet[varighet], 0n);
        return csvLine([
          pseudonym,
          year,
          quarter,
          contribution.orgnr,
          formatDagsverk(contribution.mulige),
          formatDagsverk(contribution.tapte),
          formatDagsverk(contribution.tapteGradert),
          formatDagsverk(sum(KORTTID_VARIGHETER)),
          formatDagsverk(sum(LANGTID_VARIGHETER)),
        ]);
      });
    });
    return {
      csv: [PSEUDONYMISED_EXPORT_HEADER, ...lines].join('\n') + '\n',
      rows: lines.length,
      persons: exported.length,
      nextPageToken: page.length === request.pageSize ? String(offset + request.pageSize) : '',
    };
  }
}

/** Values never hold a comma, quote or line break (codes, numbers, hex), so no quoting is needed. */
function csvLine(values: readonly (string | number | boolean | null)[]): string {
  return values.map((value) => (value === null ? '' : String(value))).join(',');
}

function figureCursorOf(token: string): [string, string, string] {
  try {
    const cursor: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (Array.isArray(cursor) && cursor.length === 3 && cursor.every((part) => typeof part === 'string')) return cursor as [string, string, string];
  } catch {
    // reported below
  }
  throw DomainError.invalid([{ field: 'pageToken', rule: 'page_token', message: 'is not a token a previous page returned' }]);
}

function offsetOf(token: string): number {
  if (!/^\d{1,12}$/.test(token)) throw DomainError.invalid([{ field: 'pageToken', rule: 'page_token', message: 'is not a token a previous page returned' }]);
  return Number(token);
}
