import { Client } from 'pg';
import { randomBytes } from 'node:crypto';
import { EmbeddedServer, startEmbeddedPostgres } from '../lib/database/embedded-postgres';

/** The database of this test run, set by the e2e global setup. */
export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run e2e tests through `npm test`');
  return url;
}

/** True when the run is on a real PostgreSQL server (multi-connection and locking tests). */
export const onRealPostgres = (): boolean => process.env.TEST_DATABASE_KIND === 'postgres';

export interface TestDatabase {
  url: string;
  kind: 'postgres' | 'pglite';
  drop(): Promise<void>;
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * A fresh database for one test run: on the server in `DATABASE_URL` (created here, dropped
 * afterwards, so runs never see each other's rows), else an in-memory embedded PostgreSQL.
 */
export async function createTestDatabase(
  serverUrl = process.env.DATABASE_URL,
): Promise<TestDatabase> {
  if (!serverUrl) {
    const embedded: EmbeddedServer = await startEmbeddedPostgres();
    return { url: embedded.url, kind: 'pglite', drop: () => embedded.stop() };
  }
  const name = `task_api_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
  await onServer(serverUrl, `CREATE DATABASE "${name}"`);
  return {
    url: withDatabase(serverUrl, name),
    kind: 'postgres',
    drop: () => onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
