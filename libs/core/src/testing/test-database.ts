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

/** The test run cannot use the server in `DATABASE_URL`: said in one line, without a stack. */
export class TestDatabaseUnavailableError extends Error {}

async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  try {
    await client.connect();
  } catch (error) {
    throw new TestDatabaseUnavailableError(cannotConnect(serverUrl, error));
  }
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function cannotConnect(serverUrl: string, error: unknown): string {
  const url = new URL(serverUrl);
  const where = `${url.hostname}:${url.port || 5432}`;
  const database = decodeURIComponent(url.pathname.slice(1)) || url.username;
  const code = (error as { code?: string }).code;
  if (code === '3D000') {
    return `DATABASE_URL names database "${database}", which does not exist on ${where}: point it at one that does (e.g. postgres); each test run creates and drops its own database there.`;
  }
  const reason = code === 'ECONNREFUSED' ? 'nothing listens there' : (error as Error).message;
  return `DATABASE_URL: cannot connect to PostgreSQL at ${where} (${reason}).`;
}
