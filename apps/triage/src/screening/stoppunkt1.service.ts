import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { Stoppunkt1DemandEvent } from '@syfo/contracts';
import { addDays, addMonthsClamped, isoDayOfWeek, osloDate, type LocalDate } from '@syfo/local-date';
import { CONFIG, LOGGER, OutboxService, type OutboxTransaction } from '@syfo/platform';
import type { Logger } from 'pino';

import type { TriageConfig } from '../config/triage.config';
import { resolveRuleSet } from './rule-set.registry';
import { type SF_SP1_V1, type SfSp1EmployerFacts } from './sf-sp1.rule-set';

const TASK = 'SP1_BATCH';
const BATCH_HOUR = 6;
const OSLO_HOUR = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', hour: '2-digit', hourCycle: 'h23' });

/** 06:00 in Oslo on a date, as an instant (Oslo is UTC+1 in winter, UTC+2 in summer). */
export function osloMorning(date: LocalDate, hour = BATCH_HOUR): Date {
  for (const offset of [1, 2]) {
    const candidate = new Date(`${date}T${String(hour - offset).padStart(2, '0')}:00:00Z`);
    if (osloDate(candidate) === date && Number(OSLO_HOUR.format(candidate)) === hour) return candidate;
  }
  throw new RangeError(`no ${hour}:00 in Oslo on ${date}`);
}

/** The first Monday batch at or after an instant. */
export function nextBatchAt(now: Date): Date {
  const today = osloDate(now);
  const monday = addDays(today, (8 - isoDayOfWeek(today)) % 7);
  const at = osloMorning(monday);
  return at.getTime() >= now.getTime() ? at : osloMorning(addDays(monday, 7));
}

/**
 * The Monday 06:00 stoppunkt-1 batch (handbook §4.4): everyone who passed 6 weeks at 100 % in the week
 * before, grouped per underenhet, judged by SF-SP1 and published as employer-level demand with no
 * personal data. The schedule row makes each Monday run once across replicas and restarts; a missed
 * Monday (the service was down) runs late rather than never.
 */
@Injectable()
export class Stoppunkt1Service {
  public constructor(
    private readonly outbox: OutboxService,
    @Inject(CONFIG) private readonly config: TriageConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  public async runDueBatches(now: Date): Promise<void> {
    if (!this.config.screening['SF-SP1'].enabled) return;
    for (;;) {
      const ran = await this.outbox.transaction(randomUUID(), async (tx) => {
        await tx.manager.query('INSERT INTO scheduled_task (name, next_run_at) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [TASK, nextBatchAt(now)]);
        const [task] = (await tx.manager.query('SELECT next_run_at FROM scheduled_task WHERE name = $1 AND next_run_at <= $2 FOR UPDATE SKIP LOCKED', [TASK, now])) as {
          next_run_at: Date;
        }[];
        if (!task) return false;
        const batchDate = osloDate(task.next_run_at);
        await this.runBatch(tx, batchDate);
        await tx.manager.query('UPDATE scheduled_task SET next_run_at = $2, last_run_at = $3 WHERE name = $1', [TASK, osloMorning(addDays(batchDate, 7)), now]);
        return true;
      });
      if (!ran) return;
    }
  }

  private async runBatch(tx: OutboxTransaction, batchDate: LocalDate): Promise<void> {
    const rows: { orgnr: string; passed_on: LocalDate }[] = await tx.manager.query(
      'SELECT orgnr, passed_on FROM sp1_candidate WHERE passed_on >= $1 AND passed_on < $2 ORDER BY orgnr, passed_on',
      [addDays(batchDate, -7), batchDate],
    );
    if (rows.length === 0) return;
    const orgnrs = [...new Set(rows.map((row) => row.orgnr))];
    const history: { orgnr: string; appearances: LocalDate[] | null; last_call_on: LocalDate | null; concurrent: number }[] = await tx.manager.query(
      `SELECT o.orgnr,
         (SELECT array_agg(batch_date::text ORDER BY batch_date) FROM sp1_appearance a WHERE a.orgnr = o.orgnr AND a.batch_date >= $2 AND a.batch_date < $3) AS appearances,
         (SELECT max(batch_date) FROM sp1_appearance a WHERE a.orgnr = o.orgnr AND a.call_task AND a.batch_date < $3) AS last_call_on,
         (SELECT count(DISTINCT person_ident)::int FROM sp1_candidate c WHERE c.orgnr = o.orgnr AND c.passed_on < $3 AND c.tilfelle_end >= $3) AS concurrent
       FROM unnest($1::text[]) AS o(orgnr)`,
      [orgnrs, addMonthsClamped(batchDate, -12), batchDate],
    );
    const employers: Record<string, SfSp1EmployerFacts> = {};
    for (const row of history) {
      employers[row.orgnr] = { previousAppearances: row.appearances ?? [], lastCallOn: row.last_call_on, concurrentFullSickListed: row.concurrent };
    }
    // Candidate keys are positions in this batch: opaque, and never a person ident.
    const { version, ...settings } = this.config.screening['SF-SP1'];
    const ruleSet = resolveRuleSet(`SF-SP1@${version}`) as typeof SF_SP1_V1;
    const result = ruleSet.evaluate(
      { batchDate, candidates: rows.map((row, index) => ({ candidateKey: `c${index}`, orgnr: row.orgnr, passedOn: row.passed_on, gradePercent: 100 })), employers },
      { suppressDays: settings.suppressDays },
    );
    for (const decision of result.decisions) {
      await tx.manager.query('INSERT INTO sp1_appearance (orgnr, batch_date, outcome, call_task) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [
        decision.orgnr,
        batchDate,
        decision.outcome,
        decision.stoppunkt1Task !== null,
      ]);
      await tx.publish(Stoppunkt1DemandEvent, {
        orgnr: decision.orgnr,
        batchDate,
        isoWeek: result.isoWeek,
        outcome: decision.outcome,
        rule: decision.rule,
        callTask: decision.stoppunkt1Task !== null,
        region: this.config.REGION,
      });
    }
    this.logger.info({ batchDate, employers: result.decisions.length }, 'stoppunkt-1 batch published');
  }
}
