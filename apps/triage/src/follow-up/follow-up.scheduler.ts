import { randomUUID } from 'node:crypto';

import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { addDays, osloDate, type LocalDate } from '@syfo/local-date';
import { CLOCK, CONFIG, LOGGER, OutboxService, onClockChange, type Clock, type OutboxTransaction } from '@syfo/platform';
import type { Logger } from 'pino';

import type { TriageConfig } from '../config/triage.config';
import { Stoppunkt1Service } from '../screening/stoppunkt1.service';
import { FollowUpService } from './follow-up.service';

export interface ScheduleStatus {
  readonly today: LocalDate;
  /** Persons whose next check is today or earlier and not yet done. */
  readonly dueBacklog: number;
  readonly nextCheckOn: LocalDate | null;
  readonly lastRunAt: Date | null;
  readonly lastRunFor: LocalDate | null;
}

/**
 * Time moves milestones: the scheduler re-evaluates every person whose `next_check_on` has come. The
 * schedule lives in PostgreSQL, so it survives restarts, and rows are claimed with SKIP LOCKED, so
 * several replicas share the work and no person is evaluated twice at once. Nothing is kept in
 * memory timers but the poll itself; a simulated clock wakes it at once.
 */
@Injectable()
export class FollowUpScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private lastRunAt: Date | null = null;
  private lastRunFor: LocalDate | null = null;

  public constructor(
    private readonly outbox: OutboxService,
    private readonly followUp: FollowUpService,
    private readonly stoppunkt1: Stoppunkt1Service,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONFIG) private readonly config: TriageConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  public onApplicationBootstrap(): void {
    onClockChange(this.clock, () => this.nudge());
    this.nudge();
  }

  public async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Runs now, or once more right after the run in progress. */
  public nudge(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = this.runUntilCaughtUp()
      .then(() => undefined)
      .catch((error: unknown) => this.logger.error({ err: error instanceof Error ? error.message : String(error) }, 'scheduler run failed; retrying at the next poll'))
      .finally(() => {
        this.running = undefined;
        if (this.stopped) return;
        if (this.again) {
          this.again = false;
          this.nudge();
        } else {
          this.timer = setTimeout(() => this.nudge(), this.config.SCHEDULER_POLL_INTERVAL_MS);
        }
      });
  }

  /** Everything due up to the clock's today, batch by batch; returns how many persons were evaluated. */
  public async runUntilCaughtUp(): Promise<number> {
    const now = this.clock.now();
    const today = osloDate(now);
    let total = 0;
    for (;;) {
      if (this.stopped) break;
      const done = await this.runBatch(today);
      total += done;
      if (done < this.config.SCHEDULER_BATCH_SIZE) break;
    }
    await this.stoppunkt1.runDueBatches(now);
    this.lastRunAt = now;
    this.lastRunFor = today;
    if (total > 0) this.logger.info({ persons: total, today }, 'scheduler evaluated persons whose milestones move today');
    return total;
  }

  public async status(): Promise<ScheduleStatus> {
    const today = osloDate(this.clock.now());
    const [row] = (await this.outbox.transaction(randomUUID(), (tx) =>
      tx.manager.query(
        `SELECT count(*) FILTER (WHERE next_check_on <= $1)::int AS due, min(next_check_on) AS next FROM person_followup WHERE next_check_on IS NOT NULL`,
        [today],
      ),
    )) as { due: number; next: LocalDate | null }[];
    return { today, dueBacklog: row?.due ?? 0, nextCheckOn: row?.next ?? null, lastRunAt: this.lastRunAt, lastRunFor: this.lastRunFor };
  }

  private async runBatch(today: LocalDate): Promise<number> {
    try {
      return await this.outbox.transaction(randomUUID(), async (tx) => {
        const due = await this.claim(tx, today, this.config.SCHEDULER_BATCH_SIZE);
        for (const personIdent of due) await this.followUp.recompute(tx, personIdent);
        return due.length;
      });
    } catch (error) {
      // One person's failure must not hold up everyone else's day: retry them one by one.
      this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'scheduler batch failed; evaluating its persons one by one');
      return this.runOneByOne(today);
    }
  }

  private async runOneByOne(today: LocalDate): Promise<number> {
    let done = 0;
    for (let index = 0; index < this.config.SCHEDULER_BATCH_SIZE; index += 1) {
      const claimed = await this.outbox
        .transaction(randomUUID(), async (tx) => {
          const [personIdent] = await this.claim(tx, today, 1);
          if (personIdent === undefined) return 'none' as const;
          await this.followUp.recompute(tx, personIdent);
          return 'done' as const;
        })
        .catch(async (error: unknown) => {
          await this.postponeOneFailing(today, error);
          return 'failed' as const;
        });
      if (claimed === 'none') break;
      done += 1;
    }
    return done;
  }

  /** A person whose evaluation keeps failing is looked at again tomorrow, loudly, rather than blocking today. */
  private async postponeOneFailing(today: LocalDate, error: unknown): Promise<void> {
    await this.outbox.transaction(randomUUID(), async (tx) => {
      const [personIdent] = await this.claim(tx, today, 1);
      if (personIdent === undefined) return;
      await tx.manager.query('UPDATE person_followup SET next_check_on = $2 WHERE person_ident = $1', [personIdent, addDays(today, 1)]);
      this.logger.error({ err: error instanceof Error ? error.message : String(error) }, 'a person could not be evaluated; retrying tomorrow');
    });
  }

  private async claim(tx: OutboxTransaction, today: LocalDate, limit: number): Promise<string[]> {
    const rows: { person_ident: string }[] = await tx.manager.query(
      `SELECT person_ident FROM person_followup WHERE next_check_on <= $1 ORDER BY next_check_on, person_ident LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [today, limit],
    );
    return rows.map((row) => row.person_ident);
  }
}
