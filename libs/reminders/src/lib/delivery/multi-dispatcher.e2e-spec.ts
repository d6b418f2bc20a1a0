import { Logger } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  createTestApp,
  onRealPostgres,
  resetDatabase,
  testDatabaseUrl,
} from '@task-api/core/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Receipt, WebhookReceiver, eventually } from '../../testing';
import { remindersMigrations } from '../migrations';
import { RemindersModule } from '../reminders.module';
import { StandaloneDispatcher, createStandaloneDispatcher } from './standalone-dispatcher';

const REMINDERS = 1_000;
/**
 * Exactly once holds while a batch is delivered and recorded within its lease (after that,
 * at-least-once redelivers it under the same webhook-id). Embedded PostgreSQL runs the three
 * dispatchers' statements one at a time on its single session, so its batches take longer.
 */
const LEASE_MS = onRealPostgres() ? 3_000 : 20_000;
/** A receiver that answers is never timed out, however busy the dispatcher's database is. */
const WEBHOOK_TIMEOUT_MS = LEASE_MS / 2;
const DELIVERY_DEADLINE_MS = 30_000 + LEASE_MS;
const BATCH_SIZE = 25;

/**
 * On PostgreSQL and on the embedded default: there, each connection's transaction has the one
 * PGlite session to itself, so `FOR UPDATE SKIP LOCKED` claims never overlap either.
 */
describe('Several dispatchers on one database (e2e)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let receiver: WebhookReceiver;
  let dispatchers: StandaloneDispatcher[] = [];

  /** `count` reminders due now, spread over a few tasks, written as after some downtime. */
  async function insertDueReminders(count: number): Promise<void> {
    const http = request(app.getHttpServer());
    const taskIds: string[] = [];
    for (let i = 0; i < 5; i++)
      taskIds.push(
        (
          await http
            .post('/tasks')
            .send({ title: `Task ${i}` })
            .expect(201)
        ).body.id,
      );
    await db.query(
      `INSERT INTO reminders (task_id, remind_at, next_attempt_at, firing_id)
       SELECT ($1::uuid[])[1 + i % 5], now() - i * interval '1 millisecond',
              now() - i * interval '1 millisecond', gen_random_uuid()
         FROM generate_series(1, $2) AS i`,
      [taskIds, count],
    );
  }

  /** Each dispatcher has its own pool and its own path on the receiver, to tell them apart. */
  async function createDispatchers(paths: string[]): Promise<StandaloneDispatcher[]> {
    const started = await Promise.all(
      paths.map((path) =>
        createStandaloneDispatcher({
          databaseUrl: testDatabaseUrl(),
          poolSize: 4,
          webhook: { url: `${receiver.url}${path}`, secret: receiver.secret },
          dispatcher: {
            pollIntervalMs: 20,
            batchSize: BATCH_SIZE,
            leaseMs: LEASE_MS,
            timeoutMs: WEBHOOK_TIMEOUT_MS,
            maxAttempts: 5,
            backoffBaseMs: 50,
          },
        }),
      ),
    );
    dispatchers.push(...started);
    return started;
  }

  const deliveredCount = async (): Promise<number> =>
    (await db.query(`SELECT count(*)::int AS n FROM reminders WHERE status = 'delivered'`))[0].n;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    app = await createTestApp({
      imports: [RemindersModule.forRoot({ dispatcher: { enabled: false } })],
      migrations: remindersMigrations,
    });
    db = app.get(DataSource);
    // The dispatchers outside the app log to the console; the dying one would be loud.
    if (!process.env.TEST_LOG_LEVEL) Logger.overrideLogger(false);
  });
  beforeEach(async () => {
    await resetDatabase(app);
    receiver.reset();
  });
  afterEach(async () => {
    await Promise.all(dispatchers.map((worker) => worker.close()));
    dispatchers = [];
  });
  afterAll(async () => {
    await app.close();
    await receiver.close();
  });

  it(`three dispatchers deliver ${REMINDERS} reminders due at once, each exactly once`, async () => {
    await insertDueReminders(REMINDERS);
    for (const { dispatcher } of await createDispatchers(['/a', '/b', '/c'])) dispatcher.start();
    await eventually(async () => (await deliveredCount()) === REMINDERS, {
      timeoutMs: DELIVERY_DEADLINE_MS,
      what: `${REMINDERS} delivered reminders`,
    });

    expect(receiver.invalid).toBe(0);
    const byReminder = receiver.byReminder();
    expect(byReminder.size).toBe(REMINDERS);
    expect([...byReminder.values()].filter((receipts) => receipts.length !== 1)).toEqual([]);
    // All three took part.
    for (const path of ['/a', '/b', '/c'])
      expect(receiver.receipts.some((receipt) => receipt.path === path)).toBe(true);
    const [log] = await db.query(
      `SELECT count(*)::int AS attempts, count(DISTINCT reminder_id)::int AS reminders,
              bool_and(outcome = 'delivered') AS all_delivered
         FROM reminder_deliveries`,
    );
    expect(log).toEqual({ attempts: REMINDERS, reminders: REMINDERS, all_delivered: true });
  });

  it('loses nothing when a dispatcher dies mid-delivery: its claims are retried after the lease', async () => {
    await insertDueReminders(REMINDERS);
    // The victim delivers normally for a while; then, with calls in flight, it dies (its pool
    // is gone, as with the process), and only after that do its calls in flight get answered.
    let victimReceipts = 0;
    const inFlightAtDeath: Receipt[] = [];
    let died: Promise<void> | undefined;
    const [victim, ...survivors] = await createDispatchers(['/victim', '/a', '/b']);
    receiver.respond = (receipt) => {
      if (receipt.path !== '/victim' || ++victimReceipts <= 20) return { status: 200 };
      inFlightAtDeath.push(receipt);
      died ??= victim.dataSource.destroy();
      return { status: 200, after: died };
    };
    victim.dispatcher.start();
    for (const { dispatcher } of survivors) dispatcher.start();

    await eventually(async () => (await deliveredCount()) === REMINDERS, {
      timeoutMs: DELIVERY_DEADLINE_MS,
      what: `${REMINDERS} delivered reminders`,
    });
    expect(died).toBeDefined();

    expect(receiver.invalid).toBe(0);
    const byReminder = receiver.byReminder();
    expect(byReminder.size).toBe(REMINDERS);
    const duplicated = [...byReminder.entries()].filter(([, receipts]) => receipts.length > 1);
    // Only calls of the victim's last batch came twice: the ones held until it died, and any
    // it had answered but not yet recorded. The receiver can tell: the second call, from a
    // survivor after the lease ran out, carries the same webhook-id.
    const duplicatedIds = duplicated.map(([id]) => id);
    expect(duplicatedIds).toEqual(
      expect.arrayContaining(inFlightAtDeath.map((receipt) => receipt.payload.reminder.id)),
    );
    expect(duplicated.length).toBeLessThanOrEqual(BATCH_SIZE);
    for (const [, [first, second, ...more]] of duplicated) {
      expect(more).toEqual([]);
      expect(first.path).toBe('/victim');
      expect(['/a', '/b']).toContain(second.path);
      expect(second.webhookId).toBe(first.webhookId);
      expect(second.receivedAt - first.receivedAt).toBeGreaterThanOrEqual(LEASE_MS - 500);
    }
    const [log] = await db.query(
      `SELECT count(*)::int AS attempts, count(DISTINCT reminder_id)::int AS reminders
         FROM reminder_deliveries WHERE outcome = 'delivered'`,
    );
    expect(log).toEqual({ attempts: REMINDERS, reminders: REMINDERS });
  });
});
