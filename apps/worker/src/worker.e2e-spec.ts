import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Shutdown, stopApp } from '@task-api/core';
import {
  TestUser,
  createTestApp,
  createTestUser,
  resetDatabase,
  testDatabaseUrl,
} from '@task-api/core/testing';
import { WebhookReceiver, eventually } from '@task-api/reminders/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { loadWorkerEnvironment } from './config/environment';
import { features } from './features';
import { ProbeServer } from './probe-server';
import { WorkerModule } from './worker.module';

type TaskView = Record<string, unknown> & { tags: unknown[]; reminders: unknown[] };

/**
 * The worker as `main.ts` builds it (its own pool, no API), next to an API process whose
 * dispatcher is off, on the test database: it delivers what the API schedules, with the task as
 * the API shows it, answers its probes and serves its metrics.
 */
describe('Reminders worker (e2e)', () => {
  let api: NestFastifyApplication;
  let worker: INestApplicationContext;
  let probes: ProbeServer;
  let receiver: WebhookReceiver;
  let user: TestUser;
  const probe = (path: string, headers: Record<string, string> = {}) =>
    fetch(`http://127.0.0.1:${probes.port}${path}`, { headers });

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    const env = loadWorkerEnvironment({
      DATABASE_URL: testDatabaseUrl(),
      DB_POOL_SIZE: '3',
      LOG_LEVEL: 'silent',
      REMINDERS_WEBHOOK_URL: receiver.url,
      REMINDERS_WEBHOOK_SECRET: receiver.secret,
      REMINDERS_POLL_INTERVAL_MS: '50',
    });
    // The API side composes the worker's own list of features, its dispatcher off.
    api = await createTestApp({
      imports: features.map((feature) =>
        feature.module({ ...env, REMINDERS_DISPATCHER_ENABLED: false }),
      ),
      migrations: features.flatMap((feature) => [...feature.migrations]),
    });
    await resetDatabase(api);
    user = await createTestUser(api);
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(env), {
      logger: false,
    });
    probes = await ProbeServer.start(worker, 0, '127.0.0.1');
  });
  afterAll(async () => {
    if (worker) await stopApp(worker, { afterClose: () => probes.close() });
    await api?.close();
    await receiver?.close();
  });

  it('delivers a reminder scheduled through the API, with its owner and the task as the API shows it', async () => {
    const http = request.agent(api.getHttpServer()).set(user.headers);
    const task = (await http.post('/tasks').send({ title: 'Call the bank' }).expect(201)).body;
    await http.post(`/tasks/${task.id}/tags`).send({ name: 'errands' }).expect(201);
    const remindAt = new Date(Date.now() + 200).toISOString();
    const reminder = (await http.post(`/tasks/${task.id}/reminders`).send({ remindAt }).expect(201))
      .body;

    const [receipt] = await eventually(() => receiver.byReminder().get(reminder.id), {
      what: 'the webhook call',
    });
    await eventually(
      async () => (await http.get(`/reminders/${reminder.id}`)).body.status === 'delivered',
      { what: 'the delivered status' },
    );
    const view = (await http.get(`/tasks/${task.id}`).expect(200)).body;
    // The same view, but for what delivering changed since: the reminder's own state.
    const { reminders: sentReminders, ...sentTask } = receipt.payload.task as unknown as TaskView;
    const { reminders: viewReminders, ...viewTask } = view;
    expect(sentTask).toEqual(viewTask);
    expect(sentTask.tags).toEqual([expect.objectContaining({ name: 'errands' })]);
    expect(sentReminders).toEqual([
      {
        ...viewReminders[0],
        status: 'scheduled',
        deliveredAt: null,
        updatedAt: expect.any(String),
      },
    ]);
    expect(receipt.payload.reminder).toEqual(sentReminders[0]);
    expect(receipt.payload.ownerId).toBe(user.id);
  });

  it("answers its probes, and serves its metrics to the administrator's token", async () => {
    expect((await probe('/health/live')).status).toBe(200);
    const ready = await probe('/health/ready');
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ok' }]);
    expect((await probe('/nope')).status).toBe(404);

    const anonymous = await probe('/metrics');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer realm="Task API"');
    expect((await probe('/metrics', user.headers)).status).toBe(403);
    const administrator = await createTestUser(api, { administrator: true });
    const metrics = await probe('/metrics', administrator.headers);
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await metrics.text();
    expect(text).toMatch(/^reminders_deliveries_total\{outcome="delivered"\} [1-9]/m);
    expect(text).toMatch(/^reminders_delivery_lateness_seconds_count [1-9]/m);
    expect(text).toMatch(/^reminders_due \d+$/m);
    expect(text).toMatch(/^db_pool_connections_in_use \d+$/m);
    expect(text).toMatch(/^db_pool_waiting_requests \d+$/m);
    expect(text).toMatch(/^process_cpu_seconds_total /m);
  });

  it('is not ready once its stop has begun', async () => {
    worker.get(Shutdown).begin();
    const ready = await probe('/health/ready');
    expect([ready.status, await ready.json()]).toEqual([503, { status: 'stopping' }]);
    expect((await probe('/health/live')).status).toBe(200);
  });
});
