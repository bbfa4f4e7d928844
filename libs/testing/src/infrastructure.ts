import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { createDeclaredTopics } from '@syfo/platform';
import { prepareDatabase } from './database';
import { testKafka } from './kafka';
import { LOCAL_SERVICES, REPO_ROOT, serviceEnv, type LocalEnvironment } from './local-services';
import { ServiceProcess } from './service-process';

const run = promisify(execFile);

/** Database, roles, schemas, migrations and topics: everything the services expect to exist. */
export async function prepareInfrastructure(env: LocalEnvironment, log: (line: string) => void = () => undefined): Promise<void> {
  await prepareDatabase(env);
  for (const service of LOCAL_SERVICES) {
    const { stdout } = await run(process.execPath, [join(REPO_ROOT, 'dist', 'apps', service.name, 'src', 'migrate.js')], {
      env: { PATH: process.env['PATH'] ?? '', ...serviceEnv(service, env) },
    });
    log(`  ${stdout.trim()}`);
  }
  const created = await createDeclaredTopics(testKafka(env.kafkaBrokers), env.topicPrefix);
  log(`  topics: ${created.length > 0 ? `created ${created.length}` : 'all present'}`);
}

export async function startServices(env: LocalEnvironment, overrides: Record<string, string> = {}): Promise<ServiceProcess[]> {
  const processes = LOCAL_SERVICES.map((service) => new ServiceProcess(service, env, overrides));
  try {
    await Promise.all(processes.map((process) => process.start()));
  } catch (error) {
    await Promise.all(processes.map((process) => process.kill()));
    throw error;
  }
  return processes;
}
