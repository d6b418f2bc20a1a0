import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type {
  OpenAPIObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { TestUser, createTestUser, resetDatabase, testDatabaseUrl } from '@task-api/core/testing';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApiApp } from './testing/create-api-app';
import { Operation, ValueArbitraries, collectionOf, operationsOf } from './testing/openapi-fuzz';

const document: OpenAPIObject = JSON.parse(
  readFileSync(join(__dirname, '..', '..', '..', 'openapi.json'), 'utf8'),
);
const operations = operationsOf(document);
/** Every operation that names a resource in its path: user B tries each with user A's ids. */
const pathIdOperations = operations.filter((op) => op.parameters.some((p) => p.in === 'path'));
/** Every list (a page of items) without path parameters: user B runs each with A's values. */
const lists = operations.filter(
  (op) => op.method === 'GET' && !op.path.includes('{') && pageSchema(op) !== undefined,
);
/** Operations whose body names resources by id (`taskId`, `tagIds`). */
const bodyIdOperations = operations.filter((op) => idFieldsOf(op).length > 0);

/** Bodies tried per request until one passes validation (a 400 says nothing of ownership). */
const BODY_TRIES = 40;
const SEED = 20261130;
const FUTURE = '2999-06-01T12:00:00Z';
/** A text no one else uses: what A's rows carry, so that a list leaking them shows it. */
const MARK = 'zq-secret-of-a';

type Ids = Record<string, string[]>;
type Client = ReturnType<typeof request>;

function resolve(schema: unknown): SchemaObject | undefined {
  const ref = (schema as { $ref?: string } | undefined)?.$ref;
  return ref
    ? (document.components?.schemas?.[ref.replace('#/components/schemas/', '')] as SchemaObject)
    : (schema as SchemaObject | undefined);
}

function pageSchema(operation: Operation): SchemaObject | undefined {
  const ok = operation.responses['200'] as
    { content?: Record<string, { schema?: unknown }> } | undefined;
  const schema = resolve(ok?.content?.['application/json']?.schema);
  return schema?.properties?.items ? schema : undefined;
}

function idFieldsOf(operation: Operation): string[] {
  const body = resolve(operation.body);
  return Object.keys(body?.properties ?? {}).filter((name) => /Ids?$/.test(name));
}

/** The status B must get: 403 where only the administrator may go, else the 404 of "no such". */
const refusalOf = (operation: Operation): number => (operation.responses['403'] ? 403 : 404);

/**
 * User A's resources against user B, for every operation of the committed `openapi.json`: B
 * using any of A's ids (in the path, or in the body) gets a 404 (a 403 on the administrator's
 * routes), never a 2xx, and nothing changes; every list and filter shows B none of A's rows.
 * An operation added to the document is covered without further edits.
 */
describe('Users apart: every operation of openapi.json, user B against user A (e2e)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let a: TestUser;
  let b: TestUser;
  let asA: Client;
  let asB: Client;
  /** A's and B's resources by collection (`tasks`, `tags`, ...), as their lists show them. */
  let idsOfA: Ids;
  let idsOfB: Ids;
  const covered = { pathIds: 0, bodyIds: 0, lists: 0, listQueries: 0 };

  const send = (client: Client, method: string, url: string, body?: unknown) => {
    const call = client[method.toLowerCase() as 'get'](url);
    return body === undefined ? call : call.send(body as object);
  };

  /** Every row of every table (last uses aside, written on their own clock). */
  let snapshotSql: string;
  async function snapshot(): Promise<string> {
    if (!snapshotSql) {
      const tables: { tablename: string }[] = await db.query(
        `SELECT tablename FROM pg_tables WHERE schemaname = 'public'
            AND tablename NOT IN ('migrations', 'idempotency_keys') ORDER BY tablename`,
      );
      snapshotSql = `SELECT ${tables
        .map(
          ({ tablename }) =>
            `(SELECT md5(coalesce(string_agg((to_jsonb(t) - 'last_used_at')::text, '|' ORDER BY (to_jsonb(t) - 'last_used_at')::text), '')) FROM "${tablename}" t)`,
        )
        .join(' || ')} AS digest`;
    }
    return (await db.query(snapshotSql))[0].digest;
  }

  /** What each list shows a user: its ids by collection (`GET /tags` lists the `tags`). */
  async function idsSeenBy(client: Client): Promise<Ids> {
    const ids: Ids = {};
    for (const list of lists) {
      const page = (await client.get(`${list.path}?limit=200`)).body as {
        items?: { id: string }[];
      };
      if (page.items) ids[list.path.slice(1)] = page.items.map((item) => item.id);
    }
    return ids;
  }

  /** Valid bodies of an operation's schema, ids taken from `ids`, in a fixed order. */
  function bodies(operation: Operation, ids: Ids): unknown[] {
    const schema = resolve(operation.body);
    if (!schema) return [undefined];
    const values = new ValueArbitraries(document, { ids, cursors: {} });
    return fc.sample(values.object(schema, 'valid'), { numRuns: BODY_TRIES, seed: SEED });
  }

  /**
   * A resource of each collection A can list but has none of (a feature added later): made
   * through the collection's POST with valid bodies, its ids A's own.
   */
  async function fillCollections(): Promise<void> {
    for (const collection of Object.keys(idsOfA).filter((name) => idsOfA[name].length === 0)) {
      const create = operations.find((op) => op.method === 'POST' && op.path === `/${collection}`);
      if (!create) continue;
      for (const body of bodies(create, idsOfA)) {
        if ((await asA.post(create.path).send(body as object)).status === 201) break;
      }
    }
  }

  /** The path with `{param}` filled from `owners[param]`'s ids (A's or B's). */
  function pathWith(operation: Operation, owners: Record<string, Ids>): string {
    return operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const collection = collectionOf(operation.path, name);
      const id = owners[name][collection]?.[0];
      if (!id) throw new Error(`No resource of "${collection}" to try ${operation.id} with`);
      return id;
    });
  }

  /**
   * B sends the request with bodies until one passes validation: it must then be refused as
   * `expected`, never reach a 2xx; whatever the answer, nothing may change.
   */
  async function expectRefused(
    operation: Operation,
    url: string,
    bodyIds: Ids,
    expected: number,
    overrides: (body: unknown) => unknown = (body) => body,
  ): Promise<void> {
    const where = `${operation.method} ${url}`;
    for (const body of bodies(operation, bodyIds)) {
      const before = await snapshot();
      const response = await send(asB, operation.method, url, overrides(body));
      expect({ where, changed: (await snapshot()) !== before }).toEqual({ where, changed: false });
      if (response.status === 400) continue;
      expect({ where, status: response.status, body: response.body }).toEqual({
        where,
        status: expected,
        body: expect.objectContaining({ status: expected }),
      });
      expect({ where, leaked: JSON.stringify(response.body).includes(MARK) }).toEqual({
        where,
        leaked: false,
      });
      return;
    }
    throw new Error(`${where}: no body passed validation in ${BODY_TRIES} tries`);
  }

  beforeAll(async () => {
    app = await createApiApp(testDatabaseUrl(), { REMINDERS_DISPATCHER_ENABLED: 'false' });
    db = app.get(DataSource);
    await resetDatabase(app);
    a = await createTestUser(app, { name: `A ${MARK}` });
    b = await createTestUser(app, { name: 'B' });
    asA = request.agent(app.getHttpServer()).set(a.headers);
    asB = request.agent(app.getHttpServer()).set(b.headers);

    // A: a recurring task completed once (history), tagged, with a reminder; a tag of its own.
    const task = (
      await asA
        .post('/tasks')
        .send({ title: `Task ${MARK}`, description: MARK, dueAt: FUTURE, priority: 'high' })
        .expect(201)
    ).body;
    await asA.put(`/tasks/${task.id}/recurrence`).send({ rule: 'FREQ=DAILY', timezone: 'UTC' });
    await asA.patch(`/tasks/${task.id}`).send({ status: 'done' }).expect(200);
    await asA
      .post(`/tasks/${task.id}/tags`)
      .send({ name: `tag-${MARK}` })
      .expect(201);
    await asA
      .post('/tags')
      .send({ name: `loose-${MARK}` })
      .expect(201);
    await asA.post(`/tasks/${task.id}/reminders`).send({ offsetMinutes: 30, note: MARK });
    // B: a task and a tag of its own, for requests that mix B's ids with A's.
    await asB.post('/tasks').send({ title: 'Task of B', dueAt: FUTURE }).expect(201);
    await asB.post('/tags').send({ name: 'tag-of-b' }).expect(201);

    idsOfA = await idsSeenBy(asA);
    await fillCollections();
    idsOfA = { ...(await idsSeenBy(asA)), users: [a.id] };
    idsOfB = { ...(await idsSeenBy(asB)), users: [b.id] };
  });
  afterAll(async () => {
    await app.close();
    process.stdout.write(
      `cross-user: ${covered.pathIds} operations with a path id (of ${pathIdOperations.length}), ` +
        `${covered.bodyIds} with ids in the body, ${covered.lists} lists with ${covered.listQueries} queries\n`,
    );
  });

  it('has A and B each with resources of every collection a path names', () => {
    const named = new Set(
      pathIdOperations.flatMap((op) =>
        op.parameters.filter((p) => p.in === 'path').map((p) => collectionOf(op.path, p.name)),
      ),
    );
    for (const collection of named) {
      expect({ collection, a: (idsOfA[collection] ?? []).length > 0 }).toEqual({
        collection,
        a: true,
      });
    }
    expect(idsOfB.tasks).toHaveLength(1);
    expect(idsOfB.tasks).not.toContain(idsOfA.tasks[0]);
  });

  it.each(pathIdOperations.map((op) => [`${op.method} ${op.path}`, op]))(
    "%s: B with A's ids is refused (404; 403 on the administrator's routes), and nothing changes",
    async (_, operation) => {
      const op = operation as Operation;
      const names = op.parameters.filter((p) => p.in === 'path').map((p) => p.name);
      // All of A's ids, then (for two ids) each of A's beside B's own: B's task, A's tag.
      const mixes: Record<string, Ids>[] = [Object.fromEntries(names.map((n) => [n, idsOfA]))];
      if (names.length > 1) {
        for (const foreign of names) {
          mixes.push(Object.fromEntries(names.map((n) => [n, n === foreign ? idsOfA : idsOfB])));
        }
      }
      for (const owners of mixes) {
        await expectRefused(op, pathWith(op, owners), idsOfB, refusalOf(op));
      }
      covered.pathIds++;
    },
  );

  it('covers every operation with a path id in the document', () => {
    expect(covered.pathIds).toBe(pathIdOperations.length);
    expect(pathIdOperations.length).toBeGreaterThanOrEqual(25);
  });

  it.each(bodyIdOperations.map((op) => [`${op.method} ${op.path}`, op]))(
    "%s: B naming A's resources in the body gets a 404, and nothing changes",
    async (_, operation) => {
      const op = operation as Operation;
      const url = pathWith(
        op,
        Object.fromEntries(
          op.parameters.filter((p) => p.in === 'path').map((p) => [p.name, idsOfB]),
        ),
      );
      // Valid bodies of B's, with every id field naming A's resource instead.
      const withIdsOfA = (body: unknown) => {
        const copy = { ...(body as Record<string, unknown>) };
        for (const field of idFieldsOf(op)) {
          const collection = `${field.replace(/Ids?$/, '')}s`;
          const id = idsOfA[collection][0];
          copy[field] = field.endsWith('Ids') ? [id] : id;
        }
        return copy;
      };
      await expectRefused(op, url, idsOfB, refusalOf(op), withIdsOfA);
      covered.bodyIds++;
    },
  );

  it("attaching by A's tag name gives B a tag of its own, and A's stays A's", async () => {
    const before = await snapshot();
    const [bTask] = idsOfB.tasks;
    const made = await asB
      .post(`/tasks/${bTask}/tags`)
      .send({ name: `tag-${MARK}` })
      .expect(201);
    expect(idsOfA.tags).not.toContain(made.body.id);
    expect((await asA.get(`/tags/${made.body.id}`)).status).toBe(404);
    await asB.delete(`/tags/${made.body.id}`).expect(204);
    expect(await snapshot()).toBe(before);
  });

  it.each(lists.map((op) => [op.path, op]))(
    "%s shows B none of A's rows, with each of its filters set to A's values",
    async (_, operation) => {
      const op = operation as Operation;
      const idsOfAll = Object.values(idsOfA).flat();
      const queries = [''];
      for (const parameter of op.parameters.filter((p) => p.in === 'query')) {
        if (parameter.name === 'cursor' || parameter.name === 'limit') continue;
        for (const value of valuesRevealingA(parameter.name, parameter.schema)) {
          queries.push(`${parameter.name}=${encodeURIComponent(value)}`);
        }
      }
      for (const query of queries) {
        const response = await asB.get(`${op.path}?limit=200&${query}`);
        const where = `GET ${op.path}?${query} → ${response.status}`;
        // A filter may refuse a value on its own (tagMatch without tags): a 400 shows nothing.
        expect({ where, ok: [200, 400, 403].includes(response.status) }).toEqual({
          where,
          ok: true,
        });
        // A problem's `instance` repeats the URL B sent: what B knows already.
        const { instance: _sent, ...answer } = response.body as Record<string, unknown>;
        const text = JSON.stringify(answer);
        const leaked = [MARK, ...idsOfAll].filter((secret) => text.includes(secret));
        expect({ where, leaked }).toEqual({ where, leaked: [] });
        covered.listQueries++;
      }
      covered.lists++;
    },
  );

  it("lists B's own rows to B (the lists above are not empty for everyone)", async () => {
    const tasks = (await asB.get('/tasks').expect(200)).body.items;
    expect(tasks.map((task: { id: string }) => task.id)).toEqual(idsOfB.tasks);
    const tags = (await asB.get('/tags').expect(200)).body.items;
    expect(tags.map((tag: { name: string }) => tag.name)).toEqual(['tag-of-b']);
  });

  /** Values of a filter that would pick A's rows if B could see them. */
  function valuesRevealingA(name: string, schema: unknown): string[] {
    const resolved = resolve(schema) ?? {};
    const items = resolve(resolved.items);
    const enumeration = resolved.enum ?? items?.enum;
    if (enumeration) return enumeration.map(String);
    if (/Ids?$/.test(name)) return idsOfA[`${name.replace(/Ids?$/, '')}s`] ?? [];
    if (resolved.format === 'date-time') return ['1970-01-01T00:00:00Z', FUTURE];
    if (name === 'tags') return [`tag-${MARK}`, `tag-${MARK},loose-${MARK}`];
    return [MARK, 'Task', 'tag'];
  }
});
