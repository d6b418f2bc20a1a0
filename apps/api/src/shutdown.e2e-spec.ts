import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { drainConnections, stopApp } from '@task-api/core';
import { createTestUser, resetDatabase, testDatabaseUrl } from '@task-api/core/testing';
import { WebhookReceiver, eventually } from '@task-api/reminders/testing';
import { Client } from 'pg';
import { Pool } from 'undici';
import { createApiApp } from './testing/create-api-app';

const CLIENTS = 8;
const REMINDERS = 60;

/** What one keep-alive client saw: it sends until an answer says the connection closes. */
interface ClientRun {
  answered: number;
  failed: string[];
  closedByServer: boolean;
}

/**
 * A keep-alive client that sends requests one after the other (creates and reads) until an
 * answer carries `Connection: close`: a well-behaved client then goes elsewhere.
 */
async function keepAliveClient(
  origin: string,
  headers: Record<string, string>,
  index: number,
  run: ClientRun,
): Promise<void> {
  const pool = new Pool(origin, { connections: 1 });
  try {
    for (let i = 0; ; i++) {
      let response;
      try {
        response = await pool.request(
          (index + i) % 2 === 0
            ? { path: '/tasks?limit=5', method: 'GET', headers }
            : {
                path: '/tasks',
                method: 'POST',
                headers: { ...headers, 'content-type': 'application/json' },
                body: JSON.stringify({ title: `load ${index}.${i}` }),
              },
        );
      } catch (error) {
        run.failed.push(String(error));
        return;
      }
      await response.body.dump();
      if (response.statusCode >= 400) run.failed.push(`HTTP ${response.statusCode}`);
      run.answered++;
      if (response.headers.connection === 'close') {
        run.closedByServer = true;
        return;
      }
    }
  } finally {
    await pool.close();
  }
}

/**
 * The stop that SIGTERM runs (`stopApp`, as `main.ts` wires it), under load: keep-alive clients
 * sending requests and a dispatcher with webhook calls in flight. Nothing in flight fails, and
 * no reminder is left waiting for a lease.
 */
describe('Stopping under load (e2e)', () => {
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
  });
  afterAll(() => receiver.close());

  it('answers every request in flight, says Connection: close, and leaves no claim behind', async () => {
    const app: NestFastifyApplication = await createApiApp(testDatabaseUrl(), {
      REMINDERS_WEBHOOK_URL: receiver.url,
      REMINDERS_WEBHOOK_SECRET: receiver.secret,
      REMINDERS_POLL_INTERVAL_MS: '20',
      REMINDERS_CONCURRENCY: '10',
      REMINDERS_BATCH_SIZE: '10',
    });
    await resetDatabase(app);
    const user = await createTestUser(app);
    await app.listen(0, '127.0.0.1');
    const origin = await app.getUrl();
    // Slow answers keep calls in flight when the stop comes.
    receiver.respond = () => ({
      status: 204,
      after: new Promise((resolve) => setTimeout(resolve, 150)),
    });
    const db = new Client({ connectionString: testDatabaseUrl() });
    await db.connect();
    try {
      await db.query(
        `WITH task AS (
           INSERT INTO tasks (owner_id, title)
           SELECT $2, 'due ' || i FROM generate_series(1, $1) i RETURNING id)
         INSERT INTO reminders (task_id, remind_at, next_attempt_at, firing_id)
         SELECT id, now(), now(), gen_random_uuid() FROM task`,
        [REMINDERS, user.id],
      );
      const runs: ClientRun[] = Array.from({ length: CLIENTS }, () => ({
        answered: 0,
        failed: [],
        closedByServer: false,
      }));
      const clients = runs.map((run, index) => keepAliveClient(origin, user.headers, index, run));
      await eventually(
        () => runs.every((run) => run.answered >= 5) && receiver.receipts.length > 0,
        {
          what: 'load on every client and webhook calls in flight',
        },
      );

      const stopped = stopApp(app, { drain: () => drainConnections(app, 10_000) });
      const ready = await fetch(`${origin}/health/ready`);
      expect(ready.status).toBe(503);
      expect(ready.headers.get('connection')).toBe('close');
      await Promise.all(clients);
      await stopped;

      expect(runs.flatMap((run) => run.failed)).toEqual([]);
      expect(runs.every((run) => run.closedByServer)).toBe(true);
      // Every call made was recorded; claims not sent were given back, attempt and all.
      const delivered: { id: string }[] = (
        await db.query(`SELECT id FROM reminders WHERE status = 'delivered'`)
      ).rows;
      expect(delivered.map((row) => row.id).sort()).toEqual(
        [...receiver.byReminder().keys()].sort(),
      );
      expect(delivered.length).toBeLessThan(REMINDERS);
      const [left] = (
        await db.query(
          `SELECT count(*) FILTER (WHERE leased_by IS NOT NULL)::int AS leased,
                  count(*) FILTER (WHERE status = 'scheduled' AND attempts > 0)::int AS half_tried
             FROM reminders`,
        )
      ).rows;
      expect(left).toEqual({ leased: 0, half_tried: 0 });
    } finally {
      await db.end();
    }
  });
});
