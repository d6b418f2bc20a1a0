import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { resetDatabase, testDatabaseUrl } from '@task-api/core/testing';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createApiApp } from './testing/create-api-app';
import {
  FuzzRequest,
  FuzzState,
  Operation,
  ResponseValidator,
  collectionOf,
  describeRequest,
  operationsOf,
  requestArbitrary,
} from './testing/openapi-fuzz';

/** Runs per operation; `FUZZ_RUNS` and `FUZZ_SEED` explore further from the command line. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
const FUTURE = '2999-06-01T12:00:00Z';
/**
 * Every request is the administrator's (`ADMIN_TOKEN`), so that `/users` is fuzzed too, and a
 * fuzzed `DELETE /tokens/{id}` can never revoke the credential of the run.
 */
const ADMIN_TOKEN = 'the-fuzzer-acts-as-the-administrator-of-the-run';
const AUTHORIZATION = { authorization: `Bearer ${ADMIN_TOKEN}` };

const document: OpenAPIObject = JSON.parse(
  readFileSync(join(__dirname, '..', '..', '..', 'openapi.json'), 'utf8'),
);
const operations = operationsOf(document);

interface Answer {
  status: number;
  contentType: string;
  body: unknown;
}

/**
 * Property-based fuzzing of every operation of the committed `openapi.json`, on a real server
 * and database: valid, boundary and hostile values in every path, query, header and body
 * field. Whatever is sent, the API never answers 5xx; every 4xx is problem+json; every 2xx
 * conforms to its documented schema; and a refused request changed nothing in the database.
 * The seed is fixed, so a run is reproducible; fast-check prints it with the failing request.
 */
describe('Every operation of openapi.json, fuzzed (e2e)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let baseUrl: string;
  const validator = new ResponseValidator(document);
  let sent = 0;
  /** Answers by operation and status, printed with FUZZ_REPORT=1 to see what the runs reach. */
  const tally = new Map<string, Record<number, number>>();

  const call = async (method: string, url: string, body?: unknown): Promise<Answer> =>
    send({
      method,
      url,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  async function send(request: FuzzRequest): Promise<Answer> {
    sent++;
    const response = await fetch(`${baseUrl}${request.url}`, {
      method: request.method,
      headers: { ...request.headers, ...AUTHORIZATION },
      body: request.body,
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    const contentType = response.headers.get('content-type') ?? '';
    const body = text && /json/.test(contentType) ? JSON.parse(text) : text || undefined;
    return { status: response.status, contentType, body };
  }

  /** A digest of every row of every table: a refused request must leave it unchanged. */
  let snapshotSql: string;
  async function snapshot(): Promise<string> {
    if (!snapshotSql) {
      const tables: { tablename: string }[] = await db.query(
        `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
      );
      snapshotSql = `SELECT ${tables
        .map(
          ({ tablename }) =>
            `(SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM "${tablename}" t)`,
        )
        .join(' || ')} AS digest`;
    }
    return (await db.query(snapshotSql))[0].digest;
  }

  /** A few resources of each kind, and what the fuzzer learns of them: ids and cursors. */
  async function seed(): Promise<FuzzState> {
    await resetDatabase(app);
    const task = (await call('POST', '/tasks', { title: 'Pay rent', dueAt: FUTURE })).body as {
      id: string;
    };
    await call('POST', '/tasks', { title: 'Call mum', description: 'Sunday' });
    await call('POST', '/tasks', { title: 'Filed', status: 'done', priority: 'high' });
    await call('POST', `/tasks/${task.id}/tags`, { name: 'home' });
    await call('POST', '/tags', { name: 'Urgent', color: '#E5484D' });
    await call('POST', `/tasks/${task.id}/reminders`, { offsetMinutes: 30, note: 'soon' });
    await call('POST', '/reminders', { taskId: task.id, remindAt: FUTURE });
    const state: FuzzState = { ids: {}, cursors: {} };
    // Every list without path parameters names a collection: `GET /tags` lists the `tags`.
    for (const list of operations.filter((op) => op.method === 'GET' && !op.path.includes('{'))) {
      const page = (await call('GET', list.path)).body as { items?: { id: string }[] };
      if (page?.items) state.ids[list.path.slice(1)] = page.items.map((item) => item.id);
    }
    // A cursor from every list that pages: the fuzzer tries them on every list.
    for (const list of operations.filter(
      (op) => op.method === 'GET' && op.parameters.some((p) => p.name === 'cursor'),
    )) {
      const path = list.path.replace(
        /\{(\w+)\}/g,
        (_, name) => state.ids[collectionOf(list.path, name)]?.[0] ?? name,
      );
      const page = (await call('GET', `${path}?limit=1`)).body as { nextCursor?: string };
      if (page?.nextCursor) state.cursors[list.id] = [page.nextCursor];
    }
    return state;
  }

  /** The API's promises for one answer; the message names what broke. */
  async function check(operation: Operation, request: FuzzRequest): Promise<void> {
    const before = request.method === 'GET' ? undefined : await snapshot();
    const answer = await send(request);
    const counts = tally.get(operation.id) ?? {};
    counts[answer.status] = (counts[answer.status] ?? 0) + 1;
    tally.set(operation.id, counts);
    const where = `${describeRequest(request)} → ${answer.status}`;
    expect({ where, serverError: answer.status >= 500 }).toEqual({ where, serverError: false });
    if (answer.status >= 400) {
      expect({ where, contentType: answer.contentType }).toEqual({
        where,
        contentType: expect.stringMatching(/^application\/problem\+json/),
      });
      expect({ where, status: (answer.body as { status?: number }).status }).toEqual({
        where,
        status: answer.status,
      });
      if (before !== undefined)
        expect({ where, changed: await snapshot() }).toEqual({ where, changed: before });
    }
    // 431 (the URL and headers over Node's limit) is answered before routing, for any path.
    if (answer.status === 431) return;
    const problems = validator.problems(operation, answer.status, answer.contentType, answer.body);
    expect({ where, problems }).toEqual({ where, problems: [] });
  }

  beforeAll(async () => {
    // The dispatcher stays off: nothing may change the database but the requests themselves.
    // Rate limits stay off too: thousands of requests a minute are the point here.
    app = await createApiApp(testDatabaseUrl(), {
      REMINDERS_DISPATCHER_ENABLED: 'false',
      RATE_LIMIT_PER_MINUTE: '0',
      ADMIN_TOKEN,
    });
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
    db = app.get(DataSource);
  });
  afterAll(async () => {
    await app.close();
    // The figure the README quotes: how many requests one run sends.
    process.stdout.write(`openapi fuzz: ${sent} requests, ${operations.length} operations\n`);
    if (process.env.FUZZ_REPORT) {
      for (const [id, counts] of tally) process.stdout.write(`${id}: ${JSON.stringify(counts)}\n`);
    }
  });

  it('covers every operation of the document', () => {
    expect(operations.length).toBeGreaterThanOrEqual(34);
  });

  it.each(operations.map((operation) => [`${operation.method} ${operation.path}`, operation]))(
    '%s',
    async (_name, operation) => {
      const state = await seed();
      await fc.assert(
        fc.asyncProperty(requestArbitrary(document, operation as Operation, state), (request) =>
          check(operation as Operation, request),
        ),
        { numRuns: RUNS, seed: SEED },
      );
    },
  );
});
