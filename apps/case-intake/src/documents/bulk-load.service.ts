import { status, type sendUnaryData, type ServerReadableStream } from '@grpc/grpc-js';
import { Inject, Injectable } from '@nestjs/common';
import { correlationIdOf, DomainError, DomainErrorCode, LOGGER, OutboxService, type OutboxTransaction } from '@syfo/platform';
import type { Logger } from 'pino';

/** Documents of a bulk load committed together. */
const BULK_CHUNK = 100;

/** One document of a load: its source id as sent, for the report even when it does not validate, and its validation. */
export interface BulkItem {
  readonly sourceId: string;
  /** Throws a DomainError naming field and rule, or returns the write that stores the document. */
  readonly validate: () => (tx: OutboxTransaction) => Promise<{ readonly duplicate: boolean }>;
}

/** The shape both bulk rpcs answer with (RejectedSickNote and RejectedDocument have the same fields). */
export interface BulkSummary {
  accepted: number;
  duplicates: number;
  rejected: { index: number; sourceId: string; reason: string; fieldErrors: { field: string; rule: string; description: string }[] }[];
}

type Outcome = { kind: 'accepted' | 'duplicate' } | { kind: 'rejected'; rejected: BulkSummary['rejected'][number] };

/**
 * Runs a client-streamed bulk load. BULK_CHUNK documents commit together, so a commit (and its WAL
 * flush) is paid per chunk and a person's tilfeller are recomputed once per chunk; a document refused
 * inside a chunk rolls back to its savepoint only. Nothing is acknowledged before the stream ends, so
 * a broken stream is sent again and what was stored comes back as duplicates.
 */
@Injectable()
export class BulkLoadService {
  public constructor(
    private readonly outbox: OutboxService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * The raw call is read, not Nest's observable: that never completes when the client ends early
   * (11.2), and the raw stream gives backpressure for free.
   */
  public async load<R>(call: ServerReadableStream<R, BulkSummary>, callback: sendUnaryData<BulkSummary>, prepare: (request: R) => BulkItem): Promise<void> {
    const correlationId = correlationIdOf(call.metadata);
    const summary: BulkSummary = { accepted: 0, duplicates: 0, rejected: [] };
    let chunk: R[] = [];
    let stored = 0;
    const commit = async () => {
      const outcomes = await this.outbox.transaction(correlationId, (tx) => this.storeChunk(tx, chunk, stored, prepare));
      for (const outcome of outcomes) {
        if (outcome.kind === 'rejected') summary.rejected.push(outcome.rejected);
        else if (outcome.kind === 'duplicate') summary.duplicates += 1;
        else summary.accepted += 1;
      }
      stored += chunk.length;
      chunk = [];
    };
    try {
      for await (const request of call as AsyncIterable<R>) {
        chunk.push(request);
        if (chunk.length >= BULK_CHUNK) await commit();
      }
      if (chunk.length > 0) await commit();
      callback(null, summary);
    } catch (error) {
      this.logger.error({ err: error instanceof Error ? error.message : String(error), stored }, 'bulk load failed');
      callback({ code: status.INTERNAL, details: `bulk load stopped after document ${stored}; the documents before it are stored` });
    }
  }

  /** Each document of a chunk in one transaction, behind a savepoint, so a refused one leaves nothing behind and the others stand. */
  private async storeChunk<R>(tx: OutboxTransaction, requests: readonly R[], first: number, prepare: (request: R) => BulkItem): Promise<Outcome[]> {
    const outcomes: Outcome[] = [];
    for (const [offset, request] of requests.entries()) {
      const index = first + offset;
      const item = prepare(request);
      let store: ReturnType<BulkItem['validate']>;
      try {
        store = item.validate();
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        outcomes.push(rejection(error, index, item.sourceId));
        continue;
      }
      await tx.manager.query('SAVEPOINT bulk_document');
      try {
        const { duplicate } = await store(tx);
        await tx.manager.query('RELEASE SAVEPOINT bulk_document');
        outcomes.push({ kind: duplicate ? 'duplicate' : 'accepted' });
      } catch (error) {
        // Anything but a DomainError is not the document's fault: it fails the chunk, and so the load.
        if (!(error instanceof DomainError)) throw error;
        await tx.manager.query('ROLLBACK TO SAVEPOINT bulk_document');
        outcomes.push(rejection(error, index, item.sourceId));
      }
    }
    return outcomes;
  }
}

function rejection(error: DomainError, index: number, sourceId: string): Outcome {
  const reason = error.code === DomainErrorCode.InvalidArgument ? 'invalid' : error.headline;
  return { kind: 'rejected', rejected: { index, sourceId, reason, fieldErrors: error.violations.map((v) => ({ field: v.field, rule: v.rule, description: v.message })) } };
}
