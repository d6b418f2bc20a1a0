import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { testDatabaseUrl } from '@task-api/core/testing';
import request from 'supertest';
import { createApiApp } from '../testing/create-api-app';

describe('GET /metrics (e2e)', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createApiApp(testDatabaseUrl(), { REMINDERS_DISPATCHER_ENABLED: 'false' });
  });
  afterAll(() => app.close());

  it('counts requests by route pattern and status, and shows the pool, in Prometheus text', async () => {
    const http = request(app.getHttpServer());
    const task = (await http.post('/tasks').send({ title: 'Measured' }).expect(201)).body;
    await http.get(`/tasks/${task.id}`).expect(200);
    await http.get(`/tasks/${task.id}`).expect(200);
    await http.get('/tasks/not-a-uuid').expect(400);

    const response = await http.get('/metrics').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const count = (labels: string) =>
      Number(
        new RegExp(`^http_request_duration_seconds_count\\{${labels}\\} (\\d+)$`, 'm').exec(
          response.text,
        )?.[1],
      );
    // The route pattern, not the URL: one series for every task id.
    expect(count('method="GET",route="/tasks/:id",status="200"')).toBe(2);
    expect(count('method="GET",route="/tasks/:id",status="400"')).toBe(1);
    expect(count('method="POST",route="/tasks",status="201"')).toBe(1);
    expect(response.text).toMatch(/^db_pool_connections_in_use \d+$/m);
    expect(response.text).toMatch(/^db_pool_waiting_requests \d+$/m);
    // No dispatcher in this process: no delivery metrics either.
    expect(response.text).not.toMatch(/^reminders_/m);
  });

  it('is not part of the API document', async () => {
    const document = (await request(app.getHttpServer()).get('/docs-json').expect(200)).body;
    expect(Object.keys(document.paths)).not.toContain('/metrics');
  });
});
