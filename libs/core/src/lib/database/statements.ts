import type { Pool, PoolClient, QueryConfig } from 'pg';
import { DataSource, EntityManager, QueryRunnerAlreadyReleasedError } from 'typeorm';
import type { Sql } from '../query/sql';

/**
 * How the app's statements reach PostgreSQL. Every connection the data source's pool hands out
 * is instrumented once (on its first `acquire`): on a PostgreSQL server each statement with
 * parameters becomes a named prepared statement of its connection, whoever observes the
 * data source (a test counting statements) sees every statement sent, whichever code sent it,
 * and a connection that fails while it changes hands cannot take the process down.
 */

/**
 * How many distinct statement texts get a name. The composed statements are a bounded set (one
 * per combination of filters and sort, parameters kept out of the text); the cap only bounds
 * what a future statement built with values in its text could cost each server session.
 */
const MAX_NAMED_STATEMENTS = 1_000;

const INSTRUMENTED = Symbol('instrumented');

type QueryFunction = (config: unknown, values?: unknown, callback?: unknown) => unknown;
type StatementObserver = (text: string) => void;

/** A connection, or the pool: what `pg` sends a statement through. */
interface Queryable {
  query(text: string, values: unknown[]): Promise<{ rows: unknown[] }>;
}

const observers = new WeakMap<Pool, Set<StatementObserver>>();

const poolOf = (dataSource: DataSource): Pool =>
  (dataSource.driver as unknown as { master: Pool }).master;

/**
 * Makes every statement with parameters that the data source sends through its pool a named
 * prepared statement of its connection: PostgreSQL parses and plans a composed read once per
 * connection instead of at every request (the task view with every feature's subquery costs
 * more to plan than to run). The name follows from the text, so a connection prepares each text
 * once, whichever code sent it; statements without parameters (BEGIN, SET...) go as they are.
 *
 * Names only on a PostgreSQL server: embedded PostgreSQL (PGlite, whichever URL reaches it) has
 * one session behind all connections, where a name one connection prepared would collide with
 * the same name prepared by another. The server says which it is.
 */
export async function instrumentStatements(dataSource: DataSource): Promise<void> {
  const nameOf = (await isEmbedded(dataSource)) ? () => undefined : statementNames();
  const pool = poolOf(dataSource);
  const observing = new Set<StatementObserver>();
  observers.set(pool, observing);
  pool.on('acquire', (client) => instrument(client, nameOf, observing));
}

/**
 * Calls `observer` with the text of every statement the data source sends from now on, until
 * the returned function is called. For tests that count statements: a composed read must be one.
 */
export function observeStatements(dataSource: DataSource, observer: StatementObserver): () => void {
  const observing = observers.get(poolOf(dataSource));
  if (!observing) throw new Error('The data source was not instrumented (instrumentStatements)');
  observing.add(observer);
  return () => observing.delete(observer);
}

/**
 * Runs a composed statement and gives its rows: in a transaction on the transaction's
 * connection, else on any connection of the pool. Straight through `pg` rather than TypeORM's
 * `manager.query`, whose query runner, built and released around every statement, costs more
 * than a read by id's own work (a page of 50 tasks: 85 µs of CPU of 480).
 */
export async function runStatement<Row>(manager: EntityManager, statement: Sql): Promise<Row[]> {
  const { queryRunner } = manager;
  // A transaction's connection goes back to the pool when it ends: never use it after that.
  if (queryRunner?.isReleased) throw new QueryRunnerAlreadyReleasedError();
  const connection: Queryable = queryRunner
    ? ((await queryRunner.connect()) as Queryable)
    : (poolOf(manager.connection) as unknown as Queryable);
  const { rows } = await connection.query(statement.text, statement.values.map(instantAsText));
  return rows as Row[];
}

/** An instant as RFC 3339 text: `pg` would format it in the local time zone, ten times slower. */
const instantAsText = (value: unknown): unknown =>
  value instanceof Date ? value.toISOString() : value;

function statementNames(): (text: string) => string | undefined {
  const names = new Map<string, string>();
  return (text) => {
    let name = names.get(text);
    if (name === undefined && names.size < MAX_NAMED_STATEMENTS) {
      name = `task_api_${names.size + 1}`;
      names.set(text, name);
    }
    return name;
  };
}

function instrument(
  client: PoolClient,
  nameOf: (text: string) => string | undefined,
  observing: ReadonlySet<StatementObserver>,
): void {
  const marked = client as PoolClient & { [INSTRUMENTED]?: true };
  if (marked[INSTRUMENTED]) return;
  marked[INSTRUMENTED] = true;
  client.on('error', failedWhileChangingHands);
  const query = client.query.bind(client) as QueryFunction;
  (client as unknown as { query: QueryFunction }).query = (config, values, callback) => {
    const text = typeof config === 'string' ? config : (config as QueryConfig | undefined)?.text;
    if (text !== undefined) for (const observer of observing) observer(text);
    if (typeof config !== 'string') return query(config, values, callback);
    const name = Array.isArray(values) && values.length > 0 ? nameOf(config) : undefined;
    if (name === undefined) return query(config, values, callback);
    const named: QueryConfig = { name, text: config, values: values as unknown[] };
    return query(named, callback);
  };
}

/**
 * `pg` reports a connection's failure (a backend terminated, a network cut) as an `error` event,
 * which with no listener throws and ends the process. The pool listens while a connection is
 * idle and TypeORM while it holds one, but not in between: `pool.query` releases a connection
 * while `pg` is still reading the reply, and a waiting query runner gets it at once, listening
 * only a few ticks later — a server's FATAL read in that same chunk found nobody (seen under load
 * with backends terminated). This listener is always there.
 */
function failedWhileChangingHands(): void {
  // Nothing more to do: `pg` has already made the connection refuse every statement, so its next
  // user gets that error (a 503) and the pool then discards it.
}

async function isEmbedded(dataSource: DataSource): Promise<boolean> {
  const [{ version }]: { version: string }[] = await dataSource.query('SELECT version()');
  return version.includes('PGlite');
}
