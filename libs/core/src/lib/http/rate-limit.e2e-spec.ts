import { NestFastifyApplication } from '@nestjs/platform-fastify';
import Redis from 'ioredis';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  TcpProxy,
  TestUser,
  createTestApp,
  createTestUser,
  eventually,
  resetDatabase,
  testRedisUrl,
  uniqueRedisPrefix,
} from '../../testing';
import { EdgeOptions } from './edge-options';

const PROBLEM = /^application\/problem\+json/;

describe('Rate limits (e2e)', () => {
  const apps: NestFastifyApplication[] = [];
  let redis: Redis;
  /** The user every request here comes from (any app on the test database knows its token). */
  let user: TestUser;
  /** The key its budget is counted under. */
  let principal: string;

  /** An app with these edge options, and requests to it as `as` (by default the suite's user). */
  const startApp = async (edge: EdgeOptions, as?: TestUser) => {
    const app = await createTestApp({ edge, poolSize: 2 });
    apps.push(app);
    if (!user) {
      user = await createTestUser(app);
      principal = `user:${user.id}`;
    }
    return request.agent(app.getHttpServer()).set((as ?? user).headers);
  };

  beforeAll(() => {
    redis = new Redis(testRedisUrl(), { lazyConnect: true, maxRetriesPerRequest: 1 });
  });
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
  });
  afterAll(() => redis.quit());

  describe('per process (no Redis)', () => {
    it('counts down in RateLimit-* headers, then answers 429 problem+json with Retry-After', async () => {
      const http = await startApp({ rateLimitPerMinute: 3 });
      for (const remaining of ['2', '1', '0']) {
        const ok = await http.get('/tasks').expect(200);
        expect(ok.headers).toMatchObject({
          'ratelimit-limit': '3',
          'ratelimit-remaining': remaining,
          'ratelimit-reset': expect.stringMatching(/^\d+$/),
        });
      }
      const limited = await http.get('/tasks').expect(429);
      expect(limited.headers['content-type']).toMatch(PROBLEM);
      expect(limited.headers).toMatchObject({
        'ratelimit-limit': '3',
        'ratelimit-remaining': '0',
        'x-request-id': expect.any(String),
      });
      const retryAfter = Number(limited.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(limited.body).toEqual({
        type: '/problems/too-many-requests',
        title: 'Too Many Requests',
        status: 429,
        detail: expect.stringContaining('the limit is 3 per minute'),
        instance: '/tasks',
      });
    });

    it('keeps one budget per user', async () => {
      const http = await startApp({ rateLimitPerMinute: 1 });
      const app = apps[apps.length - 1];
      const other = request.agent(app.getHttpServer()).set((await createTestUser(app)).headers);
      await http.get('/tasks').expect(200);
      await http.get('/tasks').expect(429);
      await other.get('/tasks').expect(200);
      await other.get('/tasks').expect(429);
    });

    it("counts requests refused for their credential against the address's budget, not a user's", async () => {
      const http = await startApp({ rateLimitPerMinute: 2 });
      const anonymous = request(apps[apps.length - 1].getHttpServer());
      const guessing = (token: string) =>
        anonymous.get('/tasks').set('Authorization', `Bearer ${token}`);
      await anonymous.get('/tasks').expect(401);
      await guessing('tapi_not-a-token').expect(401);
      // The third guess from that address is not even looked at.
      const limited = await guessing('tapi_another-guess').expect(429);
      expect(limited.headers['content-type']).toMatch(PROBLEM);
      // The user's own budget is untouched.
      await http.get('/tasks').expect(200);
    });

    it('refuses a write over the budget without doing it', async () => {
      const http = await startApp({ rateLimitPerMinute: 1 });
      const app = apps[apps.length - 1];
      await resetDatabase(app);
      await http.post('/tasks').send({ title: 'first' }).expect(201);
      await http.post('/tasks').send({ title: 'second' }).expect(429);
      const [{ n }] = await app.get(DataSource).query('SELECT count(*)::int AS n FROM tasks');
      expect(n).toBe(1);
    });

    it('never limits the documentation', async () => {
      const http = await startApp({ rateLimitPerMinute: 1 });
      for (let i = 0; i < 3; i++) {
        const docs = await http.get('/docs-json').expect(200);
        expect(docs.headers['ratelimit-limit']).toBeUndefined();
      }
      await http.get('/tasks').expect(200);
      await http.get('/tasks').expect(429);
    });

    it('keeps one budget per process', async () => {
      const first = await startApp({ rateLimitPerMinute: 1 });
      const second = await startApp({ rateLimitPerMinute: 1 });
      await first.get('/tasks').expect(200);
      await first.get('/tasks').expect(429);
      await second.get('/tasks').expect(200);
    });

    it('is off at 0', async () => {
      const http = await startApp({ rateLimitPerMinute: 0 });
      for (let i = 0; i < 5; i++) {
        const response = await http.get('/tasks').expect(200);
        expect(response.headers['ratelimit-limit']).toBeUndefined();
      }
    });
  });

  describe('shared through Redis', () => {
    it('gives two API instances one budget', async () => {
      const shared = { rateLimitPerMinute: 4, redisUrl: testRedisUrl() };
      const edge = { ...shared, redisKeyPrefix: uniqueRedisPrefix() };
      const first = await startApp(edge);
      const second = await startApp(edge);
      const remaining = [];
      for (const http of [first, second, first, second]) {
        remaining.push((await http.get('/tasks').expect(200)).headers['ratelimit-remaining']);
      }
      expect(remaining).toEqual(['3', '2', '1', '0']);
      await first.get('/tasks').expect(429);
      await second.get('/tasks').expect(429);
      expect(await redis.get(`${edge.redisKeyPrefix}rate-limit:${principal}`)).toBe('6');

      // Another prefix is another deployment: a budget of its own on the same server.
      const other = await startApp({ ...shared, redisKeyPrefix: uniqueRedisPrefix() });
      await other.get('/tasks').expect(200);
    });

    it('falls back to a per-process budget while Redis is unreachable, and back to Redis after', async () => {
      const target = new URL(testRedisUrl());
      const proxy = new TcpProxy(target.hostname, Number(target.port || 6379));
      await proxy.restore();
      const prefix = uniqueRedisPrefix();
      const key = `${prefix}rate-limit:${principal}`;
      try {
        const http = await startApp({
          rateLimitPerMinute: 2,
          redisUrl: `redis://127.0.0.1:${proxy.port}`,
          redisKeyPrefix: prefix,
        });
        // Connected lazily: the first requests may be counted in process until Redis is ready.
        await eventually(async () => (await http.get('/tasks')).status === 200 && redis.get(key), {
          what: 'a request counted in Redis',
        });

        await proxy.cut();
        // The API stays up and still limits, counting in this process.
        const during = [];
        for (let i = 0; i < 3; i++) during.push((await http.get('/tasks')).status);
        expect(during).toEqual([200, 200, 429]);
        const countBefore = await redis.get(key);

        await proxy.restore();
        await eventually(
          async () => (await http.get('/tasks')) && (await redis.get(key)) !== countBefore,
          {
            what: 'requests counted in Redis again',
          },
        );
      } finally {
        await Promise.all(apps.splice(0).map((app) => app.close()));
        await proxy.cut();
      }
    });
  });
});
