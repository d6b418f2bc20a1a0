import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TcpProxy, createTestUser, onRealPostgres, testDatabaseUrl } from '@task-api/core/testing';
import { request as httpRequest } from 'node:http';
import { Client } from 'pg';
import request from 'supertest';
import { createApiApp } from './testing/create-api-app';

const PROBLEM = /^application\/problem\+json/;

/** Polls until `check` passes or the deadline is reached: no fixed sleeps. */
async function eventually(check: () => Promise<void>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

describe('API app (e2e)', () => {
  describe('health and documentation', () => {
    let app: NestFastifyApplication;
    beforeAll(async () => (app = await createApiApp(testDatabaseUrl(), { DB_POOL_SIZE: '4' })));
    afterAll(() => app.close());

    it('is live and ready', async () => {
      await request(app.getHttpServer()).get('/health/live').expect(200);
      const ready = await request(app.getHttpServer()).get('/health/ready').expect(200);
      expect(ready.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
    });

    it('serves Swagger UI at /docs and the OpenAPI document at /docs-json', async () => {
      const ui = await request(app.getHttpServer()).get('/docs').redirects(1).expect(200);
      expect(ui.text).toContain('swagger-ui');
      const document = (await request(app.getHttpServer()).get('/docs-json').expect(200)).body;
      expect(document.openapi).toMatch(/^3\./);
      expect(Object.keys(document.paths)).toEqual(
        expect.arrayContaining(['/tasks', '/tasks/{id}', '/health/ready']),
      );
    });

    it('documents every operation with an id, a summary and problem+json errors', async () => {
      const document = (await request(app.getHttpServer()).get('/docs-json').expect(200)).body;
      const operations = Object.values(document.paths).flatMap((path) =>
        Object.values(path as object),
      );
      for (const operation of operations) {
        expect(operation).toMatchObject({
          operationId: expect.any(String),
          summary: expect.any(String),
        });
      }
      const resourceOperations = Object.entries(document.paths)
        .filter(([path]) => path !== '/health/live')
        .flatMap(([, path]) => Object.values(path as object));
      for (const operation of resourceOperations) {
        const errors = Object.entries(operation.responses).filter(
          ([status]) => Number(status) >= 400,
        );
        expect(errors.length).toBeGreaterThan(0);
        for (const [, response] of errors) {
          expect((response as { content: object }).content).toHaveProperty([
            'application/problem+json',
            'example',
          ]);
        }
      }
    });
  });

  describe('when the database goes away', () => {
    let app: NestFastifyApplication;
    let proxy: TcpProxy;

    beforeAll(async () => {
      const proxied = await TcpProxy.for(testDatabaseUrl());
      proxy = proxied.proxy;
      app = await createApiApp(proxied.url, { DB_POOL_SIZE: '4' });
    });
    afterAll(async () => {
      await proxy.restore();
      await app.close();
      await proxy.cut();
    });

    it('answers 503 problem+json, stays up, and recovers by itself when it returns', async () => {
      const http = request.agent(app.getHttpServer()).set((await createTestUser(app)).headers);
      await http.post('/tasks').send({ title: 'before' }).expect(201);

      await proxy.cut();
      const down = await http.get('/tasks');
      expect(down.status).toBe(503);
      expect(down.headers['content-type']).toMatch(PROBLEM);
      expect(JSON.stringify(down.body)).not.toMatch(/ECONNREFUSED|terminated|at .*\.js/);
      const notReady = await http.get('/health/ready').expect(503);
      expect(notReady.headers['content-type']).toMatch(PROBLEM);
      expect(notReady.body).toMatchObject({ status: 503, checks: { database: 'down' } });
      expect(JSON.stringify(notReady.body)).not.toMatch(/ECONN|timeout|127\.0\.0\.1/);
      await http.get('/health/live').expect(200);

      await proxy.restore();
      await eventually(async () => {
        await http.get('/health/ready').expect(200);
      });
      await http.post('/tasks').send({ title: 'after' }).expect(201);
    });
  });

  // PostgreSQL only: pg_terminate_backend ends a server backend, and embedded PostgreSQL has
  // none (one PGlite session inside this process); its dropped connections are tested in
  // libs/core/src/lib/database/embedded-postgres.e2e-spec.ts.
  (onRealPostgres() ? describe : describe.skip)(
    'when PostgreSQL terminates its connections',
    () => {
      let app: NestFastifyApplication;
      beforeAll(async () => (app = await createApiApp(testDatabaseUrl(), { DB_POOL_SIZE: '4' })));
      afterAll(() => app.close());

      it('discards the dead connections and recovers by itself, without a restart', async () => {
        const http = request.agent(app.getHttpServer()).set((await createTestUser(app)).headers);
        // Warm the pool so that there are idle connections to kill.
        await Promise.all(Array.from({ length: 4 }, () => http.get('/tasks').expect(200)));
        const admin = new Client({ connectionString: testDatabaseUrl() });
        await admin.connect();
        const killed = await admin.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
        );
        await admin.end();
        expect(killed.rowCount).toBeGreaterThan(0);

        // A request may still meet a connection whose death the pool has not heard of yet: it
        // gets a 503 problem (never a 500, never a crash), and that connection is discarded.
        const statuses: number[] = [];
        await eventually(async () => {
          const response = await http.get('/tasks');
          statuses.push(response.status);
          expect(response.status).toBe(200);
        });
        expect(statuses.filter((status) => status !== 200 && status !== 503)).toEqual([]);
        expect(statuses.length - 1).toBeLessThanOrEqual(Number(killed.rowCount));

        for (let i = 0; i < 5; i++) {
          await http
            .post('/tasks')
            .send({ title: `after ${i}` })
            .expect(201);
        }
        await http.get('/health/ready').expect(200);
      });
    },
  );
});

describe('graceful shutdown (e2e)', () => {
  it('finishes a request in flight when the app closes, and refuses new connections', async () => {
    const app = await createApiApp(testDatabaseUrl(), { REMINDERS_DISPATCHER_ENABLED: 'false' });
    const { headers } = await createTestUser(app);
    await app.listen(0, '127.0.0.1');
    const { port } = new URL(await app.getUrl());
    const body = JSON.stringify({ title: 'in flight during shutdown' });

    // Send the headers and half the body, start closing, then send the rest.
    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const call = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/tasks',
          headers: {
            ...headers,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      call.on('error', reject);
      call.write(body.slice(0, 10));
      setTimeout(() => {
        closing = app.close();
        setTimeout(() => call.end(body.slice(10)), 100);
      }, 100);
    });
    let closing: Promise<void> | undefined;

    const answered = await response;
    expect(answered.status).toBe(201);
    expect(JSON.parse(answered.body)).toMatchObject({ title: 'in flight during shutdown' });
    // A keep-alive client (Node's default agent) must not hold the shutdown open.
    const closedWithin = Date.now();
    await closing;
    expect(Date.now() - closedWithin).toBeLessThan(2_000);
    await expect(fetch(`http://127.0.0.1:${port}/health/live`)).rejects.toThrow();
  });
});
