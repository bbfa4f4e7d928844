import type { Metadata } from '@grpc/grpc-js';
import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, LOGGER, type Clock } from '@syfo/platform';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';

export interface AuditEntry {
  readonly action: 'access' | 'create' | 'update' | 'cancel';
  readonly resource: string;
  readonly personIdent: string;
  readonly purpose: string;
}

/**
 * Every read of person data is recorded: who, what, when and why (handbook §10.5). The entry is
 * written before the data is returned, so a read that could not be audited does not happen.
 */
@Injectable()
export class AuditService {
  public constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  public async record(metadata: Metadata | undefined, entry: AuditEntry): Promise<void> {
    const actor = actorOf(metadata);
    await this.dataSource.query('INSERT INTO audit_log (at, actor, action, resource, person_ident, purpose) VALUES ($1, $2, $3, $4, $5, $6)', [
      this.clock.now(),
      actor,
      entry.action,
      entry.resource,
      entry.personIdent,
      entry.purpose,
    ]);
    this.logger.info({ audit: true, actor, action: entry.action, resource: entry.resource }, 'person data accessed');
  }
}

/** The calling user or system; authentication is not built yet, so callers identify themselves. */
function actorOf(metadata: Metadata | undefined): string {
  const value = metadata?.get('x-actor')[0];
  return typeof value === 'string' && value.length > 0 ? value.slice(0, 128) : 'unidentified';
}
