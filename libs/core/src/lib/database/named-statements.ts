import type { Pool, PoolClient, QueryConfig } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * How many distinct statement texts get a name. The composed statements are a bounded set (one
 * per combination of filters and sort, parameters kept out of the text); the cap only bounds
 * what a future statement built with values in its text could cost each server session.
 */
const MAX_NAMED_STATEMENTS = 1_000;

const NAMED = Symbol('namedStatements');

type QueryFunction = (config: unknown, values?: unknown, callback?: unknown) => unknown;

/**
 * Makes every statement with parameters that the data source sends through its pool a named
 * prepared statement of its connection: PostgreSQL parses and plans a composed read once per
 * connection instead of at every request (the task view with every feature's subquery costs
 * more to plan than to run). The name follows from the text, so a connection prepares each text
 * once, whichever code sent it; statements without parameters (BEGIN, SET...) go as they are.
 *
 * Only for a PostgreSQL server: embedded PostgreSQL (PGlite, whichever URL reaches it) has one
 * session behind all connections, where a name one connection prepared would collide with the
 * same name prepared by another. The server says which it is.
 */
export async function prepareStatementsByName(dataSource: DataSource): Promise<void> {
  if (await isEmbedded(dataSource)) return;
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  const names = new Map<string, string>();
  const nameOf = (text: string): string | undefined => {
    let name = names.get(text);
    if (name === undefined && names.size < MAX_NAMED_STATEMENTS) {
      name = `task_api_${names.size + 1}`;
      names.set(text, name);
    }
    return name;
  };
  pool.on('acquire', (client) => nameStatementsOf(client, nameOf));
}

function nameStatementsOf(client: PoolClient, nameOf: (text: string) => string | undefined): void {
  const marked = client as PoolClient & { [NAMED]?: true };
  if (marked[NAMED]) return;
  marked[NAMED] = true;
  const query = client.query.bind(client) as QueryFunction;
  (client as unknown as { query: QueryFunction }).query = (config, values, callback) => {
    const name =
      typeof config === 'string' && Array.isArray(values) && values.length > 0
        ? nameOf(config)
        : undefined;
    if (name === undefined) return query(config, values, callback);
    const named: QueryConfig = { name, text: config as string, values: values as unknown[] };
    return query(named, callback);
  };
}

async function isEmbedded(dataSource: DataSource): Promise<boolean> {
  const [{ version }]: { version: string }[] = await dataSource.query('SELECT version()');
  return version.includes('PGlite');
}
