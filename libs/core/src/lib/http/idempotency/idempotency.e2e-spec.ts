import { Body, Controller, HttpCode, Module, Post } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  StatementCounter,
  TestUser,
  createTestApp,
  createTestUser,
  eventually,
  onRealPostgres,
  resetDatabase,
  testDatabaseUrl,
} from '../../../testing';
import { IdempotencyKeys } from './idempotency-keys';

const PROBLEM = /^application\/problem\+json/;

/** A route that fails with a 5xx as long as the test says so, to see what a failure leaves behind. */
@Controller('flaky')
class FlakyController {
  static failuresLeft = 0;
  static calls = 0;

  @Post()
  @HttpCode(202)
  accept(@Body() body: object): object {
    FlakyController.calls += 1;
    if (FlakyController.failuresLeft > 0) {
      FlakyController.failuresLeft -= 1;
      throw new Error('the downstream service is down');
    }
    return { accepted: body, call: FlakyController.calls };
  }
}

@Module({ controllers: [FlakyController] })
class FlakyModule {}

describe('Idempotency keys (e2e)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<typeof request>;
  let db: DataSource;
  let user: TestUser;

  const countTasks = async (): Promise<number> =>
    Number((await db.query('SELECT count(*)::int AS n FROM tasks'))[0].n);
  const records = (): Promise<{ key: string; response_status: number | null }[]> =>
    db.query('SELECT key, response_status FROM idempotency_keys ORDER BY key');
  const postTask = (key: string, body: object = { title: 'Pay rent' }) =>
    http.post('/tasks').set('Idempotency-Key', key).send(body);

  beforeAll(async () => {
    app = await createTestApp({ imports: [FlakyModule] });
    db = app.get(DataSource);
    user = await createTestUser(app);
    http = request.agent(app.getHttpServer()).set(user.headers);
  });
  beforeEach(async () => {
    await resetDatabase(app);
    FlakyController.failuresLeft = 0;
    FlakyController.calls = 0;
  });
  afterAll(() => app.close());

  it('replays the first response to a retry (status, body, Location, ETag) and does nothing again', async () => {
    const key = randomUUID();
    const first = await postTask(key).expect(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const retry = await postTask(key).expect(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers).toMatchObject({
      location: first.headers.location,
      etag: first.headers.etag,
      'content-type': first.headers['content-type'],
      'idempotent-replayed': 'true',
    });
    expect(await countTasks()).toBe(1);
  });

  it('treats the same body in another key order or spacing as the same request', async () => {
    const key = randomUUID();
    await postTask(key, { title: 'Call', priority: 'high' }).expect(201);
    await http
      .post('/tasks')
      .set('Idempotency-Key', key)
      .set('content-type', 'application/json')
      .send('{ "priority": "high",\n  "title": "Call" }')
      .expect(201)
      .expect('idempotent-replayed', 'true');
    expect(await countTasks()).toBe(1);
  });

  it('accepts the key as a Structured Field string, the IETF draft form', async () => {
    const key = randomUUID();
    await postTask(`"${key}"`).expect(201);
    await postTask(key).expect(201).expect('idempotent-replayed', 'true');
    expect(await countTasks()).toBe(1);
  });

  it('refuses the same key with another body, or on another path, with 422', async () => {
    const key = randomUUID();
    await postTask(key).expect(201);
    const other = await postTask(key, { title: 'Something else' }).expect(422);
    expect(other.headers['content-type']).toMatch(PROBLEM);
    expect(other.body).toMatchObject({
      type: '/problems/idempotency-key-reused',
      status: 422,
      detail: expect.stringContaining('another request'),
    });
    await http.post('/flaky').set('Idempotency-Key', key).send({ title: 'Pay rent' }).expect(422);
    expect(await countTasks()).toBe(1);
  });

  it("keeps keys per user: another user's same key is a request of its own, never this one's replay", async () => {
    const key = randomUUID();
    const other = request.agent(app.getHttpServer()).set((await createTestUser(app)).headers);
    const postAsOther = (title: string) =>
      other.post('/tasks').set('Idempotency-Key', key).send({ title });
    const mine = await postTask(key, { title: 'Pay rent' }).expect(201);
    const theirs = await postAsOther('Pay rent').expect(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.body.id).not.toBe(mine.body.id);
    // Each user's retry replays its own first answer.
    expect((await postAsOther('Pay rent').expect(201)).body).toEqual(theirs.body);
    const retry = await postTask(key, { title: 'Pay rent' }).expect(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(mine.body);
    expect(await countTasks()).toBe(2);
    const principals = await db.query(
      'SELECT principal FROM idempotency_keys WHERE key = $1 ORDER BY principal',
      [key],
    );
    expect(principals).toHaveLength(2);
    expect(principals).toContainEqual({ principal: `user:${user.id}` });
  });

  it('answers 409 with Retry-After while the first request holds the key', async () => {
    // The first request's claim, as another process holding it right now leaves it.
    const key = randomUUID();
    await postTask(key).expect(201);
    await db.query(
      `UPDATE idempotency_keys SET response_status = NULL, response_headers = NULL,
              response_body = NULL, claimed_at = now() WHERE key = $1`,
      [key],
    );
    const busy = await postTask(key).expect(409);
    expect(busy.headers['content-type']).toMatch(PROBLEM);
    expect(busy.headers['retry-after']).toBe('1');
    expect(busy.body).toMatchObject({ type: '/problems/idempotency-key-in-flight', status: 409 });
    expect(await countTasks()).toBe(1);
  });

  it('lets a retry take over a claim abandoned by a process that died', async () => {
    const key = randomUUID();
    await postTask(key).expect(201);
    await db.query(
      `UPDATE idempotency_keys SET response_status = NULL, response_headers = NULL,
              response_body = NULL, claimed_at = now() - interval '31 seconds' WHERE key = $1`,
      [key],
    );
    await postTask(key)
      .expect(201)
      .expect((response) => {
        expect(response.headers['idempotent-replayed']).toBeUndefined();
      });
    expect(await countTasks()).toBe(2);
    expect(await records()).toEqual([{ key, response_status: 201 }]);
  });

  it('runs the request again once the record has expired, and the purge deletes expired records', async () => {
    const [expired, fresh] = [randomUUID(), randomUUID()];
    await postTask(expired).expect(201);
    await postTask(fresh).expect(201);
    const expire = () =>
      db.query(`UPDATE idempotency_keys SET expires_at = now() - interval '1 ms' WHERE key = $1`, [
        expired,
      ]);
    await expire();
    await postTask(expired)
      .expect(201)
      .expect((response) => {
        expect(response.headers['idempotent-replayed']).toBeUndefined();
      });
    expect(await countTasks()).toBe(3);

    await expire();
    expect(await app.get(IdempotencyKeys).purge()).toBe(1);
    expect(await records()).toEqual([{ key: fresh, response_status: 201 }]);
  });

  it('keeps no response of a request that failed with a 5xx: the retry runs again', async () => {
    const key = randomUUID();
    FlakyController.failuresLeft = 1;
    await http.post('/flaky').set('Idempotency-Key', key).send({ n: 1 }).expect(500);
    expect(await records()).toEqual([]);
    const retry = await http.post('/flaky').set('Idempotency-Key', key).send({ n: 1 }).expect(202);
    expect(retry.body).toEqual({ accepted: { n: 1 }, call: 2 });
    const replay = await http.post('/flaky').set('Idempotency-Key', key).send({ n: 1 }).expect(202);
    expect(replay.body).toEqual(retry.body);
    expect(FlakyController.calls).toBe(2);
  });

  it('keeps no response of a 4xx either (it changed nothing): the corrected request may reuse the key', async () => {
    const key = randomUUID();
    await postTask(key, { title: '' }).expect(400);
    expect(await records()).toEqual([]);
    await postTask(key, { title: 'Corrected' }).expect(201);
    expect(await countTasks()).toBe(1);
  });

  it.each([
    ['empty', ''],
    ['too long', 'k'.repeat(256)],
    ['not ASCII', 'clé'],
    ['an unterminated string', '"abc'],
  ])('refuses a key that is %s with 400, doing nothing', async (_, key) => {
    const response = await http
      .post('/tasks')
      .set('Idempotency-Key', Buffer.from(key).toString('latin1'))
      .send({ title: 'x' })
      .expect(400);
    expect(response.body.errors).toEqual([
      { field: 'Idempotency-Key', message: expect.any(String) },
    ]);
    expect(await countTasks()).toBe(0);
  });

  it('leaves requests without the header, other methods and unknown routes as they were', async () => {
    const task = (await http.post('/tasks').send({ title: 'Plain' }).expect(201)).body;
    await http.post('/nowhere').set('Idempotency-Key', randomUUID()).send({}).expect(404);
    await http
      .patch(`/tasks/${task.id}`)
      .set('Idempotency-Key', randomUUID())
      .send({ title: 'Patched' })
      .expect(200);
    expect(await records()).toEqual([]);
  });

  it('costs two statements on a first request and one on a replay', async () => {
    const counter = new StatementCounter(db);
    try {
      const key = randomUUID();
      const plain = await counter.count(() =>
        http.post('/tasks').send({ title: 'Pay rent' }).expect(201),
      );
      const first = await counter.count(() => postTask(key).expect(201));
      const replay = await counter.count(() => postTask(key).expect(201));
      expect(first.length).toBe(plain.length + 2);
      expect(replay).toEqual([expect.stringContaining('INSERT INTO idempotency_keys')]);
    } finally {
      counter.restore();
    }
  });

  it('has exactly one effect under 10 simultaneous retries', async () => {
    const key = randomUUID();
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => postTask(key, { title: 'Once' })),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
    const created = responses.filter((response) => response.status === 201);
    expect(created.length).toBeGreaterThan(0);
    expect(new Set(created.map((response) => response.body.id)).size).toBe(1);
    expect(await countTasks()).toBe(1);
    // Once the first has answered, every retry gets its response.
    await postTask(key, { title: 'Once' }).expect(201).expect('idempotent-replayed', 'true');
  });

  // Holding a lock from a second connection while the app keeps working needs a server:
  // embedded PostgreSQL runs one session, where that lock would hold the app's claim up too.
  (onRealPostgres() ? it : it.skip)(
    'answers 409 to a retry while the first request is really running, then replays it',
    async () => {
      const blocker = new Client({ connectionString: testDatabaseUrl() });
      await blocker.connect();
      try {
        await blocker.query('BEGIN');
        await blocker.query('LOCK TABLE tasks IN EXCLUSIVE MODE');
        const key = randomUUID();
        const first = postTask(key).then((response) => response);
        await eventually(async () => (await records()).length === 1, {
          what: 'the first request to claim its key',
        });
        await postTask(key).expect(409);
        await blocker.query('ROLLBACK');
        const answered = await first;
        expect(answered.status).toBe(201);
        const replay = await postTask(key).expect(201);
        expect(replay.body).toEqual(answered.body);
        expect(await countTasks()).toBe(1);
      } finally {
        await blocker.end();
      }
    },
  );
});
