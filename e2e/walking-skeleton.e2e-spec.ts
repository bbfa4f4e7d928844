import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

import { status, type ServiceError } from '@grpc/grpc-js';
import { deadLetterTopic } from '@syfo/contracts';
import { decodeBadRequest } from '@syfo/platform';
import { protoPath as healthProtoPath } from 'grpc-health-check';
import {
  LOCAL_SERVICES,
  REPO_ROOT,
  bufCurl,
  deleteTopicsWithPrefix,
  eventually,
  grpcAddress,
  grpcClient,
  groupCaughtUp,
  localService,
  prepareInfrastructure,
  produceRaw,
  readTopic,
  recreateDatabase,
  serviceEnv,
  startServices,
  syntheticOrgnr,
  syntheticPersonIdent,
  testKafka,
  withDatabase,
  type ServiceProcess,
} from '@syfo/testing';

import { isolatedEnvironment } from './isolated-environment';

jest.setTimeout(240_000);

const env = isolatedEnvironment('e2e');
const kafka = testKafka(env.kafkaBrokers);
let services: ServiceProcess[] = [];

const intake = () => grpcClient('case-intake', 'SickNoteService', grpcAddress(localService('case-intake'), env));
const triage = () => grpcClient('triage', 'PersonCaseService', grpcAddress(localService('triage'), env));
const statistics = () => grpcClient('statistics', 'IntakeCountsService', grpcAddress(localService('statistics'), env));

function sickNote(n: number, orgnr: string, overrides: Record<string, unknown> = {}) {
  return {
    sourceSystem: 'e2e',
    sourceId: `note-${n}-${randomUUID()}`,
    personIdent: syntheticPersonIdent(n),
    orgnr,
    status: 'SICK_NOTE_STATUS_SENDT',
    issuedOn: '2025-01-06',
    periods: [{ fom: '2025-01-06', tom: '2025-01-19', type: 'PERIOD_TYPE_FULL' }],
    ...overrides,
  };
}

async function intakeCount(orgnr: string): Promise<number> {
  const client = statistics();
  try {
    const response = await client.call<{ totalSickNotes: string }>('GetIntakeCounts', { orgnr });
    return Number(response.totalSickNotes);
  } finally {
    client.close();
  }
}

beforeAll(async () => {
  await recreateDatabase(env);
  await prepareInfrastructure(env);
  services = await startServices(env, { OUTBOX_POLL_INTERVAL_MS: '50', CONSUMER_RETRY_BASE_MS: '50' });
});

afterAll(async () => {
  await Promise.all(services.map((service) => service.kill()));
  await deleteTopicsWithPrefix(kafka, env.topicPrefix);
});

describe('walking skeleton: a sick note travels from case-intake to triage and statistics', () => {
  it('is stored, published through the outbox, consumed, and visible through both queries', async () => {
    const orgnr = syntheticOrgnr(1);
    const note = sickNote(1, orgnr);
    const client = intake();
    const submitted = await client.call<{ sickNoteId: string; duplicate: boolean }>('SubmitSickNote', note, { 'x-correlation-id': 'e2e-skeleton' });
    expect(submitted.duplicate).toBe(false);

    const again = await client.call<{ sickNoteId: string; duplicate: boolean }>('SubmitSickNote', note);
    expect(again).toEqual({ sickNoteId: submitted.sickNoteId, duplicate: true });

    const stored = await client.call<{ personIdent: string; status: string }>('GetSickNote', { sickNoteId: submitted.sickNoteId, purpose: 'e2e test' });
    expect(stored).toMatchObject({ personIdent: note.personIdent, status: 'SICK_NOTE_STATUS_SENDT' });
    client.close();

    const triageClient = triage();
    const personCase = await eventually(() => triageClient.call<{ sickNoteCount: number; firstFom: string; lastTom: string }>('GetPersonCase', { personIdent: note.personIdent, purpose: 'e2e test' }));
    triageClient.close();
    expect(personCase).toMatchObject({ sickNoteCount: 1, firstFom: '2025-01-06', lastTom: '2025-01-19' });

    await eventually(async () => expect(await intakeCount(orgnr)).toBe(1));
  });
});

describe('an off-the-shelf gRPC client (buf curl)', () => {
  // One method per API, called with an empty request: resolved through reflection alone.
  const probes: Record<string, { method: string; data?: string; expect: RegExp }> = {
    'case-intake': { method: 'syfo.intake.v1.SickNoteService/GetSickNote', expect: /invalid_argument[\s\S]*sick_note_id/ },
    triage: { method: 'syfo.triage.v1.PersonCaseService/GetPersonCase', expect: /invalid_argument[\s\S]*person_ident/ },
    statistics: { method: 'syfo.statistics.v1.IntakeCountsService/GetIntakeCounts', data: '{"orgnr":"123"}', expect: /invalid_argument[\s\S]*orgnr/ },
    'employer-outreach': { method: 'syfo.outreach.v1.AccountService/GetAccount', expect: /invalid_argument[\s\S]*orgnr/ },
    collaboration: { method: 'syfo.collaboration.v1.TeamService/GetTeam', expect: /invalid_argument[\s\S]*team_id/ },
  };

  it.each(LOCAL_SERVICES.map((service) => [service.name, service] as const))('lists and calls the %s API by reflection, and gets SERVING from its health check', async (name, service) => {
    const url = `http://${grpcAddress(service, env)}`;
    const listed = await bufCurl(['--list-services', url]);
    expect(listed.output.split('\n')).toEqual(expect.arrayContaining(['grpc.health.v1.Health', probes[name]!.method.split('/')[0]]));

    const called = await bufCurl(['-d', probes[name]!.data ?? '{}', `${url}/${probes[name]!.method}`]);
    expect(called.output).toMatch(probes[name]!.expect);

    // buf links its own copy of the standard health proto, which clashes with a reflected one, so
    // the health check is called with the standard .proto that grpc-health-check ships.
    const health = await bufCurl(['--schema', healthProtoPath, '-d', '{}', `${url}/grpc.health.v1.Health/Check`]);
    expect(JSON.parse(health.output)).toEqual({ status: 'SERVING' });
  });
});

describe('bad gRPC input', () => {
  it('gets INVALID_ARGUMENT naming every field and rule, and nothing is written', async () => {
    const countRows = () =>
      withDatabase(env, async (db) => {
        const notes = await db.query('SELECT count(*)::int AS n FROM case_intake.document');
        const outbox = await db.query('SELECT count(*)::int AS n FROM case_intake.outbox_message');
        return { notes: notes.rows[0].n, outbox: outbox.rows[0].n };
      });
    const before = await countRows();

    const client = intake();
    const bad = sickNote(2, syntheticOrgnr(2), {
      personIdent: '01019012470',
      status: 'SICK_NOTE_STATUS_UNSPECIFIED',
      periods: [{ fom: '2025-02-10', tom: '2025-02-01', type: 'PERIOD_TYPE_GRADED' }],
    });
    const error = (await client.call('SubmitSickNote', bad).catch((e: ServiceError) => e)) as ServiceError;
    client.close();

    expect(error.code).toBe(status.INVALID_ARGUMENT);
    const details = error.metadata.get('grpc-status-details-bin')[0] as Buffer;
    const violations = decodeBadRequest(details).map((violation) => `${violation.field} ${violation.reason}`);
    expect(violations).toEqual(
      expect.arrayContaining([
        'person_ident person_ident.control_digit_1',
        'status invalid_value',
        'periods[0].tom period.order',
        'periods[0].grade period.grade_required',
      ]),
    );
    expect(error.details).toContain('periods[0].grade');
    expect(await countRows()).toEqual(before);
  });
});

describe('exactly once', () => {
  it('counts each of 1,000 sick notes once although a consumer is killed in the middle and restarted', async () => {
    const orgnrs = [syntheticOrgnr(100), syntheticOrgnr(101), syntheticOrgnr(102)];
    const statisticsProcess = services.find((service) => service.service.name === 'statistics')!;
    const client = intake();
    let killed = false;
    for (let batch = 0; batch < 20; batch += 1) {
      await Promise.all(
        Array.from({ length: 50 }, (_, i) => {
          const n = 1000 + batch * 50 + i;
          return client.call('SubmitSickNote', sickNote(n, orgnrs[n % 3]!));
        }),
      );
      if (!killed && batch === 8) {
        // Wait until statistics is mid-stream, then kill it without warning.
        await eventually(async () => expect(await intakeCount(orgnrs[0]!)).toBeGreaterThan(20), { timeoutMs: 30_000, intervalMs: 20 });
        await statisticsProcess.kill();
        killed = true;
      }
      if (killed && batch === 12) await statisticsProcess.start();
    }
    client.close();

    const group = `${env.topicPrefix}statistics.intake-events`;
    await eventually(async () => expect(await groupCaughtUp(kafka, group, `${env.topicPrefix}intake.sick-note.v1`)).toBe(true), { timeoutMs: 60_000, intervalMs: 250 });
    const expected = orgnrs.map((_, index) => Array.from({ length: 1000 }, (__, i) => 1000 + i).filter((n) => n % 3 === index).length);
    expect(await Promise.all(orgnrs.map(intakeCount))).toEqual(expected);
  });
});

describe('a malformed event sent straight to a topic', () => {
  it('lands in the dead-letter topic with its reason, and the next good event is processed', async () => {
    const orgnr = syntheticOrgnr(200);
    const personIdent = syntheticPersonIdent(200);
    const topic = `${env.topicPrefix}intake.sick-note.v1`;
    const envelope = (payload: unknown) =>
      JSON.stringify({ eventId: randomUUID(), type: 'intake.sick-note', version: 1, occurredAt: new Date().toISOString(), region: env.region, correlationId: 'e2e-dlq', payload });
    const goodPayload = {
      sickNoteId: randomUUID(),
      personIdent,
      orgnr,
      status: 'SENDT',
      issuedOn: '2025-03-03',
      periods: [{ fom: '2025-03-03', tom: '2025-03-16', type: 'FULL' }],
      receivedAt: new Date().toISOString(),
      version: 1,
      cancelled: false,
    };
    // Same key, so all three share a partition: the good one can only arrive if the bad ones let it pass.
    await produceRaw(kafka, topic, [
      { key: personIdent, value: '{ this is not json' },
      { key: personIdent, value: envelope({ ...goodPayload, personIdent: '12345678901' }) },
      { key: personIdent, value: envelope(goodPayload) },
    ]);

    await eventually(async () => expect(await intakeCount(orgnr)).toBe(1));
    const dead = await readTopic(kafka, `${env.topicPrefix}${deadLetterTopic('statistics.intake-events')}`, (messages) => messages.length >= 2);
    const reasons = dead.map((message) => JSON.parse(String(message.headers?.['dlq-reason'])));
    expect(reasons[0]).toMatchObject({ reason: 'not_json' });
    expect(reasons[1]).toMatchObject({ reason: 'invalid_payload', violations: [expect.objectContaining({ field: 'payload.personIdent' })] });
    expect(String(dead[1]!.headers?.['dlq-source-topic'])).toBe(topic);
  });
});

describe('employer accounts flow from the CRM to collaboration', () => {
  it('lets a team take an employer only once the CRM account has reached collaboration', async () => {
    const orgnr = syntheticOrgnr(300);
    const outreach = grpcClient('employer-outreach', 'AccountService', grpcAddress(localService('employer-outreach'), env));
    const teams = grpcClient('collaboration', 'TeamService', grpcAddress(localService('collaboration'), env));
    try {
      const { team } = await teams.call<{ team: { teamId: string } }>('CreateTeam', { name: 'Arbeidsgiverteam Drammen', enhetNr: '0602' });
      const refused = (await teams.call('AssignEmployer', { teamId: team.teamId, orgnr }).catch((e: ServiceError) => e)) as ServiceError;
      expect(refused.code).toBe(status.FAILED_PRECONDITION);

      await outreach.call('RegisterAccount', { orgnr, name: 'Drammen Mekaniske', kommunenummer: '3301', naceCode: '25.110' });
      await eventually(() => teams.call('AssignEmployer', { teamId: team.teamId, orgnr }));
      const { team: current } = await teams.call<{ team: { employerOrgnrs: string[] } }>('GetTeam', { teamId: team.teamId });
      expect(current.employerOrgnrs).toEqual([orgnr]);

      // The CRM learns the account's team from collab.team.v1.
      await eventually(async () => {
        const { account } = await outreach.call<{ account: { teams: { teamId: string; name: string; enhetNr: string }[] } }>('GetAccount', { orgnr });
        expect(account.teams).toEqual([{ teamId: team.teamId, name: 'Arbeidsgiverteam Drammen', enhetNr: '0602' }]);
      });
    } finally {
      outreach.close();
      teams.close();
    }
  });
});

describe('configuration', () => {
  it('refuses to start with a message naming each wrong variable', () => {
    const service = localService('case-intake');
    const result = spawnSync(process.execPath, [join(REPO_ROOT, 'dist', 'apps', 'case-intake', 'src', 'main.js')], {
      env: { PATH: process.env['PATH'] ?? '', ...serviceEnv(service, env, { REGION: 'atlantis', GRPC_PORT: 'not-a-port' }) },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(78);
    expect(result.stderr).toContain('REGION:');
    expect(result.stderr).toContain('GRPC_PORT:');
  });
});

describe('graceful shutdown', () => {
  it('every service drains and exits 0 on SIGTERM', async () => {
    const codes = await Promise.all(services.map((service) => service.stop()));
    expect(codes).toEqual(services.map(() => 0));
  });
});
