import { DEFAULT_ENVIRONMENT, LOCAL_SERVICES, grpcAddress, grpcClient, httpBase, localService, prepareInfrastructure, startServices, syntheticOrgnr, syntheticPersonIdent } from '@syfo/testing';

import { DEMO_ACCOUNTS, demoSickNotes } from './demo-data';

const env = DEFAULT_ENVIRONMENT;

async function main(): Promise<void> {
  if (await alreadyRunning()) {
    process.stdout.write('The platform is already running.\n');
    printWhereToLook();
    return;
  }
  process.stdout.write('› preparing database, migrations and topics\n');
  await prepareInfrastructure(env, (line) => process.stdout.write(`${line}\n`));
  process.stdout.write('› starting the five services\n');
  const services = await startServices(env);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('\n› stopping services (graceful drain)\n');
    await Promise.all(services.map((service) => service.stop()));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  process.stdout.write('› loading demo data through the public gRPC APIs\n');
  await seed();
  printWhereToLook();
  process.stdout.write('\nRunning. Press Ctrl+C to stop the services (the Kafka broker keeps running: `bash tools/kafka/kafka.sh stop`).\n');
}

async function alreadyRunning(): Promise<boolean> {
  return fetch(`${httpBase(localService('case-intake'), env)}/health/live`).then(
    (response) => response.ok,
    () => false,
  );
}

/** Idempotent: fixed orgnrs and source ids, so a second start stores nothing twice. */
async function seed(): Promise<void> {
  const outreach = grpcClient('employer-outreach', 'AccountService', grpcAddress(localService('employer-outreach'), env));
  for (const [i, account] of DEMO_ACCOUNTS.entries()) {
    await outreach.call('RegisterAccount', { ...account, orgnr: syntheticOrgnr(i) });
  }
  outreach.close();
  const intake = grpcClient('case-intake', 'SickNoteService', grpcAddress(localService('case-intake'), env));
  const notes = demoSickNotes(DEMO_ACCOUNTS.length, syntheticPersonIdent, syntheticOrgnr);
  let fresh = 0;
  for (const note of notes) {
    const response = await intake.call<{ duplicate: boolean }>('SubmitSickNote', note, { 'x-correlation-id': 'demo-seed' });
    if (!response.duplicate) fresh += 1;
  }
  intake.close();
  process.stdout.write(`  ${DEMO_ACCOUNTS.length} employer accounts, ${notes.length} sick notes (${fresh} new)\n`);
}

function printWhereToLook(): void {
  const rows = LOCAL_SERVICES.map(
    (service) => `  ${service.name.padEnd(18)} gRPC ${grpcAddress(service, env).padEnd(16)} ${httpBase(service, env)}/health/ready  /metrics  (schema ${service.schema})`,
  );
  const statistics = grpcAddress(localService('statistics'), env);
  process.stdout.write(
    [
      '',
      'Where to look:',
      ...rows,
      `  Kafka broker       ${env.kafkaBrokers}  (topics: libs/contracts/src/topics/topics.constant.ts)`,
      `  PostgreSQL         ${env.pgHost}:${env.pgPort}/${env.database}  (psql -h ${env.pgHost} -U postgres ${env.database})`,
      '  Logs               .local/logs/<service>.log',
      '',
      'Try (any gRPC client; the APIs are discoverable by reflection):',
      `  node_modules/.bin/buf curl --protocol grpc --http2-prior-knowledge --list-services http://${statistics}`,
      `  node_modules/.bin/buf curl --protocol grpc --http2-prior-knowledge -d '{}' http://${statistics}/syfo.statistics.v1.IntakeCountsService/GetIntakeCounts`,
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`start failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
