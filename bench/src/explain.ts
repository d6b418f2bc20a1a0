import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { Fixtures, deepCursor } from './fixtures';
import { log } from './progress';
import { startApi } from './servers';
import { AUTHORIZATION } from './ids';

export interface ExplainedStatement {
  text: string;
  values: unknown[];
  plan: string;
  /** `Seq Scan on tasks|task_tags|reminders` found in the plan. */
  sequentialScans: string[];
}

export interface ExplainedRequest {
  request: string;
  statements: ExplainedStatement[];
}

const WATCHED_TABLES = /Seq Scan on (tasks|task_tags|reminders)\b/g;

/**
 * The list and filter requests of the bench, plus the other sort orders of `GET /tasks`: each
 * sent once to an API process that records its SQL, then every recorded statement (the page
 * and each feature's load) is run again under `EXPLAIN (ANALYZE, BUFFERS)`.
 */
export function explainedRequests(fixtures: Fixtures, cursor: string): string[] {
  const tags = `${fixtures.popularTag},${fixtures.rareTag}`;
  return [
    '/tasks?limit=50',
    `/tasks?tags=${tags}&tagMatch=all&limit=50`,
    `/tasks?limit=50&cursor=${encodeURIComponent(cursor)}`,
    ...['createdAt', 'dueAt', '-dueAt', 'priority', '-priority'].map(
      (sort) => `/tasks?limit=50&sort=${sort}`,
    ),
  ];
}

export async function explainApiQueries(
  client: Client,
  databaseUrl: string,
  fixtures: Fixtures,
): Promise<ExplainedRequest[]> {
  const sqlLog = join(tmpdir(), `task-api-bench-sql-${process.pid}.jsonl`);
  rmSync(sqlLog, { force: true });
  const api = await startApi(databaseUrl, {
    preload: './bench/src/capture-sql.ts',
    env: { BENCH_SQL_LOG: sqlLog },
  });
  const explained: ExplainedRequest[] = [];
  try {
    const cursor = await deepCursor(api.url, fixtures.deepOffset);
    for (const request of explainedRequests(fixtures, cursor)) {
      rmSync(sqlLog, { force: true });
      const response = await fetch(`${api.url}${request}`, { headers: AUTHORIZATION });
      if (!response.ok) throw new Error(`${request}: ${response.status}`);
      await response.arrayBuffer();
      explained.push({ request, statements: await explainAll(client, recorded(sqlLog)) });
    }
  } finally {
    await api.stop();
    rmSync(sqlLog, { force: true });
  }
  for (const { request, statements } of explained) {
    const scans = statements.flatMap((statement) => statement.sequentialScans);
    log(`  EXPLAIN ${request}: ${scans.length ? scans.join(', ') : 'no sequential scan'}`);
  }
  return explained;
}

function recorded(sqlLog: string): { text: string; values: unknown[] }[] {
  return readFileSync(sqlLog, 'utf8')
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line));
}

async function explainAll(
  client: Client,
  statements: { text: string; values: unknown[] }[],
): Promise<ExplainedStatement[]> {
  const explained: ExplainedStatement[] = [];
  for (const { text, values } of statements) {
    const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values);
    const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
    const sequentialScans = [...plan.matchAll(WATCHED_TABLES)].map((match) => match[0]);
    explained.push({ text, values, plan, sequentialScans });
  }
  return explained;
}
