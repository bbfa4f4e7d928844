import { Client } from 'pg';

import { LOCAL_SERVICES, type LocalEnvironment } from './local-services';

/**
 * Creates the database, and for each service a login role that owns its schema and nothing else:
 * no service can read another's tables. Safe to run again.
 */
export async function prepareDatabase(env: LocalEnvironment): Promise<void> {
  const admin = new Client({ host: env.pgHost, port: env.pgPort, user: 'postgres', database: 'postgres' });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [env.database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${ident(env.database)}`);
    for (const service of LOCAL_SERVICES) {
      const role = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [service.schema]);
      if (role.rowCount === 0) await admin.query(`CREATE ROLE ${ident(service.schema)} LOGIN`);
    }
  } finally {
    await admin.end();
  }
  const db = new Client({ host: env.pgHost, port: env.pgPort, user: 'postgres', database: env.database });
  await db.connect();
  try {
    await db.query('REVOKE ALL ON SCHEMA public FROM PUBLIC');
    for (const service of LOCAL_SERVICES) {
      await db.query(`CREATE SCHEMA IF NOT EXISTS ${ident(service.schema)} AUTHORIZATION ${ident(service.schema)}`);
      await db.query(`REVOKE ALL ON DATABASE ${ident(env.database)} FROM PUBLIC`);
      await db.query(`GRANT CONNECT ON DATABASE ${ident(env.database)} TO ${ident(service.schema)}`);
    }
  } finally {
    await db.end();
  }
}

/** Drops and recreates the database: tests start from nothing. */
export async function recreateDatabase(env: LocalEnvironment): Promise<void> {
  const admin = new Client({ host: env.pgHost, port: env.pgPort, user: 'postgres', database: 'postgres' });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${ident(env.database)} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  await prepareDatabase(env);
}

/** A superuser connection for assertions in tests. */
export async function withDatabase<T>(env: LocalEnvironment, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ host: env.pgHost, port: env.pgPort, user: 'postgres', database: env.database });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function ident(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a safe SQL identifier: ${name}`);
  return `"${name}"`;
}
