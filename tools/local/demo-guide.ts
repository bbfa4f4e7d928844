import type { ServiceName } from '@syfo/contracts';
import { addDays, isoWeekOf, maxDate, type LocalDate } from '@syfo/local-date';
import { LOCAL_SERVICES, grpcAddress, httpBase, localService, type LocalEnvironment } from '@syfo/testing';

import type { Showcase } from './demo-state';

/** The enhet triage routes everyone to in the demo (serviceEnv's DEFAULT_ENHET). */
export const DEMO_ENHET = '0600';
/** Reads of person data are audited by who asked: the example calls name a veileder. */
export const DEMO_ACTOR = 'Z990042';

const BUF_CURL = 'node_modules/.bin/buf curl --protocol grpc --http2-prior-knowledge';

/** A `buf curl` line for one rpc, with a JSON body; `audited` adds the caller's ident. */
export function bufCurlLine(env: LocalEnvironment, service: ServiceName, method: string, body: Record<string, unknown>, audited = false): string {
  return `${BUF_CURL}${audited ? ` -H 'x-actor: ${DEMO_ACTOR}'` : ''} -d '${JSON.stringify(body)}' http://${grpcAddress(localService(service), env)}/${method}`;
}

/** Where each service listens, and calls worth making now that the replay has left data everywhere. */
export function whereToLook(env: LocalEnvironment, showcase: Showcase | undefined, today: LocalDate): string {
  const rows = LOCAL_SERVICES.map(
    (service) => `  ${service.name.padEnd(18)} gRPC ${grpcAddress(service, env).padEnd(16)} ${httpBase(service, env)}/health/ready  /metrics  (schema ${service.schema})`,
  );
  const calls = showcase ? exampleCalls(env, showcase, today) : [];
  return [
    '',
    'Where to look:',
    ...rows,
    `  Kafka broker       ${env.kafkaBrokers}  (topics: libs/contracts/src/topics/topics.constant.ts)`,
    `  PostgreSQL         ${env.pgHost}:${env.pgPort}/${env.database}  (psql -h ${env.pgHost} -U postgres ${env.database})`,
    '  Logs               .local/logs/<service>.log',
    '',
    'Try (any gRPC client; the APIs are discoverable by reflection):',
    `  ${BUF_CURL} --list-services http://${grpcAddress(localService('triage'), env)}`,
    ...calls.map((line) => `  ${line}`),
    '',
  ].join('\n');
}

function exampleCalls(env: LocalEnvironment, showcase: Showcase, today: LocalDate): string[] {
  const from = showcase.firstDay;
  return [
    bufCurlLine(env, 'triage', 'syfo.triage.v1.WorkListService/ListWorkItems', { enhet: DEMO_ENHET, purpose: 'demo: the enhet work list', pageSize: 10 }, true),
    ...(showcase.personIdent
      ? [bufCurlLine(env, 'triage', 'syfo.triage.v1.FollowUpService/GetPersonFollowUp', { personIdent: showcase.personIdent, purpose: 'demo: one follow-up' }, true)]
      : []),
    bufCurlLine(env, 'triage', 'syfo.triage.v1.ScheduleService/GetScheduleStatus', {}),
    bufCurlLine(env, 'statistics', 'syfo.statistics.v1.FollowUpFiguresService/GetWorkload', { enhet: DEMO_ENHET }),
    // The figures take at most 366 days.
    bufCurlLine(env, 'statistics', 'syfo.statistics.v1.FollowUpFiguresService/GetDeadlineCompliance', { enhet: DEMO_ENHET, from: maxDate(from, addDays(today, -365)), to: today }),
    ...(showcase.orgnr
      ? [
          bufCurlLine(env, 'statistics', 'syfo.statistics.v1.FollowUpFiguresService/GetOpenCaseSeries', {
            unit: 'OPEN_CASE_UNIT_VIRKSOMHET',
            code: showcase.orgnr,
            fromWeek: isoWeekOf(from),
            toWeek: isoWeekOf(today),
            baselineMode: 'BASELINE_MODE_FIXED_REFERENCE_WEEK',
            referenceWeek: isoWeekOf(from),
          }),
          bufCurlLine(env, 'employer-outreach', 'syfo.outreach.v1.AccountService/GetAccount', { orgnr: showcase.orgnr }),
        ]
      : []),
    bufCurlLine(env, 'employer-outreach', 'syfo.outreach.v1.CallTaskService/ListCallTasks', { status: 'OPEN' }),
    bufCurlLine(env, 'statistics', 'syfo.statistics.v1.IntakeCountsService/GetIntakeCounts', {}),
  ];
}
