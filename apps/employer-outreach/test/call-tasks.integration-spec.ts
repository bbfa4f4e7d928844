import { randomUUID } from 'node:crypto';

import { status, type ServiceError } from '@grpc/grpc-js';
import type { outreachCallTaskV1, Stoppunkt1Demand } from '@syfo/contracts';
import {
  DEFAULT_ENVIRONMENT,
  ServiceProcess,
  deleteTopicsWithPrefix,
  eventually,
  grpcAddress,
  grpcClient,
  groupCaughtUp,
  localService,
  prepareInfrastructure,
  produceRaw,
  recreateDatabase,
  syntheticOrgnr,
  testKafka,
  TEST_PORT_OFFSETS,
} from '@syfo/testing';

jest.setTimeout(180_000);

// employer-outreach alone, fed triage's stoppunkt-1 demand over real Kafka.
const env = { ...DEFAULT_ENVIRONMENT, database: 'syfo_outreach_it', portOffset: TEST_PORT_OFFSETS.employerOutreach, topicPrefix: `outreach-it-${randomUUID().slice(0, 8)}.` };
const kafka = testKafka(env.kafkaBrokers);
const outreach = localService('employer-outreach');
const service = new ServiceProcess(outreach, env, { OUTBOX_POLL_INTERVAL_MS: '50' });
const TOPIC = `${env.topicPrefix}triage.stoppunkt1-demand.v1`;
const [X, Y, Z] = [syntheticOrgnr(31), syntheticOrgnr(32), syntheticOrgnr(33)];

async function call<T>(serviceName: string, method: string, request: unknown): Promise<T> {
  const client = grpcClient('employer-outreach', serviceName, grpcAddress(outreach, env));
  try {
    return await client.call<T>(method, request, { 'x-actor': 'M123456' });
  } finally {
    client.close();
  }
}

function envelope(demand: Stoppunkt1Demand, eventId = randomUUID()): { key: string; value: string } {
  return {
    key: demand.orgnr,
    value: JSON.stringify({ eventId, type: 'triage.stoppunkt1-demand', version: 1, occurredAt: '2025-02-24T05:00:00.000Z', region: 'vestland', correlationId: 'it', payload: demand }),
  };
}

const demand = (orgnr: string, outcome: Stoppunkt1Demand['outcome'], callTask: boolean): Stoppunkt1Demand => ({
  orgnr,
  batchDate: '2025-02-24',
  isoWeek: '2025-W09',
  outcome,
  rule: outcome === 'CALL' ? 'E5' : outcome === 'SUPPRESSED' ? 'E3' : 'E4',
  callTask,
  region: 'vestland',
});

beforeAll(async () => {
  await recreateDatabase(env);
  await prepareInfrastructure(env);
  await service.start();
  await call('AccountService', 'RegisterAccount', { orgnr: X, name: 'Fjordbakeriet AS', kommunenummer: '4602', naceCode: '10.710' });
  const escalate = envelope(demand(X, 'ESCALATE_TO_ALS', true));
  await produceRaw(kafka, TOPIC, [escalate, escalate, envelope(demand(Y, 'CALL', true)), envelope(demand(Z, 'SUPPRESSED', false)), envelope(demand(Y, 'CALL', true))]);
  await eventually(async () => expect(await groupCaughtUp(kafka, `${env.topicPrefix}employer-outreach.triage-events`, TOPIC)).toBe(true), { timeoutMs: 60_000, intervalMs: 100 });
});

afterAll(async () => {
  await service.kill();
  await deleteTopicsWithPrefix(kafka, env.topicPrefix);
});

describe('stoppunkt-1 call tasks in the CRM', () => {
  it('makes one task per employer and batch, escalations first, suppressed ones shown apart, with no person data', async () => {
    const open = await call<outreachCallTaskV1.ListCallTasksResponse>('CallTaskService', 'ListCallTasks', { status: 'OPEN' });
    expect(open.tasks.map(({ orgnr, escalateToAls, accountName, isoWeek }) => ({ orgnr, escalateToAls, accountName, isoWeek }))).toEqual([
      { orgnr: X, escalateToAls: true, accountName: 'Fjordbakeriet AS', isoWeek: '2025-W09' },
      { orgnr: Y, escalateToAls: false, accountName: '', isoWeek: '2025-W09' },
    ]);
    const suppressed = await call<outreachCallTaskV1.ListCallTasksResponse>('CallTaskService', 'ListCallTasks', { status: 'SUPPRESSED' });
    expect(suppressed.tasks.map((task) => task.orgnr)).toEqual([Z]);
    expect(JSON.stringify(open)).not.toMatch(/\d{11}/);
  });

  it('logs a call once, and refuses to log it again or without an outcome', async () => {
    const [task] = (await call<outreachCallTaskV1.ListCallTasksResponse>('CallTaskService', 'ListCallTasks', { status: 'OPEN', isoWeek: '2025-W09' })).tasks;
    const refused = await call('CallTaskService', 'CompleteCallTask', { taskId: task!.taskId, outcome: '' }).catch((error: ServiceError) => error);
    expect((refused as ServiceError).code).toBe(status.INVALID_ARGUMENT);
    const done = await call<outreachCallTaskV1.CompleteCallTaskResponse>('CallTaskService', 'CompleteCallTask', { taskId: task!.taskId, outcome: 'Snakket med daglig leder; sender lenke til verktøykassen' });
    expect(done.task).toMatchObject({ status: 'DONE', completedBy: 'M123456' });
    const again = await call('CallTaskService', 'CompleteCallTask', { taskId: (await call<outreachCallTaskV1.ListCallTasksResponse>('CallTaskService', 'ListCallTasks', { status: 'SUPPRESSED' })).tasks[0]!.taskId, outcome: 'ringt likevel' }).catch(
      (error: ServiceError) => error,
    );
    expect((again as ServiceError).code).toBe(status.FAILED_PRECONDITION);
  });
});
