import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import type { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { createTestApp, createTestUser, onRealPostgres } from '../../testing';

/**
 * On PostgreSQL a composed read is parsed and planned once per connection: the second read of a
 * task runs the statement the first prepared. Embedded PostgreSQL has one session behind every
 * connection, so nothing is prepared under a name there (names would collide between them).
 */
describe('Statements: named prepared statements (e2e)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<typeof request.agent>;
  let db: DataSource;

  beforeAll(async () => {
    // One connection: the requests and the look at pg_prepared_statements share its session.
    app = await createTestApp({ poolSize: 1 });
    db = app.get(DataSource);
    http = request.agent(app.getHttpServer()).set((await createTestUser(app)).headers);
  });
  afterAll(() => app.close());

  const preparedReads = async (): Promise<{ name: string }[]> =>
    db.query(
      `SELECT name FROM pg_prepared_statements
        WHERE statement LIKE '%FROM tasks task WHERE task.owner_id = $1 AND task.id = $2' AND name LIKE 'task_api_%'`,
    );

  it(
    onRealPostgres() ? 'prepares a task read once and reuses it' : 'names no statement',
    async () => {
      const created = await http.post('/tasks').send({ title: 'read twice' }).expect(201);
      await http.get(`/tasks/${created.body.id}`).expect(200);
      const afterFirst = await preparedReads();
      await http.get(`/tasks/${created.body.id}`).expect(200);
      const afterSecond = await preparedReads();

      expect(afterFirst).toHaveLength(onRealPostgres() ? 1 : 0);
      expect(afterSecond).toEqual(afterFirst);
    },
  );

  it('survives a connection that fails while it changes hands, and replaces it', async () => {
    const pool = (db.driver as unknown as { master: Pool }).master;
    await new Promise<void>((resolve, reject) => {
      pool.connect((error: Error | undefined, client: PoolClient | undefined, release) => {
        if (error || !client) return reject(error);
        try {
          // What `pg` does when the server's FATAL is read before the new holder listens.
          client.emit('error', new Error('terminating connection due to administrator command'));
          resolve();
        } catch (thrown) {
          reject(thrown);
        } finally {
          release(new Error('the connection failed'));
        }
      });
    });
    await http.post('/tasks').send({ title: 'after the failure' }).expect(201);
  });
});
