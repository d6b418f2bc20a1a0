import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { Client } from 'pg';

/** The bench's own databases: `task_api_bench_<size>` by default, never any other. */
export const benchDatabaseName = (size: number, prefix = 'task_api_bench_'): string =>
  `${prefix}${size}`;

export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs statements on the server's maintenance database (where CREATE/DROP DATABASE run). */
export async function onServer<T>(serverUrl: string, work: (client: Client) => Promise<T>) {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}

export async function databaseExists(serverUrl: string, name: string): Promise<boolean> {
  const result = await onServer(serverUrl, (client) =>
    client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]),
  );
  return result.rowCount === 1;
}

export async function recreateDatabase(serverUrl: string, name: string): Promise<void> {
  await dropDatabase(serverUrl, name);
  await onServer(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  if (!name.startsWith('task_api_bench_')) throw new Error(`Refusing to drop ${name}`);
  await onServer(serverUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  );
}

/**
 * Migrates with the project's own `npm run db:migrate` (the TypeORM CLI on the app's data
 * source), so the bench runs exactly the app's ordered list of every library's migrations.
 */
export async function migrate(url: string): Promise<void> {
  const child = spawn('npm', ['run', '--silent', 'db:migrate'], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(`npm run db:migrate exited with ${code}`);
}
