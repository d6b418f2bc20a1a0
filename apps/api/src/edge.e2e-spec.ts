import { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  TestUser,
  createTestUser,
  testDatabaseUrl,
  testRedisUrl,
  uniqueRedisPrefix,
} from '@task-api/core/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createApiApp } from './testing/create-api-app';

const PROBLEM = /^application\/problem\+json/;
const APP_ORIGIN = 'https://app.example.com';

/** The HTTP edge of the composed app, configured through the environment as an operator does. */
describe('HTTP edge (e2e)', () => {
  const apps: NestFastifyApplication[] = [];
  /** The user the requests come from; a browser's preflight carries no credential (`anonymous`). */
  let user: TestUser;
  const startApp = async (env: Record<string, string>) => {
    const app = await createApiApp(testDatabaseUrl(), {
      REMINDERS_DISPATCHER_ENABLED: 'false',
      DB_POOL_SIZE: '2',
      ...env,
    });
    apps.push(app);
    user ??= await createTestUser(app);
    return request.agent(app.getHttpServer()).set(user.headers);
  };
  /** Requests without a credential to the app started last. */
  const anonymous = () => request(apps[apps.length - 1].getHttpServer());
  afterEach(() => Promise.all(apps.splice(0).map((app) => app.close())));

  describe('CORS with CORS_ORIGINS', () => {
    const env = { CORS_ORIGINS: `${APP_ORIGIN},http://localhost:5173` };

    it('answers a preflight from an allowed origin, without a credential, with what a browser client needs', async () => {
      await startApp(env);
      const preflight = await anonymous()
        .options('/tasks/0b6f2a8e-3c1d-4e5f-9a7b-1c2d3e4f5a6b')
        .set('Origin', APP_ORIGIN)
        .set('Access-Control-Request-Method', 'PATCH')
        .set('Access-Control-Request-Headers', 'authorization, content-type, if-match')
        .expect(204);
      expect(preflight.headers).toMatchObject({
        'access-control-allow-origin': APP_ORIGIN,
        'access-control-max-age': '600',
        vary: expect.stringContaining('Origin'),
      });
      expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
      const methods = preflight.headers['access-control-allow-methods'].split(/,\s*/);
      expect(methods).toEqual(expect.arrayContaining(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']));
      const headers = preflight.headers['access-control-allow-headers'].split(/,\s*/);
      expect(headers).toEqual(
        expect.arrayContaining([
          'Authorization',
          'Content-Type',
          'If-Match',
          'If-None-Match',
          'Idempotency-Key',
        ]),
      );
    });

    it('lets a browser read the response headers of a real request', async () => {
      const http = await startApp(env);
      const created = await http
        .post('/tasks')
        .set('Origin', 'http://localhost:5173')
        .set('Idempotency-Key', randomUUID())
        .send({ title: 'From the browser' })
        .expect(201);
      expect(created.headers['access-control-allow-origin']).toBe('http://localhost:5173');
      const exposed = created.headers['access-control-expose-headers'].split(/,\s*/);
      expect(exposed).toEqual(
        expect.arrayContaining([
          'ETag',
          'Location',
          'X-Request-Id',
          'RateLimit-Limit',
          'RateLimit-Remaining',
          'RateLimit-Reset',
          'Retry-After',
        ]),
      );
    });

    it('gives another origin no CORS permission', async () => {
      const http = await startApp(env);
      const preflight = await anonymous()
        .options('/tasks')
        .set('Origin', 'https://evil.example')
        .set('Access-Control-Request-Method', 'DELETE');
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      const read = await http.get('/tasks').set('Origin', 'https://evil.example').expect(200);
      expect(read.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('spends no rate budget on preflights, and lets a browser read a 429', async () => {
      const http = await startApp({ ...env, RATE_LIMIT_PER_MINUTE: '1' });
      for (let i = 0; i < 3; i++) {
        await anonymous()
          .options('/tasks')
          .set('Origin', APP_ORIGIN)
          .set('Access-Control-Request-Method', 'POST')
          .expect(204);
      }
      await http.get('/tasks').set('Origin', APP_ORIGIN).expect(200);
      const limited = await http.get('/tasks').set('Origin', APP_ORIGIN).expect(429);
      expect(limited.headers).toMatchObject({
        'access-control-allow-origin': APP_ORIGIN,
        'retry-after': expect.stringMatching(/^\d+$/),
      });
    });
  });

  describe('without CORS_ORIGINS (the default)', () => {
    it('sends no CORS header and answers no preflight (one without a credential is a 401)', async () => {
      const http = await startApp({});
      const preflight = await anonymous()
        .options('/tasks')
        .set('Origin', APP_ORIGIN)
        .set('Access-Control-Request-Method', 'POST')
        .expect(401);
      expect(preflight.headers['content-type']).toMatch(PROBLEM);
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      const read = await http.get('/tasks').set('Origin', APP_ORIGIN).expect(200);
      expect(read.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  describe('rate limits from RATE_LIMIT_PER_MINUTE and REDIS_URL', () => {
    it('share one budget between two API processes, and never limit the health checks', async () => {
      const env = {
        RATE_LIMIT_PER_MINUTE: '3',
        REDIS_URL: testRedisUrl(),
        REDIS_KEY_PREFIX: uniqueRedisPrefix(),
      };
      const first = await startApp(env);
      const second = await startApp(env);
      await first.get('/tasks').expect(200).expect('ratelimit-limit', '3');
      await second.get('/tasks').expect(200).expect('ratelimit-remaining', '1');
      await first.post('/tasks').send({ title: 'last one' }).expect(201);
      const limited = await second.post('/tasks').send({ title: 'one too many' }).expect(429);
      expect(limited.headers['content-type']).toMatch(PROBLEM);
      for (const http of [first, second]) {
        await http.get('/health/live').expect(200);
        const ready = await http.get('/health/ready').expect(200);
        expect(ready.headers['ratelimit-limit']).toBeUndefined();
      }
    });
  });
});
