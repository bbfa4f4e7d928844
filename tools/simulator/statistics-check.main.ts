import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

import { ArbeidsforholdChangedEvent, SEKTORER, SickNoteReceivedEvent, TilfellerChangedEvent, VirksomhetChangedEvent, type Sektor } from '@syfo/contracts';
import {
  DEFAULT_ENVIRONMENT,
  deleteTopicsWithPrefix,
  eventually,
  grpcAddress,
  grpcClient,
  groupCaughtUp,
  localService,
  prepareInfrastructure,
  recreateDatabase,
  REPO_ROOT,
  ServiceProcess,
  testKafka,
  withDatabase,
  type LocalEnvironment,
} from '@syfo/testing';

import { calibrate } from './calibration';
import { commandLineOrExit, SIMULATION_USAGE } from './cli-options';
import { feed, GrpcFeedTarget, type FeedProgress } from './feeder';
import { simulate, type Simulation } from './simulation';
import { compareWithService, formatStatisticsCheck, quartersOf, sumDecimals, type ServiceFigures, type ServiceQuarter } from './statistics-check';

const USAGE = `Usage: node dist/tools/simulator/statistics-check.main.js --region <name> [options]

Starts case-intake and statistics as processes (database syfo_calibration, ports + 9000, topics
calib-<random>.), feeds them the synthetic population through case-intake's gRPC API, waits until
statistics has consumed everything, and compares the statistics service's own national, seasonal
and sektor figures with the published targets and with the simulator's values. Exits 1 when any
check fails, 2 on bad arguments.

${SIMULATION_USAGE}
`;

const STATISTICS_GROUP = 'statistics.intake-events';
const STATISTICS_INPUTS = [VirksomhetChangedEvent, ArbeidsforholdChangedEvent, SickNoteReceivedEvent, TilfellerChangedEvent];
const CATCH_UP_TIMEOUT_MS = 15 * 60_000;

interface UnitStatisticsResponse {
  readonly series: readonly { readonly level: string; readonly code: string; readonly quarterly: readonly ({ readonly quarters: readonly string[] } & Omit<ServiceQuarter, 'quarter'>)[] }[];
}

async function main(): Promise<void> {
  const options = commandLineOrExit(USAGE, {}, ({ simulation }) => {
    if (simulation.area === 'country') throw new RangeError('give --region <name>: the services run for one region');
  });
  if (!options) return;
  const settings = options.simulation;
  const started = performance.now();
  const log = (line: string) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);
  const env: LocalEnvironment = { ...DEFAULT_ENVIRONMENT, database: 'syfo_calibration', portOffset: 9000, topicPrefix: `calib-${randomUUID().slice(0, 8)}.`, region: settings.area };
  const years = Array.from({ length: settings.lastYear - settings.firstYear + 1 }, (_, i) => settings.firstYear + i);
  const kafka = testKafka(env.kafkaBrokers);
  const logDir = join(REPO_ROOT, '.local', 'logs', 'calibration');
  const services = [
    new ServiceProcess(localService('case-intake'), env, {}, logDir),
    // The simulated years, not the clock's five: the check must not depend on today's date.
    new ServiceProcess(localService('statistics'), env, { STATISTICS_WINDOW: `${settings.firstYear}-Q1..${settings.lastYear}-Q4` }, logDir),
  ];
  try {
    log(`preparing ${env.database}, topics ${env.topicPrefix}*`);
    await recreateDatabase(env);
    await prepareInfrastructure(env);
    await Promise.all(services.map((service) => service.start()));
    log(`case-intake and statistics ready (logs in ${logDir})`);

    const simulation = simulate(settings);
    const calibration = calibrate(simulation);
    const persons = simulation.size.employed + simulation.size.withoutEmployer;
    log(`simulated ${persons.toLocaleString('en-US')} persons, ${simulation.size.establishments.toLocaleString('en-US')} establishments; feeding case-intake`);
    const target = new GrpcFeedTarget(grpcAddress(localService('case-intake'), env));
    const progress = (state: FeedProgress) => log(`  ${state.persons.toLocaleString('en-US')} / ${persons.toLocaleString('en-US')} persons, ${documents(state).toLocaleString('en-US')} documents`);
    const summary = await feed(simulation, target, { rate: 0, onProgress: progress, progressEveryMs: 30_000 }).finally(() => target.close());
    log(`fed ${documents(summary).toLocaleString('en-US')} documents in ${(summary.elapsedMs / 1000).toFixed(0)} s; refused ${summary.refused}`);
    if (summary.refused > 0) throw new Error(`case-intake refused ${summary.refused} documents, e.g. ${summary.refusedReasons.join(' / ')}`);

    await eventually(
      async () => {
        const pending = await withDatabase(env, async (db) => Number((await db.query('SELECT count(*) AS n FROM case_intake.outbox_message WHERE published_at IS NULL')).rows[0].n));
        if (pending > 0) throw new Error(`${pending} events still in case-intake's outbox`);
        for (const event of STATISTICS_INPUTS) {
          if (!(await groupCaughtUp(kafka, `${env.topicPrefix}${STATISTICS_GROUP}`, `${env.topicPrefix}${event.topic}`))) throw new Error(`statistics has not consumed ${event.topic}`);
        }
      },
      { timeoutMs: CATCH_UP_TIMEOUT_MS, intervalMs: 2_000 },
    );
    log('statistics has consumed everything; refreshing figures');

    const statisticsAddress = grpcAddress(localService('statistics'), env);
    const admin = grpcClient('statistics', 'StatisticsAdminService', statisticsAddress);
    const queries = grpcClient('statistics', 'SicknessStatisticsService', statisticsAddress);
    let figures: ServiceFigures;
    try {
      await admin.call('RefreshFigures', {});
      figures = await readFigures(queries.call, simulation, years);
    } finally {
      admin.close();
      queries.close();
    }
    const report = compareWithService(calibration, figures, years);
    process.stdout.write(
      `Seed ${settings.seed}, ${settings.area}, scale ${settings.scale}, ${settings.firstYear}–${settings.lastYear}: ${persons.toLocaleString('en-US')} persons, ` +
        `${documents(summary).toLocaleString('en-US')} documents fed\n\n${formatStatisticsCheck(report)}\n\n${landTotals(figures, years)}\nEnd to end in ${((performance.now() - started) / 1000).toFixed(0)} s.\n`,
    );
    process.exitCode = report.ok ? 0 : 1;
  } finally {
    await Promise.all(services.map((service) => service.stop()));
    await deleteTopicsWithPrefix(kafka, env.topicPrefix).catch((error: unknown) => log(`could not delete topics ${env.topicPrefix}*: ${String(error)}`));
  }
}

/** LAND, and each sektor through one of its units, for every quarter of the years (a response holds one year's quarters). */
async function readFigures(call: ReturnType<typeof grpcClient>['call'], simulation: Simulation, years: readonly number[]): Promise<ServiceFigures> {
  const land: ServiceQuarter[] = [];
  const sektor: Partial<Record<Sektor, ServiceQuarter[]>> = {};
  for (const code of SEKTORER) {
    const unit = simulation.register.establishments.find((establishment) => establishment.sektor === code && establishment.employees > 0);
    if (!unit) continue;
    for (const year of years) {
      const response = await call<UnitStatisticsResponse>('GetUnitStatistics', { orgnr: unit.orgnr, latestQuarter: `${year}-Q4` });
      const quarterly = (level: string) =>
        (response.series.find((series) => series.level === level)?.quarterly ?? []).map(({ quarters, masked, tapteDagsverk, muligeDagsverk }) => ({ quarter: quarters[0]!, masked, tapteDagsverk, muligeDagsverk }));
      if (code === SEKTORER[0]) land.push(...quarterly('LAND'));
      (sektor[code] ??= []).push(...quarterly('SEKTOR'));
    }
  }
  return { land, sektor };
}

/** The service's exact LAND sums a year, so a reader can redo the division. */
function landTotals(figures: ServiceFigures, years: readonly number[]): string {
  return years
    .map((year) => {
      const chosen = figures.land.filter((figure) => quartersOf([year]).includes(figure.quarter));
      if (chosen.length !== 4 || chosen.some((figure) => figure.masked)) return `LAND ${year}: masked or incomplete\n`;
      return `LAND ${year} (statistics service): tapte ${sumDecimals(chosen.map((figure) => figure.tapteDagsverk!))} / mulige ${sumDecimals(chosen.map((figure) => figure.muligeDagsverk!))} dagsverk\n`;
    })
    .join('');
}

function documents(state: FeedProgress): number {
  return Object.values(state.sent).reduce((sum, value) => sum + value, 0);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
