import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, DomainError, LOGGER, type Clock } from '@syfo/platform';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';

import { parsePublishedAggregatesCsv } from './published-aggregates.parser';
import { StatisticsRepository } from './statistics.repository';

/**
 * Imports a file of published aggregates (published-aggregates.parser.ts has the format). The whole file or nothing:
 * one broken line rejects it, with every error named by line, field and rule, so the sender can fix them all at once.
 */
@Injectable()
export class PublishedAggregatesImporter {
  public constructor(
    private readonly dataSource: DataSource,
    private readonly repository: StatisticsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  public async import(csv: string, reason: string, actor: string): Promise<{ importId: string; rows: number }> {
    const parsed = parsePublishedAggregatesCsv(csv);
    if (!parsed.ok) {
      throw DomainError.invalid(
        parsed.errors.map((error) => ({
          field: error.field === null ? `csv.line[${error.line}]` : `csv.line[${error.line}].${error.field}`,
          rule: `published.${error.rule}`,
          message: `line ${error.line}${error.field === null ? '' : `, ${error.field}`}: ${error.message}`,
        })),
      );
    }
    if (parsed.rows.length === 0) throw DomainError.invalid([{ field: 'csv', rule: 'published.no_rows', message: 'has a header but no rows' }]);
    const importId = randomUUID();
    await this.dataSource.transaction((manager) => this.repository.savePublished(manager, importId, parsed.rows, actor, reason, this.clock.now()));
    this.logger.info({ importId, rows: parsed.rows.length, actor }, 'published aggregates imported');
    return { importId, rows: parsed.rows.length };
  }
}
