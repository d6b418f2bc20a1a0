import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createTestUser, testDatabaseUrl } from '@task-api/core/testing';
import request from 'supertest';
import { createApiApp } from '../testing/create-api-app';

/** What Prometheus sends: the administrator's token (here `ADMIN_TOKEN`) as a bearer token. */
const ADMIN_TOKEN = 'prometheus-scrapes-with-the-administrator-token';

describe('GET /metrics (e2e)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<typeof request>;
  let scraper: ReturnType<typeof request>;

  beforeAll(async () => {
    app = await createApiApp(testDatabaseUrl(), {
      REMINDERS_DISPATCHER_ENABLED: 'false',
      ADMIN_TOKEN,
    });
    http = request.agent(app.getHttpServer()).set((await createTestUser(app)).headers);
    scraper = request.agent(app.getHttpServer()).set('Authorization', `Bearer ${ADMIN_TOKEN}`);
  });
  afterAll(() => app.close());

  it("is the administrator's: 401 without a token, 403 for a user", async () => {
    const anonymous = await request(app.getHttpServer()).get('/metrics').expect(401);
    expect(anonymous.headers['www-authenticate']).toBe('Bearer realm="Task API"');
    const user = await http.get('/metrics').expect(403);
    expect(user.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('counts requests by route pattern and status, and shows the pool, in Prometheus text', async () => {
    const task = (await http.post('/tasks').send({ title: 'Measured' }).expect(201)).body;
    await http.get(`/tasks/${task.id}`).expect(200);
    await http.get(`/tasks/${task.id}`).expect(200);
    await http.get('/tasks/not-a-uuid').expect(400);

    const response = await scraper.get('/metrics').expect(200);
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
