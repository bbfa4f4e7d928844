import { join } from 'node:path';

import { status, type ServiceError } from '@grpc/grpc-js';
import type { outreachCallTaskV1, statisticsFollowUpV1, statisticsV1, triageWorkListV1 } from '@syfo/contracts';
import { addDays, osloDate } from '@syfo/local-date';
import {
  DEFAULT_ENVIRONMENT,
  LOCAL_SERVICES,
  REPO_ROOT,
  grpcAddress,
  grpcClient,
  httpBase,
  localService,
  prepareInfrastructure,
  startServices,
  withDatabase,
  type ServiceProcess,
} from '@syfo/testing';

import { PlatformClock, replayInstant } from './demo-clock';
import { demoAccounts, showcasePerson, type DemoAccount } from './demo-data';
import { DEMO_ACTOR, DEMO_ENHET, whereToLook } from './demo-guide';
import { LIVE_TICK_MS, liveNotesPerTick, livePerson, liveSickNote, type LivePerson } from './demo-live';
import { PlatformPipeline, describeReading } from './demo-pipeline';
import { UpcomingDocuments, describeBacklog, describeProgress, every, planReplay, type ReplayPlan } from './demo-replay';
import { demoSettings } from './demo-settings';
import { planRun, readState, writeState, type DemoState, type RunPlan } from './demo-state';
import type { FeedItem } from '../simulator/feed-item';
import { GrpcFeedTarget } from '../simulator/feeder';
import { simulate } from '../simulator/simulation';

const env = DEFAULT_ENVIRONMENT;
const STATE_FILE = join(REPO_ROOT, '.local', `demo-${env.database}.json`);
const ACCOUNTS = 6;

const out = (line: string) => process.stdout.write(`${line}\n`);
let stopping = false;

/**
 * `npm start`: a region's last months replayed at speed through the public APIs on simulated clocks,
 * then a live trickle of new sick notes on the real clock, until Ctrl+C.
 */
async function main(): Promise<void> {
  if (await alreadyRunning()) {
    out('The platform is already running.');
    out(whereToLook(env, readState(STATE_FILE)?.showcase, osloDate(new Date())));
    return;
  }
  const settings = demoSettings(process.env, env.region);
  out('› preparing database, migrations and topics');
  await prepareInfrastructure(env, out);
  const now = new Date();
  const today = osloDate(now);
  const databaseOid = await withDatabase(env, async (client) => Number((await client.query<{ oid: string }>('SELECT oid FROM pg_database WHERE datname = current_database()')).rows[0]!.oid));
  const run = planRun(readState(STATE_FILE), settings, databaseOid, now, today);

  const { seed, area, scale, firstYear, lastYear } = run.simulation;
  out(`› simulating ${area} at scale ${scale} (seed ${seed}, ${firstYear}–${lastYear})`);
  const simulation = simulate(run.simulation);
  const documents: FeedItem[] = [];
  const persons: LivePerson[] = [];
  for (const record of simulation.people()) {
    persons.push(livePerson(record.person));
    for (const item of record.documents) documents.push(item);
  }
  const plan = planReplay(simulation.employerDocuments(), documents, run.resumeDay, today);
  const accounts = demoAccounts(simulation.register.establishments, ACCOUNTS);
  const state: DemoState = {
    databaseOid,
    simulation: run.simulation,
    replayedThrough: addDays(run.resumeDay, -1),
    clockAt: run.clockStart,
    live: { day: today, notes: run.liveNotes },
    showcase: { firstDay: run.firstDay, personIdent: showcasePerson(documents, today), orgnr: accounts[0]?.orgnr },
  };
  out(
    `  ${persons.length.toLocaleString('en-US')} persons, ${simulation.register.establishments.length} establishments; ${plan.backlog.length.toLocaleString('en-US')} documents before ${run.resumeDay}, ` +
      `${plan.days.reduce((sum, day) => sum + day.items.length, 0).toLocaleString('en-US')} over ${plan.days.length} days to replay, ${plan.upcoming.length.toLocaleString('en-US')} from today on`,
  );
  if (run.resumeDay !== run.firstDay) out(`  (a previous demo replayed up to ${addDays(run.resumeDay, -1)}: what came before arrives again as duplicates)`);

  out(`› starting the five services on simulated clocks from ${run.clockStart}`);
  // A short outbox poll takes a little off every replayed day, as in triage's year-long test; production keeps the default.
  const services = await startServices(env, { CLOCK_MODE: 'simulated', CLOCK_START: run.clockStart, OUTBOX_POLL_INTERVAL_MS: '50' });
  process.on('SIGINT', () => void stop(services));
  process.on('SIGTERM', () => void stop(services));
  const clock = new PlatformClock(LOCAL_SERVICES, env, run.clockStart);
  const pipeline = new PlatformPipeline(env);
  const target = new GrpcFeedTarget(grpcAddress(localService('case-intake'), env));
  try {
    await pipeline.connect();
    out(`› registering ${accounts.length} employer accounts in the CRM`);
    await registerAccounts(accounts);
    await replay(plan, run, clock, pipeline, target, state);
    if (stopping) return;
    out(await summary(accounts.length));
    out(whereToLook(env, state.showcase, today));
    out(`› live: every ${LIVE_TICK_MS / 1000} s the clocks move to now and 1–3 new sick notes arrive. Ctrl+C stops the services (the Kafka broker keeps running: \`bash tools/kafka/kafka.sh stop\`).`);
    await live(new UpcomingDocuments(plan.upcoming), persons, clock, target, state);
  } catch (error) {
    if (stopping) return; // the services went away under a call: Ctrl+C, not a failure
    await Promise.all(services.map((service) => service.stop()));
    throw error;
  } finally {
    target.close();
    await pipeline.close().catch(() => undefined);
  }
}

async function alreadyRunning(): Promise<boolean> {
  return fetch(`${httpBase(localService('case-intake'), env)}/health/live`).then(
    (response) => response.ok,
    () => false,
  );
}

async function stop(services: readonly ServiceProcess[]): Promise<void> {
  if (stopping) return;
  stopping = true;
  out('\n› stopping services (graceful drain)');
  await Promise.all(services.map((service) => service.stop()));
  process.exit(0);
}

/** Same orgnr and details as last time: the CRM hands the stored account back. */
async function registerAccounts(accounts: readonly DemoAccount[]): Promise<void> {
  const outreach = grpcClient('employer-outreach', 'AccountService', grpcAddress(localService('employer-outreach'), env));
  try {
    for (const account of accounts) {
      await outreach.call('RegisterAccount', account).catch((error: ServiceError) => {
        // Another demo population named this orgnr differently; its account stays as it is.
        if (error.code !== status.ALREADY_EXISTS) throw error;
      });
    }
  } finally {
    outreach.close();
  }
}

/**
 * The backlog in bulk at the first day's clock, then day by day: clocks to the evening of the day,
 * the day's documents, and a wait until triage has run the day's schedule and nothing is left
 * between the services, so every milestone fires on its own simulated day.
 */
async function replay(plan: ReplayPlan, run: RunPlan, clock: PlatformClock, pipeline: PlatformPipeline, target: GrpcFeedTarget, state: DemoState): Promise<void> {
  const started = performance.now();
  const report = every(5_000);
  let delivered = 0;
  out(`› the history before ${run.resumeDay} in bulk`);
  for (const item of plan.backlog) {
    if (stopping) return;
    await target.send(item);
    delivered += 1;
    if (report()) out(describeBacklog(delivered, plan.backlog.length, performance.now() - started));
  }
  await target.flush();
  if (plan.days.length > 0) out(`› replaying ${plan.days.length} days, ${plan.days[0]!.day} to ${plan.days.at(-1)!.day}`);
  const daysStarted = performance.now();
  for (const [index, { day, items }] of plan.days.entries()) {
    if (stopping) return;
    await clock.set(replayInstant(day));
    for (const item of items) await target.send(item);
    await target.flush();
    delivered += items.length;
    await pipeline.settle(day, clock, (reading) => out(`    ${day}: waiting for the services, ${describeReading(reading)}`));
    save(state, { replayedThrough: day, clockAt: clock.now });
    const progress = { day, dayNumber: index + 1, days: plan.days.length, documents: delivered, elapsedMs: performance.now() - started, daysElapsedMs: performance.now() - daysStarted };
    if (report() || index === plan.days.length - 1) out(describeProgress(progress));
  }
  out(`› replayed in ${((performance.now() - started) / 1000).toFixed(0)} s${describeRefused(target)}`);
}

/** Until Ctrl+C: the clocks at the real now, the simulation's documents as their time comes, and a few new sick notes. */
async function live(upcoming: UpcomingDocuments, persons: readonly LivePerson[], clock: PlatformClock, target: GrpcFeedTarget, state: DemoState): Promise<void> {
  const report = every(60_000);
  let notes = 0;
  let scheduled = 0;
  while (!stopping) {
    const now = new Date();
    const instant = now.toISOString();
    const day = osloDate(now);
    const numbered = state.live.day === day ? state.live.notes : 0;
    await clock.set(instant);
    const due = upcoming.takeUntil(instant);
    const fresh = Array.from({ length: liveNotesPerTick(state.simulation.seed, day, numbered) }, (_, k) => liveSickNote(persons, state.simulation.seed, day, numbered + k, instant));
    for (const item of [...due, ...fresh]) await target.send(item);
    await target.flush();
    notes += fresh.length;
    scheduled += due.length;
    save(state, { replayedThrough: addDays(day, -1), clockAt: clock.now, live: { day, notes: numbered + fresh.length } });
    if (report()) {
      out(`  ${instant.slice(0, 19)}Z  live: ${notes} new sick notes and ${scheduled} of the simulation's documents in the last minute${describeRefused(target)}`);
      notes = 0;
      scheduled = 0;
    }
    await new Promise((resolve) => setTimeout(resolve, LIVE_TICK_MS));
  }
}

function save(state: DemoState, change: Partial<DemoState>): void {
  Object.assign(state, change);
  writeState(STATE_FILE, state);
}

function describeRefused(target: GrpcFeedTarget): string {
  if (target.refused.count === 0) return '';
  return `; case-intake refused ${target.refused.count} documents, e.g. ${target.refused.reasons[0]}`;
}

/** What the replay left in each service, as their own APIs tell it. */
async function summary(accounts: number): Promise<string> {
  const address = (service: Parameters<typeof localService>[0]) => grpcAddress(localService(service), env);
  const workList = grpcClient('triage', 'WorkListService', address('triage'));
  const figures = grpcClient('statistics', 'FollowUpFiguresService', address('statistics'));
  const counts = grpcClient('statistics', 'IntakeCountsService', address('statistics'));
  const callTasks = grpcClient('employer-outreach', 'CallTaskService', address('employer-outreach'));
  try {
    const [items, workload, intake, tasks] = await Promise.all([
      workList.call<triageWorkListV1.ListWorkItemsResponse>('ListWorkItems', { enhet: DEMO_ENHET, purpose: 'demo: summary after the replay', pageSize: 1 }, { 'x-actor': DEMO_ACTOR }),
      figures.call<statisticsFollowUpV1.GetWorkloadResponse>('GetWorkload', { enhet: DEMO_ENHET }),
      counts.call<statisticsV1.GetIntakeCountsResponse>('GetIntakeCounts', {}),
      callTasks.call<outreachCallTaskV1.ListCallTasksResponse>('ListCallTasks', {}),
    ]);
    const enhet = workload.enheter.find((row) => row.enhet === DEMO_ENHET);
    return [
      '',
      'What the replay left:',
      `  case-intake        ${Number(intake.totalSickNotes).toLocaleString('en-US')} sick notes accepted`,
      `  triage             ${items.totalCount.toLocaleString('en-US')} open work items for enhet ${DEMO_ENHET}`,
      `  statistics         workload of enhet ${DEMO_ENHET}: ${enhet?.openItems ?? 0} open items for ${enhet?.persons ?? 0} persons, ${enhet?.overdue ?? 0} overdue (as of ${workload.asOf})`,
      `  employer-outreach  ${accounts} accounts, ${tasks.tasks.length} stoppunkt-1 call tasks (where the region runs SF-SP1, e.g. vestland)`,
    ].join('\n');
  } finally {
    [workList, figures, counts, callTasks].forEach((client) => client.close());
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`start failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
