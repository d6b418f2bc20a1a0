import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createTestApp, createTestUser, resetDatabase } from '@task-api/core/testing';
import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { eventually, newWebhookSecret } from '../../testing';
import { remindersMigrations } from '../migrations';
import { RemindersModule } from '../reminders.module';

const TIMEOUT_MS = 2_000;
/** Well inside the timeout, with room for a loaded test machine's pauses. */
const RECEIVER_DELAY_MS = 0.5 * TIMEOUT_MS;
const REMINDERS = 300;

/**
 * The webhook timeout measures the call alone: a receiver that answers every call at half the
 * timeout, while the dispatcher has many calls in flight and the API serves requests in
 * the same process, is never retried. The receiver runs in a process of its own, so that it
 * answers on time whatever the load of this one.
 */
describe('Webhook timeout under load (e2e)', () => {
  let app: NestFastifyApplication;
  let receiver: ChildProcess;
  let receiverUrl: string;
  let db: DataSource;

  beforeAll(async () => {
    receiver = spawn(
      process.execPath,
      ['-r', '@swc-node/register', join(__dirname, '../../testing/slow-receiver.ts')],
      { env: { ...process.env, RECEIVER_DELAY_MS: String(RECEIVER_DELAY_MS) } },
    );
    const [port] = await once(receiver.stdout!, 'data');
    receiverUrl = `http://127.0.0.1:${String(port).trim()}`;
    app = await createTestApp({
      migrations: remindersMigrations,
      imports: [
        RemindersModule.forRoot({
          webhook: { url: receiverUrl, secret: newWebhookSecret() },
          dispatcher: {
            pollIntervalMs: 20,
            concurrency: 100,
            batchSize: 50,
            timeoutMs: TIMEOUT_MS,
            leaseMs: 10 * TIMEOUT_MS,
            backoffBaseMs: 10,
          },
        }),
      ],
    });
    db = app.get(DataSource);
    await resetDatabase(app);
  });
  afterAll(async () => {
    await app?.close();
    receiver?.kill('SIGTERM');
  });

  it('delivers every reminder on its first attempt when the receiver answers at half the timeout', async () => {
    const user = await createTestUser(app);
    await db.query(
      `WITH task AS (
         INSERT INTO tasks (owner_id, title)
         SELECT $2, 'due ' || i FROM generate_series(1, $1) i RETURNING id)
       INSERT INTO reminders (task_id, remind_at, next_attempt_at, firing_id)
       SELECT id, now(), now(), gen_random_uuid() FROM task`,
      [REMINDERS, user.id],
    );
    const http = request.agent(app.getHttpServer()).set(user.headers);
    let done = false;
    // The API's own work in the same process, all along.
    const load = (async () => {
      while (!done) await Promise.all([1, 2, 3].map(() => http.get('/tasks?limit=50')));
    })();
    try {
      await eventually(
        async () =>
          (
            await db.query(`SELECT count(*)::int AS n FROM reminders WHERE status <> 'scheduled'`)
          )[0].n === REMINDERS,
        { timeoutMs: 60_000, what: `${REMINDERS} reminders done` },
      );
    } finally {
      done = true;
      await load;
    }
    const outcomes = await db.query(
      `SELECT outcome, attempt, count(*)::int AS n FROM reminder_deliveries GROUP BY 1, 2`,
    );
    expect(outcomes).toEqual([{ outcome: 'delivered', attempt: 1, n: REMINDERS }]);
    // Calls per webhook-id (= firing) of this test's reminders: each exactly one. Only these
    // are counted, so that a call from another suite's process cannot blur the figure.
    const calls = (await (await fetch(`${receiverUrl}/calls`)).json()) as Record<string, number>;
    const firings: { firing_id: string }[] = await db.query(`SELECT firing_id FROM reminders`);
    expect(firings.map(({ firing_id }) => calls[firing_id] ?? 0)).toEqual(Array(REMINDERS).fill(1));
  });
});
