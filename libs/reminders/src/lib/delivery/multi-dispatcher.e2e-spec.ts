import { Logger } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  TestUser,
  createTestApp,
  createTestUser,
  onRealPostgres,
  resetDatabase,
} from '@task-api/core/testing';
import { DataSource } from 'typeorm';
import { Receipt, WebhookReceiver, eventually } from '../../testing';
import { remindersMigrations } from '../migrations';
import { RemindersModule } from '../reminders.module';
import { ReminderDispatcher } from './reminder-dispatcher';

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
const CONCURRENCY = 25;

/** A dispatcher as a worker process has it: the reminders module wired alone, its own pool. */
interface Worker {
  app: NestFastifyApplication;
  dispatcher: ReminderDispatcher;
  dataSource: DataSource;
}

interface Firing {
  id: string;
  firingId: string;
  attempts: number;
}

/**
 * Delivery is at least once: a call that times out (or whose outcome is lost) is retried under
 * a new lease, with the same webhook-id, so that the receiver can deduplicate. What never
 * happens is two calls under one lease, or one firing under two webhook-ids.
 */
function expectAtMostOncePerLease(byReminder: Map<string, Receipt[]>, all: Firing[]): void {
  for (const { id, firingId, attempts } of all) {
    const receipts = byReminder.get(id) ?? [];
    expect(new Set(receipts.map((receipt) => receipt.webhookId))).toEqual(new Set([firingId]));
    const leases = receipts.map((receipt) => receipt.payload.reminder.attempts);
    expect(new Set(leases).size).toBe(leases.length);
    expect(Math.max(...leases)).toBeLessThanOrEqual(attempts);
  }
}

/**
 * On PostgreSQL and on the embedded default: there, each connection's transaction has the one
 * PGlite session to itself, so `FOR UPDATE SKIP LOCKED` claims never overlap either.
 */
describe('Several dispatchers on one database (e2e)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let receiver: WebhookReceiver;
  let dispatchers: Worker[] = [];
  /** Whose tasks the reminders are. */
  let owner: TestUser;

  /**
   * `count` reminders due now, written as after some downtime, each on a task of its own (a
   * webhook carries the task with all its reminders, as the API shows it).
   */
  async function insertDueReminders(count: number): Promise<void> {
    await db.query(
      `WITH task AS (
         INSERT INTO tasks (owner_id, title)
         SELECT $2, 'Task ' || i FROM generate_series(1, $1) AS i RETURNING id)
       INSERT INTO reminders (task_id, remind_at, next_attempt_at, firing_id)
       SELECT id, now() - n * interval '1 millisecond', now() - n * interval '1 millisecond',
              gen_random_uuid()
         FROM (SELECT id, row_number() OVER () AS n FROM task) AS numbered`,
      [count, owner.id],
    );
  }

  /** Each dispatcher has its own pool and its own path on the receiver, to tell them apart. */
  async function createDispatchers(paths: string[]): Promise<Worker[]> {
    const started = await Promise.all(
      paths.map(async (path): Promise<Worker> => {
        const worker = await createTestApp({
          poolSize: 4,
          migrations: remindersMigrations,
          imports: [
            RemindersModule.forRoot({
              webhook: { url: `${receiver.url}${path}`, secret: receiver.secret },
              dispatcher: {
                pollIntervalMs: 20,
                batchSize: BATCH_SIZE,
                concurrency: CONCURRENCY,
                leaseMs: LEASE_MS,
                timeoutMs: WEBHOOK_TIMEOUT_MS,
                maxAttempts: 5,
                backoffBaseMs: 50,
              },
            }),
          ],
        });
        const dispatcher = worker.get(ReminderDispatcher);
        // Each test starts them when its reminders are in place.
        await dispatcher.stop();
        return { app: worker, dispatcher, dataSource: worker.get(DataSource) };
      }),
    );
    dispatchers.push(...started);
    return started;
  }

  const firings = (): Promise<Firing[]> =>
    db.query(`SELECT id, firing_id AS "firingId", attempts FROM reminders`);

  const deliveredCount = async (): Promise<number> =>
    (await db.query(`SELECT count(*)::int AS n FROM reminders WHERE status = 'delivered'`))[0].n;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    app = await createTestApp({
      imports: [RemindersModule.forRoot({ dispatcher: { enabled: false } })],
      migrations: remindersMigrations,
    });
    db = app.get(DataSource);
    owner = await createTestUser(app);
    // The dying dispatcher would be loud.
    if (!process.env.TEST_LOG_LEVEL) Logger.overrideLogger(false);
  });
  beforeEach(async () => {
    await resetDatabase(app);
    receiver.reset();
  });
  afterEach(async () => {
    await Promise.all(dispatchers.map((worker) => worker.app.close()));
    dispatchers = [];
  });
  afterAll(async () => {
    await app.close();
    await receiver.close();
  });

  it(`three dispatchers deliver ${REMINDERS} reminders due at once: every one, at most once per lease, under one webhook-id`, async () => {
    await insertDueReminders(REMINDERS);
    for (const { dispatcher } of await createDispatchers(['/a', '/b', '/c'])) dispatcher.start();
    await eventually(async () => (await deliveredCount()) === REMINDERS, {
      timeoutMs: DELIVERY_DEADLINE_MS,
      what: `${REMINDERS} delivered reminders`,
    });

    expect(receiver.invalid).toBe(0);
    const byReminder = receiver.byReminder();
    expect(byReminder.size).toBe(REMINDERS);
    expectAtMostOncePerLease(byReminder, await firings());
    // All three took part.
    for (const path of ['/a', '/b', '/c'])
      expect(receiver.receipts.some((receipt) => receipt.path === path)).toBe(true);
    // The log has one row per attempt, and each reminder a delivered one.
    const [log] = await db.query(
      `SELECT count(*)::int AS rows, count(DISTINCT (reminder_id, attempt))::int AS attempts,
              count(DISTINCT reminder_id) FILTER (WHERE outcome = 'delivered')::int AS delivered,
              (SELECT sum(attempts)::int FROM reminders) AS claims
         FROM reminder_deliveries`,
    );
    expect(log.rows).toBe(log.attempts);
    expect(log.attempts).toBe(log.claims);
    expect(log.delivered).toBe(REMINDERS);
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
    // Every call the victim had in flight when it died came again from a survivor, after the
    // lease ran out, under the same webhook-id: the receiver can tell it is the same firing.
    expect(inFlightAtDeath.length).toBeGreaterThan(0);
    for (const held of inFlightAtDeath) {
      const receipts = byReminder.get(held.payload.reminder.id) ?? [];
      const retry = receipts.find(
        (receipt) => receipt.path !== '/victim' && receipt.receivedAt > held.receivedAt,
      );
      expect(retry).toBeDefined();
      expect(retry?.webhookId).toBe(held.webhookId);
      // The victim's claim is the reminder's last update it sent; the retry comes after its lease.
      const claimedAt = Date.parse(held.payload.reminder.updatedAt);
      expect((retry?.receivedAt ?? 0) - claimedAt).toBeGreaterThanOrEqual(LEASE_MS - 100);
    }
    expectAtMostOncePerLease(byReminder, await firings());
    const [log] = await db.query(
      `SELECT count(DISTINCT reminder_id) FILTER (WHERE outcome = 'delivered')::int AS delivered
         FROM reminder_deliveries`,
    );
    expect(log.delivered).toBe(REMINDERS);
  });
});
