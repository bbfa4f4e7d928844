import type { Metadata } from '@grpc/grpc-js';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource, type EntityManager } from 'typeorm';

import { CLOCK, type Clock } from '../clock/clock';
import { LOGGER } from '../module/platform.tokens';

export interface AuditEntry {
  readonly action: 'access' | 'create' | 'update' | 'cancel' | 'export';
  readonly resource: string;
  readonly personIdent: string;
  readonly purpose: string;
}

/**
 * Every read of person data is recorded: who, what, when and why (handbook §10.5), one row per person,
 * so a list of fifty persons writes fifty rows. The rows are written before the data is returned: a
 * read that could not be audited does not happen. The table comes from `createAuditTable`.
 */
@Injectable()
export class AuditService {
  public constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  public async record(metadata: Metadata | undefined, entries: AuditEntry | readonly AuditEntry[], manager?: EntityManager): Promise<void> {
    const list = Array.isArray(entries) ? (entries as readonly AuditEntry[]) : [entries as AuditEntry];
    if (list.length === 0) return;
    const actor = actorOf(metadata);
    await (manager ?? this.dataSource.manager).query(
      `INSERT INTO audit_log (at, actor, action, resource, person_ident, purpose)
       SELECT $1, $2, action, resource, person_ident, purpose
       FROM unnest($3::text[], $4::text[], $5::text[], $6::text[]) AS entry(action, resource, person_ident, purpose)`,
      [this.clock.now(), actor, list.map((e) => e.action), list.map((e) => e.resource), list.map((e) => e.personIdent), list.map((e) => e.purpose)],
    );
    this.logger.info({ audit: true, actor, action: list[0]!.action, resource: list[0]!.resource, persons: list.length }, 'person data accessed');
  }
}

/** The calling user or system; authentication is not built yet, so callers identify themselves. */
export function actorOf(metadata: Metadata | undefined): string {
  const value = metadata?.get('x-actor')[0];
  return typeof value === 'string' && value.length > 0 ? value.slice(0, 128) : 'unidentified';
}
