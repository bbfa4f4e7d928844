import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { osloDate } from '@syfo/local-date';
import { CLOCK, CONFIG, LOGGER, type Clock } from '@syfo/platform';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';

import type { StatisticsWindow } from './dagsverk.calculator';
import { maskQuarter } from './masking.policy';
import { historyWindow, type Quarter } from './quarter.util';
import type { StatisticsConfig } from './statistics.config';
import { sameWindow, StatisticsLedgerService, type RecomputationReport } from './statistics-ledger.service';
import { StatisticsRepository } from './statistics.repository';

export interface RefreshReport {
  readonly quarters: readonly Quarter[];
  /** Set when the window had moved (a new year, or a new STATISTICS_WINDOW) and everything was recomputed first. */
  readonly recomputation: RecomputationReport | null;
}

/**
 * Publishes the live rows to the queries. Masking (masking.policy.ts) looks at a whole quarter at once, since a figure
 * can be revealed as the difference of others, so it cannot follow each event: the quarters events changed are
 * marked, and here each is masked as a whole, from one consistent snapshot, and replaces its published figures. The
 * queries only ever read these figures, so nothing unmasked is ever shown, and every figure shown is at most one
 * refresh interval old.
 *
 * Also moves the window: when the configured one differs from the one stored (1 January, or a new
 * STATISTICS_WINDOW), every person is recomputed before anything is published.
 */
@Injectable()
export class StatisticsFiguresRefresher implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<RefreshReport> | undefined;

  public constructor(
    private readonly dataSource: DataSource,
    private readonly repository: StatisticsRepository,
    private readonly ledger: StatisticsLedgerService,
    @Inject(CONFIG) private readonly config: StatisticsConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** The window now: the configured one, or whole history years and the current year by the clock. */
  public window(): StatisticsWindow {
    return this.config.STATISTICS_WINDOW ?? historyWindow(osloDate(this.clock.now()), this.config.STATISTICS_HISTORY_YEARS);
  }

  /** Before the consumers start: a new database gets the window, so the first events can be applied. */
  public async onModuleInit(): Promise<void> {
    await this.repository.initialiseWindow(this.dataSource.manager, this.window());
  }

  public onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (!this.running) this.refresh().catch((error: unknown) => this.logger.error({ err: error instanceof Error ? error.message : String(error) }, 'statistics refresh failed'));
    }, this.config.STATISTICS_REFRESH_INTERVAL_MS);
    this.timer.unref();
  }

  public async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Refreshes every marked quarter now; a call while one runs waits for it and then runs again. */
  public async refresh(): Promise<RefreshReport> {
    const previous = this.running ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.run());
    this.running = next;
    try {
      return await next;
    } finally {
      if (this.running === next) this.running = undefined;
    }
  }

  private async run(): Promise<RefreshReport> {
    // Read without the lock first: the recomputation's lock would stop every event at each tick.
    const window = this.window();
    const moved = !sameWindow(await this.repository.storedWindow(this.dataSource.manager), window);
    const recomputation = moved ? await this.ledger.recomputeAll(window, true) : null;
    const quarters = await this.dataSource.transaction((manager) => this.repository.takeDirtyQuarters(manager));
    for (const [index, quarter] of quarters.entries()) {
      try {
        await this.refreshQuarter(quarter);
      } catch (error) {
        await this.dataSource.transaction((manager) => this.repository.markDirty(manager, quarters.slice(index), this.clock.now()));
        throw error;
      }
    }
    if (quarters.length > 0) this.logger.debug({ quarters }, 'statistics figures refreshed');
    return { quarters, recomputation };
  }

  /** The quarter's rows and the register from one snapshot, masked together, replace its published figures. */
  private async refreshQuarter(quarter: Quarter): Promise<void> {
    await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const rows = await this.repository.liveRows(manager, quarter);
      const register = await this.repository.wholeRegister(manager);
      await this.repository.replaceFigures(manager, quarter, maskQuarter(rows, register), this.clock.now());
    });
  }
}
