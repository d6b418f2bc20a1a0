import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createTestApp, createTestUser, resetDatabase } from '../../testing';

const WAVES = 5;

/**
 * Many clients at once get the answers a lone client would, on PostgreSQL and on the embedded
 * default alike (whose one PGlite session must still keep concurrent requests apart).
 */
describe('Concurrent requests (e2e)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<typeof request>;
  let db: DataSource;

  beforeAll(async () => {
    app = await createTestApp();
    db = app.get(DataSource);
    http = request.agent(app.getHttpServer()).set((await createTestUser(app)).headers);
  });
  beforeEach(() => resetDatabase(app));
  afterAll(() => app.close());

  it(`answers ${WAVES} waves of 40 creates, 40 reads and 20 patches at once, each rightly`, async () => {
    const seeded: { id: string; title: string }[] = [];
    for (let i = 0; i < 40; i++) {
      const created = await http
        .post('/tasks')
        .send({ title: `seed ${i}` })
        .expect(201);
      seeded.push(created.body);
    }
    const acknowledged: { id: string; title: string }[] = [];
    const versions = new Map(seeded.map((task) => [task.id, 1]));

    for (let wave = 0; wave < WAVES; wave++) {
      const creates = Array.from({ length: 40 }, (_, i) => `wave ${wave} task ${i}`).map(
        async (title) => {
          const response = await http.post('/tasks').send({ title });
          expect({ status: response.status, title: response.body.title }).toEqual({
            status: 201,
            title,
          });
          acknowledged.push(response.body);
        },
      );
      const reads = seeded.map(async (task) => {
        const response = await http.get(`/tasks/${task.id}`);
        expect({ status: response.status, id: response.body.id }).toEqual({
          status: 200,
          id: task.id,
        });
      });
      const patches = seeded.slice(0, 20).map(async (task, i) => {
        const description = `wave ${wave} patch ${i}`;
        const response = await http.patch(`/tasks/${task.id}`).send({ description });
        expect({
          status: response.status,
          id: response.body.id,
          description: response.body.description,
        }).toEqual({
          status: 200,
          id: task.id,
          description,
        });
        versions.set(task.id, response.body.version);
      });
      await Promise.all([...creates, ...reads, ...patches]);
    }

    // Every acknowledged write is there, once, as acknowledged.
    const rows: { id: string; title: string; version: number }[] = await db.query(
      'SELECT id, title, version FROM tasks',
    );
    const stored = new Map(rows.map((row) => [row.id, row]));
    expect(rows).toHaveLength(seeded.length + WAVES * 40);
    for (const task of acknowledged) expect(stored.get(task.id)?.title).toBe(task.title);
    for (const task of seeded.slice(0, 20)) {
      expect(stored.get(task.id)?.version).toBe(1 + WAVES);
      expect(versions.get(task.id)).toBe(1 + WAVES);
    }
  });
});
