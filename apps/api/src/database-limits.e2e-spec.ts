import {
  TestDatabase,
  createTestDatabase,
  createTestUser,
  onRealPostgres,
  testDatabaseUrl,
} from '@task-api/core/testing';
import { Client } from 'pg';
import request from 'supertest';
import { createApiApp } from './testing/create-api-app';

/** A database of its own (migrations run from nothing), on the run's kind of database. */
const freshDatabase = (): Promise<TestDatabase> =>
  createTestDatabase(onRealPostgres() ? process.env.DATABASE_URL : undefined);

/** Every wait for the database is bounded (SPEC §6 "Time limits"). */
describe('Database time limits (e2e)', () => {
  it('boots and serves with a pool of one connection (migrations run on the lock holder)', async () => {
    const database = await freshDatabase();
    try {
      const app = await createApiApp(database.url, { DB_POOL_SIZE: '1' });
      try {
        const http = request.agent(app.getHttpServer()).set((await createTestUser(app)).headers);
        const created = await http.post('/tasks').send({ title: 'one connection' }).expect(201);
        await http.get(`/tasks/${created.body.id}`).expect(200);
      } finally {
        await app.close();
      }
    } finally {
      await database.drop();
    }
  });

  it('answers 503 + Retry-After, not a hang, while a table is locked for 20 s (DB_POOL_SIZE=2)', async () => {
    const app = await createApiApp(testDatabaseUrl(), {
      DB_POOL_SIZE: '2',
      REMINDERS_DISPATCHER_ENABLED: 'false',
    });
    const http = request.agent(app.getHttpServer()).set((await createTestUser(app)).headers);
    // Looked up now: authenticating the requests below needs no statement.
    await http.get('/me').expect(200);
    const locker = new Client({ connectionString: testDatabaseUrl() });
    locker.on('error', () => undefined);
    await locker.connect();
    try {
      // On embedded PostgreSQL a transaction holds the one session: every statement waits.
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE tasks IN ACCESS EXCLUSIVE MODE');
      // Busy, not idle: no idle-in-transaction timeout ends this lock before its 20 s.
      const busy = setInterval(() => void locker.query('SELECT 1').catch(() => undefined), 1_000);
      let lockHeld = true;
      const release = setTimeout(() => {
        lockHeld = false;
        clearInterval(busy);
        void locker.query('ROLLBACK').catch(() => undefined);
      }, 20_000);

      const responses = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          i % 2 === 0 ? http.get('/tasks') : http.post('/tasks').send({ title: `locked ${i}` }),
        ),
      );
      const answeredWhileLocked = lockHeld;
      clearTimeout(release);
      clearInterval(busy);
      await locker.query('ROLLBACK').catch(() => undefined);

      expect(answeredWhileLocked).toBe(true);
      for (const response of responses) {
        expect(response.status).toBe(503);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
      }
      // Nothing half-done is left behind, and the app serves again at once.
      await http.post('/tasks').send({ title: 'after the lock' }).expect(201);
    } finally {
      await locker.end().catch(() => undefined);
      await app.close();
    }
  });

  // PGlite is one session: an advisory lock taken by any connection is held by all of them,
  // so there is no other holder to wait for (and one process per data directory is enforced
  // by a lock file instead, tested in embedded-process.e2e-spec.ts).
  (onRealPostgres() ? it : it.skip)(
    'on PostgreSQL: stops with a clear message when the migration lock stays held past its deadline',
    async () => {
      const database = await freshDatabase();
      const holder = new Client({ connectionString: database.url });
      await holder.connect();
      try {
        await holder.query('SELECT pg_advisory_lock($1)', ['8386110885300629609']);
        await expect(
          createApiApp(database.url, { DB_MIGRATION_LOCK_TIMEOUT_MS: '1000' }),
        ).rejects.toThrow(/held the migration lock .* for more than 1000 ms/);
      } finally {
        await holder.end();
        await database.drop();
      }
    },
  );
});
