import { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  StatementCounter,
  TestUser,
  createTestApp,
  createTestUser,
  resetDatabase,
} from '@task-api/core/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { WebhookReceiver, eventually } from '../testing';
import { DispatchRepository } from './delivery/dispatch.repository';
import { ReminderDispatcher } from './delivery/reminder-dispatcher';
import { remindersMigrations } from './migrations';
import { RemindersModule } from './reminders.module';

const PROBLEM = /^application\/problem\+json/;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();

type Body = Record<string, unknown> & { id: string };

/**
 * Boots core + reminders alone (no other feature), delivering to `webhookUrl` or to the log;
 * `http` is one user's.
 */
async function bootApp(webhook?: { url: string; secret: string }) {
  const app = await createTestApp({
    imports: [
      RemindersModule.forRoot({
        webhook,
        dispatcher: {
          pollIntervalMs: 25,
          batchSize: 20,
          leaseMs: 2_000,
          timeoutMs: 300,
          maxAttempts: 3,
          backoffBaseMs: 20,
        },
      }),
    ],
    migrations: remindersMigrations,
  });
  const user = await createTestUser(app);
  const http = request.agent(app.getHttpServer()).set(user.headers);
  return { app, user, http, db: app.get(DataSource) };
}

describe('Reminders (e2e)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<typeof request>;
  let db: DataSource;
  let user: TestUser;
  let receiver: WebhookReceiver;

  const createTask = async (body: Record<string, unknown> = {}): Promise<Body> =>
    (
      await http
        .post('/tasks')
        .send({ title: 'Renew passport', ...body })
        .expect(201)
    ).body;
  const createReminder = async (body: Record<string, unknown>): Promise<Body> =>
    (await http.post('/reminders').send(body).expect(201)).body;
  const getReminder = async (id: string): Promise<Body> =>
    (await http.get(`/reminders/${id}`).expect(200)).body;
  const countReminders = async (): Promise<number> =>
    (await db.query('SELECT count(*)::int AS n FROM reminders'))[0].n;
  const deliveriesOf = async (id: string): Promise<Body[]> =>
    (await http.get(`/reminders/${id}/deliveries`).expect(200)).body.items;
  /** Polls the API until the reminder reaches `status`. */
  const reminderReaches = (id: string, status: string) =>
    eventually(
      async () => {
        const reminder = await getReminder(id);
        return reminder.status === status ? reminder : undefined;
      },
      { what: `reminder ${id} to be ${status}` },
    );

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    ({ app, user, http, db } = await bootApp({
      url: `${receiver.url}/hooks`,
      secret: receiver.secret,
    }));
  });
  beforeEach(async () => {
    await resetDatabase(app);
    receiver.reset();
  });
  afterAll(async () => {
    await app.close();
    await receiver.close();
  });

  describe('create and read', () => {
    it('creates an absolute reminder with a Location and an ETag, and reads it back', async () => {
      const task = await createTask();
      const remindAt = '2030-01-01T09:00:00+02:00';
      const response = await http
        .post('/reminders')
        .send({ taskId: task.id, remindAt, note: 'Photos' })
        .expect(201);
      expect(response.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        taskId: task.id,
        remindAt: '2030-01-01T07:00:00.000Z',
        offsetMinutes: null,
        note: 'Photos',
        status: 'scheduled',
        attempts: 0,
        deliveredAt: null,
        lastError: null,
        createdAt: expect.stringMatching(/Z$/),
        updatedAt: expect.stringMatching(/Z$/),
      });
      expect(response.headers.location).toBe(`/reminders/${response.body.id}`);
      expect(response.headers.etag).toMatch(/^"[\w-]{22}"$/);
      const read = await http.get(`/reminders/${response.body.id}`).expect(200);
      expect(read.body).toEqual(response.body);
      expect(read.headers.etag).toBe(response.headers.etag);
    });

    it('creates a relative reminder through the task route, offsetMinutes before the due date', async () => {
      const task = await createTask({ dueAt: '2030-01-01T10:00:00Z' });
      const response = await http
        .post(`/tasks/${task.id}/reminders`)
        .send({ offsetMinutes: 90 })
        .expect(201);
      expect(response.body).toMatchObject({
        taskId: task.id,
        offsetMinutes: 90,
        remindAt: '2030-01-01T08:30:00.000Z',
        note: null,
      });
      expect(response.headers.location).toBe(`/reminders/${response.body.id}`);
    });

    it('carries the reminders in task views, one statement for a whole page', async () => {
      // The dispatcher's polls share the DataSource: it stands aside while statements are counted.
      const counter = new StatementCounter(db);
      await app.get(ReminderDispatcher).stop();
      try {
        const first = await createTask({ title: 'one' });
        await createReminder({ taskId: first.id, remindAt: inMinutes(60) });
        await createReminder({ taskId: first.id, remindAt: inMinutes(30) });
        const few = await counter.count(() => http.get('/tasks').expect(200));
        for (let i = 0; i < 4; i++) {
          const task = await createTask({ title: `more ${i}` });
          await createReminder({ taskId: task.id, remindAt: inMinutes(10 + i) });
        }
        const many = await counter.count(() => http.get('/tasks').expect(200));
        expect(many.length).toBe(few.length);
        // The page with every task's reminders: core's one statement.
        expect(many).toEqual([expect.stringMatching(/FROM reminders reminder/)]);
      } finally {
        counter.restore();
        app.get(ReminderDispatcher).start();
      }
      const page = (await http.get('/tasks').expect(200)).body;
      const one = page.items.find((task: Body) => task.title === 'one');
      expect(one.reminders.map((r: Body) => r.remindAt)).toEqual(
        [...one.reminders.map((r: Body) => r.remindAt)].sort(),
      );
      expect(one.reminders).toHaveLength(2);
      const single = (await http.get(`/tasks/${one.id}`).expect(200)).body;
      expect(single.reminders).toEqual(one.reminders);
    });
  });

  describe('bad input is a problem and changes nothing', () => {
    let task: Body;
    beforeEach(async () => {
      task = await createTask();
    });

    it.each([
      ['a remindAt in the past', { remindAt: '2020-01-01T00:00:00Z' }, 'remindAt'],
      ['a naive instant', { remindAt: '2030-01-01T09:00:00' }, 'remindAt'],
      [
        'both absolute and relative',
        { remindAt: '2030-01-01T09:00:00Z', offsetMinutes: 5 },
        'remindAt',
      ],
      ['neither absolute nor relative', { note: 'when?' }, 'remindAt'],
      ['an offset out of range', { offsetMinutes: 525_601 }, 'offsetMinutes'],
      ['a negative offset', { offsetMinutes: -1 }, 'offsetMinutes'],
      ['a fractional offset', { offsetMinutes: 1.5 }, 'offsetMinutes'],
      [
        'a note over 500 characters',
        { remindAt: '2030-01-01T09:00:00Z', note: 'x'.repeat(501) },
        'note',
      ],
      ['an unknown field', { remindAt: '2030-01-01T09:00:00Z', channel: 'sms' }, 'channel'],
    ])('400 for %s', async (_, body, field) => {
      for (const [url, sent] of [
        ['/reminders', { taskId: task.id, ...body }],
        [`/tasks/${task.id}/reminders`, body],
      ] as const) {
        const response = await http.post(url).send(sent).expect(400);
        expect(response.headers['content-type']).toMatch(PROBLEM);
        expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      }
      expect(await countReminders()).toBe(0);
    });

    it('400 for a taskId or a path id that is not a UUID', async () => {
      await http.post('/reminders').send({ taskId: 'abc', offsetMinutes: 5 }).expect(400);
      await http.post('/tasks/abc/reminders').send({ offsetMinutes: 5 }).expect(400);
      await http.get('/reminders/abc').expect(400);
      await http.get('/tasks/abc/reminders').expect(400);
      expect(await countReminders()).toBe(0);
    });

    it('404 for an unknown task, in the body or in the path', async () => {
      const body = { remindAt: '2030-01-01T09:00:00Z' };
      const response = await http
        .post('/reminders')
        .send({ taskId: UNKNOWN, ...body })
        .expect(404);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      await http.post(`/tasks/${UNKNOWN}/reminders`).send(body).expect(404);
      await http.get(`/tasks/${UNKNOWN}/reminders`).expect(404);
      expect(await countReminders()).toBe(0);
    });

    it('422 for a relative reminder on a task without a due date, or one that would fire in the past', async () => {
      const noDue = await http
        .post(`/tasks/${task.id}/reminders`)
        .send({ offsetMinutes: 10 })
        .expect(422);
      expect(noDue.headers['content-type']).toMatch(PROBLEM);
      expect(noDue.body.errors).toEqual([
        { field: 'offsetMinutes', message: 'needs a task with a due date' },
      ]);
      const soon = await createTask({ dueAt: inMinutes(5) });
      await http.post(`/tasks/${soon.id}/reminders`).send({ offsetMinutes: 10 }).expect(422);
      expect(await countReminders()).toBe(0);
    });

    it('422 for a reminder on a done task', async () => {
      const done = await createTask({ status: 'done' });
      await http
        .post(`/tasks/${done.id}/reminders`)
        .send({ remindAt: '2030-01-01T09:00:00Z' })
        .expect(422);
      expect(await countReminders()).toBe(0);
    });

    it('404 for every route of a reminder that does not exist', async () => {
      await http.get(`/reminders/${UNKNOWN}`).expect(404);
      await http.patch(`/reminders/${UNKNOWN}`).send({ note: 'x' }).expect(404);
      await http.post(`/reminders/${UNKNOWN}/snooze`).send({ minutes: 5 }).expect(404);
      await http.delete(`/reminders/${UNKNOWN}`).expect(404);
      await http.get(`/reminders/${UNKNOWN}/deliveries`).expect(404);
    });
  });

  describe('list', () => {
    it('pages by remindAt then id, without skips or repeats, and filters', async () => {
      const [a, b] = [await createTask(), await createTask()];
      const times = [40, 10, 30, 20, 50].map((m) => inMinutes(m));
      const created: Body[] = [];
      for (const [i, remindAt] of times.entries())
        created.push(await createReminder({ taskId: i % 2 ? b.id : a.id, remindAt }));
      const expected = [...created]
        .sort((x, y) => String(x.remindAt).localeCompare(String(y.remindAt)))
        .map((r) => r.id);

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query = `/reminders?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const page: { items: Body[]; nextCursor: string | null } = (
          await http.get(query).expect(200)
        ).body;
        seen.push(...page.items.map((r) => r.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(expected);

      const ofB = (await http.get(`/reminders?taskId=${b.id}`).expect(200)).body.items;
      expect(ofB.map((r: Body) => r.id).sort()).toEqual([created[1].id, created[3].id].sort());
      const nested = (await http.get(`/tasks/${b.id}/reminders`).expect(200)).body.items;
      expect(nested).toEqual(ofB);

      const window = (
        await http.get(`/reminders?dueAfter=${times[3]}&dueBefore=${times[0]}`).expect(200)
      ).body.items;
      expect(window.map((r: Body) => r.id)).toEqual([created[3].id, created[2].id]);

      await http.delete(`/reminders/${created[0].id}`).expect(204);
      await http.patch(`/tasks/${a.id}`).send({ status: 'done' }).expect(200);
      const cancelled = (await http.get('/reminders?status=cancelled,failed').expect(200)).body
        .items;
      expect(cancelled.map((r: Body) => r.id).sort()).toEqual(
        [created[2].id, created[4].id].sort(),
      );
    });

    it.each([
      'status=nope',
      'taskId=abc',
      'dueBefore=2030-01-01T00:00:00',
      'limit=0',
      'limit=201',
      'cursor=bm9wZQ',
      'color=red',
    ])('400 for ?%s', async (query) => {
      const response = await http.get(`/reminders?${query}`).expect(400);
      expect(response.headers['content-type']).toMatch(PROBLEM);
    });
  });

  describe('reschedule, snooze, delete', () => {
    it('changes the note alone, or the time (absolute or relative), with ETags', async () => {
      const task = await createTask({ dueAt: '2030-01-01T10:00:00Z' });
      const reminder = await createReminder({ taskId: task.id, remindAt: inMinutes(60) });
      const { etag: first } = (await http.get(`/reminders/${reminder.id}`).expect(200)).headers;
      const noted = await http
        .patch(`/reminders/${reminder.id}`)
        .send({ note: 'Bring ID' })
        .expect(200);
      expect(noted.body).toMatchObject({ note: 'Bring ID', remindAt: reminder.remindAt });
      expect(noted.headers.etag).not.toBe(first);

      const relative = await http
        .patch(`/reminders/${reminder.id}`)
        .set('If-Match', noted.headers.etag)
        .send({ offsetMinutes: 15 })
        .expect(200);
      expect(relative.body).toMatchObject({
        offsetMinutes: 15,
        remindAt: '2030-01-01T09:45:00.000Z',
      });

      await http
        .patch(`/reminders/${reminder.id}`)
        .set('If-Match', noted.headers.etag)
        .send({ remindAt: inMinutes(5) })
        .expect(412);
      await http
        .patch(`/reminders/${reminder.id}`)
        .send({ remindAt: '2020-01-01T00:00:00Z' })
        .expect(400);
      await http
        .patch(`/reminders/${reminder.id}`)
        .send({ remindAt: inMinutes(5), offsetMinutes: 3 })
        .expect(400);
      expect(await getReminder(reminder.id)).toEqual(relative.body);

      const absolute = await http
        .patch(`/reminders/${reminder.id}`)
        .send({ remindAt: '2029-06-01T00:00:00Z' })
        .expect(200);
      expect(absolute.body).toMatchObject({
        offsetMinutes: null,
        remindAt: '2029-06-01T00:00:00.000Z',
      });
    });

    it('snoozes: fires again minutes from now, as an absolute reminder', async () => {
      const task = await createTask({ dueAt: '2030-01-01T10:00:00Z' });
      const reminder = await createReminder({ taskId: task.id, offsetMinutes: 60 });
      const { etag } = (await http.get(`/reminders/${reminder.id}`).expect(200)).headers;
      const before = Date.now();
      const snoozed = await http
        .post(`/reminders/${reminder.id}/snooze`)
        .send({ minutes: 15 })
        .expect(200);
      const remindAt = Date.parse(snoozed.body.remindAt);
      expect(remindAt).toBeGreaterThanOrEqual(before + 15 * 60_000 - 1);
      expect(remindAt).toBeLessThanOrEqual(Date.now() + 15 * 60_000);
      expect(snoozed.body).toMatchObject({ offsetMinutes: null, status: 'scheduled' });
      expect(snoozed.headers.etag).not.toBe(etag);
      for (const minutes of [0, 10_081, 'soon', null]) {
        await http.post(`/reminders/${reminder.id}/snooze`).send({ minutes }).expect(400);
      }
      await http.post(`/reminders/${reminder.id}/snooze`).send({}).expect(400);
      expect(await getReminder(reminder.id)).toEqual(snoozed.body);
    });

    it('deletes with 204 then 404, honouring If-Match', async () => {
      const task = await createTask();
      const reminder = await createReminder({ taskId: task.id, remindAt: inMinutes(60) });
      const { etag } = (await http.get(`/reminders/${reminder.id}`).expect(200)).headers;
      await http.delete(`/reminders/${reminder.id}`).set('If-Match', '"stale"').expect(412);
      await http.delete(`/reminders/${reminder.id}`).set('If-Match', etag).expect(204);
      await http.delete(`/reminders/${reminder.id}`).expect(404);
      await http.get(`/reminders/${reminder.id}`).expect(404);
    });

    it('deletes the reminders and their delivery log with their task', async () => {
      receiver.respond = () => ({ status: 200 });
      const task = await createTask();
      const reminder = await createReminder({ taskId: task.id, remindAt: inMs(100) });
      await reminderReaches(reminder.id, 'delivered');
      await http.delete(`/tasks/${task.id}`).expect(204);
      await http.get(`/reminders/${reminder.id}`).expect(404);
      const [{ n }] = await db.query('SELECT count(*)::int AS n FROM reminder_deliveries');
      expect(n).toBe(0);
      expect(await countReminders()).toBe(0);
    });
  });

  describe('following the task', () => {
    it('moves scheduled relative reminders with the due date, not absolute ones', async () => {
      const task = await createTask({ dueAt: '2030-01-01T10:00:00Z' });
      const relative = await createReminder({ taskId: task.id, offsetMinutes: 30 });
      const absolute = await createReminder({ taskId: task.id, remindAt: '2029-12-31T00:00:00Z' });
      await http
        .patch(`/tasks/${task.id}`)
        .send({ dueAt: '2030-02-01T10:00:00+01:00' })
        .expect(200);
      expect((await getReminder(relative.id)).remindAt).toBe('2030-02-01T08:30:00.000Z');
      expect((await getReminder(absolute.id)).remindAt).toBe('2029-12-31T00:00:00.000Z');
      const view = (await http.get(`/tasks/${task.id}`).expect(200)).body;
      expect(view.reminders.map((r: Body) => r.remindAt)).toEqual([
        '2029-12-31T00:00:00.000Z',
        '2030-02-01T08:30:00.000Z',
      ]);
    });

    it('refuses with 422 to remove the due date under scheduled relative reminders', async () => {
      const task = await createTask({ dueAt: '2030-01-01T10:00:00Z' });
      const relative = await createReminder({ taskId: task.id, offsetMinutes: 30 });
      const response = await http.patch(`/tasks/${task.id}`).send({ dueAt: null }).expect(422);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.body.errors).toEqual([
        { field: 'dueAt', message: 'is needed by relative reminders of this task' },
      ]);
      const unchanged = (await http.get(`/tasks/${task.id}`).expect(200)).body;
      expect(unchanged).toMatchObject({ dueAt: '2030-01-01T10:00:00.000Z', version: 1 });

      // Made absolute, it no longer needs the due date.
      await http
        .patch(`/reminders/${relative.id}`)
        .send({ remindAt: inMinutes(60) })
        .expect(200);
      await http.patch(`/tasks/${task.id}`).send({ dueAt: null }).expect(200);
    });

    it('cancels scheduled reminders when the task is done, and reopening does not revive them', async () => {
      const task = await createTask({ dueAt: '2030-01-01T10:00:00Z' });
      const relative = await createReminder({ taskId: task.id, offsetMinutes: 30 });
      const absolute = await createReminder({ taskId: task.id, remindAt: inMinutes(60) });
      // Done and due date removed at once: the cancel comes first, so nothing is refused.
      await http.patch(`/tasks/${task.id}`).send({ status: 'done', dueAt: null }).expect(200);
      expect((await getReminder(relative.id)).status).toBe('cancelled');
      expect((await getReminder(absolute.id)).status).toBe('cancelled');
      expect((await http.get('/tasks?hasPendingReminder=true').expect(200)).body.items).toEqual([]);

      await http.patch(`/tasks/${task.id}`).send({ status: 'todo' }).expect(200);
      expect((await getReminder(absolute.id)).status).toBe('cancelled');
      const rescheduled = await http
        .patch(`/reminders/${absolute.id}`)
        .send({ remindAt: inMinutes(90) })
        .expect(200);
      expect(rescheduled.body.status).toBe('scheduled');
    });

    it('a delivered relative reminder follows a due date moved ahead as a new firing (new webhook-id)', async () => {
      const task = await createTask({ dueAt: inMs(1000) });
      const relative = await createReminder({ taskId: task.id, offsetMinutes: 0 });
      await reminderReaches(relative.id, 'delivered');

      // Moved into the past, a delivered reminder keeps the record of its firing.
      const delivered = await getReminder(relative.id);
      await http.patch(`/tasks/${task.id}`).send({ dueAt: '2020-01-01T00:00:00Z' }).expect(200);
      expect(await getReminder(relative.id)).toMatchObject({
        status: 'delivered',
        remindAt: delivered.remindAt,
      });

      // Moved ahead, it is scheduled again and fires again, under a new webhook-id.
      const dueAt = inMs(1000);
      await http.patch(`/tasks/${task.id}`).send({ dueAt }).expect(200);
      await reminderReaches(relative.id, 'delivered');
      const deliveries = await deliveriesOf(relative.id);
      expect(deliveries.map((d) => d.outcome)).toEqual(['delivered', 'delivered']);
      expect(new Set(deliveries.map((d) => d.webhookId)).size).toBe(2);
      expect((await getReminder(relative.id)).remindAt).toBe(new Date(dueAt).toISOString());
    });

    it('a failed relative reminder follows a due date moved ahead: scheduled again, attempts from 0', async () => {
      receiver.respond = () => ({ status: 410 });
      const task = await createTask({ dueAt: inMs(1000) });
      const relative = await createReminder({ taskId: task.id, offsetMinutes: 0 });
      await reminderReaches(relative.id, 'failed');
      receiver.respond = () => ({ status: 204 });
      await http.patch(`/tasks/${task.id}`).send({ dueAt: '2030-01-01T10:00:00Z' }).expect(200);
      expect(await getReminder(relative.id)).toMatchObject({
        status: 'scheduled',
        remindAt: '2030-01-01T10:00:00.000Z',
        attempts: 0,
        lastError: null,
        deliveredAt: null,
      });
    });

    it('a relative reminder cancelled because the task was done stays cancelled when the due date moves', async () => {
      const task = await createTask({ dueAt: '2030-01-01T10:00:00Z' });
      const relative = await createReminder({ taskId: task.id, offsetMinutes: 30 });
      await http.patch(`/tasks/${task.id}`).send({ status: 'done' }).expect(200);
      await http
        .patch(`/tasks/${task.id}`)
        .send({ status: 'todo', dueAt: '2031-01-01T10:00:00Z' })
        .expect(200);
      await http.patch(`/tasks/${task.id}`).send({ dueAt: '2032-01-01T10:00:00Z' }).expect(200);
      expect(await getReminder(relative.id)).toMatchObject({
        status: 'cancelled',
        remindAt: '2030-01-01T09:30:00.000Z',
      });
    });

    it('filters tasks by hasPendingReminder', async () => {
      const pending = await createTask({ title: 'pending' });
      await createReminder({ taskId: pending.id, remindAt: inMinutes(60) });
      const cancelled = await createTask({ title: 'cancelled' });
      await createReminder({ taskId: cancelled.id, remindAt: inMinutes(60) });
      await http.patch(`/tasks/${cancelled.id}`).send({ status: 'done' }).expect(200);
      await createTask({ title: 'none' });
      const titles = async (query: string) =>
        (await http.get(`/tasks?${query}`).expect(200)).body.items.map((t: Body) => t.title).sort();
      expect(await titles('hasPendingReminder=true')).toEqual(['pending']);
      expect(await titles('hasPendingReminder=false')).toEqual(['cancelled', 'none']);
      await http.get('/tasks?hasPendingReminder=yes').expect(400);
    });
  });

  describe('delivery to the webhook', () => {
    const dueReminder = async (note = 'Now') => {
      const task = await createTask({ title: 'Call the bank' });
      return createReminder({ taskId: task.id, remindAt: inMs(150), note });
    };

    it('delivers a due reminder once, signed, with its owner, the reminder and its task', async () => {
      const reminder = await dueReminder();
      const delivered = await reminderReaches(reminder.id, 'delivered');
      expect(receiver.invalid).toBe(0);
      expect(receiver.receipts).toHaveLength(1);
      const [receipt] = receiver.receipts;
      expect(receipt.path).toBe('/hooks');
      expect(receipt.payload).toMatchObject({
        type: 'reminder.due',
        ownerId: user.id,
        reminder: { id: reminder.id, note: 'Now', remindAt: reminder.remindAt },
        task: { id: reminder.taskId, title: 'Call the bank' },
      });
      expect(receipt.receivedAt).toBeGreaterThanOrEqual(Date.parse(String(reminder.remindAt)));
      expect(delivered).toMatchObject({
        attempts: 1,
        lastError: null,
        deliveredAt: expect.any(String),
      });
      expect(await deliveriesOf(reminder.id)).toEqual([
        {
          id: expect.any(String),
          webhookId: receipt.webhookId,
          attempt: 1,
          channel: 'webhook',
          outcome: 'delivered',
          attemptedAt: expect.stringMatching(/Z$/),
          httpStatus: 204,
          error: null,
          durationMs: expect.any(Number),
        },
      ]);
    });

    it('retries a failed attempt with the same webhook-id, then delivers', async () => {
      receiver.respond = () => (receiver.receipts.length === 1 ? { status: 500 } : { status: 200 });
      const reminder = await dueReminder();
      const delivered = await reminderReaches(reminder.id, 'delivered');
      expect(delivered.attempts).toBe(2);
      const ids = receiver.receipts.map((r) => r.webhookId);
      expect(ids).toHaveLength(2);
      expect(new Set(ids).size).toBe(1);
      const log = await deliveriesOf(reminder.id);
      expect(log.map((d) => [d.attempt, d.outcome, d.httpStatus, d.error])).toEqual([
        [1, 'retrying', 500, 'HTTP 500'],
        [2, 'delivered', 200, null],
      ]);
    });

    it('retries a call that times out', async () => {
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      receiver.respond = () =>
        receiver.receipts.length === 1 ? { status: 200, after: held } : { status: 200 };
      const reminder = await dueReminder();
      await reminderReaches(reminder.id, 'delivered');
      release();
      const log = await deliveriesOf(reminder.id);
      expect(log.map((d) => [d.outcome, d.httpStatus, d.error])).toEqual([
        ['retrying', null, 'timed out after 300 ms'],
        ['delivered', 200, null],
      ]);
    });

    it('honours Retry-After', async () => {
      receiver.respond = () =>
        receiver.receipts.length === 1
          ? { status: 503, headers: { 'retry-after': '1' } }
          : { status: 200 };
      const reminder = await dueReminder();
      await reminderReaches(reminder.id, 'delivered');
      const [first, second] = receiver.receipts;
      // The backoff alone would come back within ~20 ms.
      expect(second.receivedAt - first.receivedAt).toBeGreaterThanOrEqual(950);
    });

    it('stops at once on 410 Gone: failed after one attempt', async () => {
      receiver.respond = () => ({ status: 410 });
      const reminder = await dueReminder();
      const failed = await reminderReaches(reminder.id, 'failed');
      expect(failed).toMatchObject({ attempts: 1, lastError: expect.stringContaining('410') });
      expect(receiver.receipts).toHaveLength(1);
      expect((await deliveriesOf(reminder.id)).map((d) => d.outcome)).toEqual(['failed']);
    });

    it('fails after the maximum number of attempts, all with one webhook-id', async () => {
      receiver.respond = () => ({ status: 500 });
      const reminder = await dueReminder();
      const failed = await reminderReaches(reminder.id, 'failed');
      expect(failed).toMatchObject({ attempts: 3, lastError: expect.stringContaining('HTTP 500') });
      expect(receiver.receipts).toHaveLength(3);
      expect(new Set(receiver.receipts.map((r) => r.webhookId)).size).toBe(1);
      expect((await deliveriesOf(reminder.id)).map((d) => d.outcome)).toEqual([
        'retrying',
        'retrying',
        'failed',
      ]);
    });

    it('fires a delivered reminder again once rescheduled, as a new firing', async () => {
      const reminder = await dueReminder();
      await reminderReaches(reminder.id, 'delivered');
      const rescheduled = await http
        .patch(`/reminders/${reminder.id}`)
        .send({ remindAt: inMs(150) })
        .expect(200);
      expect(rescheduled.body).toMatchObject({
        status: 'scheduled',
        attempts: 0,
        deliveredAt: null,
      });
      await reminderReaches(reminder.id, 'delivered');
      const [first, second] = receiver.receipts;
      expect(second.webhookId).not.toBe(first.webhookId);
    });

    it('claims overdue reminders oldest first, each by one claim at a time', async () => {
      // As after downtime: the reminders are found overdue. This app's dispatcher stands aside
      // so that claims can be taken one by one.
      const dispatcher = app.get(ReminderDispatcher);
      await dispatcher.stop();
      try {
        const task = await createTask();
        const ids: string[] = [];
        for (const minutesAgo of [5, 15, 10]) {
          const reminder = await createReminder({ taskId: task.id, remindAt: inMinutes(60) });
          await db.query(
            `UPDATE reminders SET remind_at = now() - $2 * interval '1 minute',
                    next_attempt_at = now() - $2 * interval '1 minute' WHERE id = $1`,
            [reminder.id, minutesAgo],
          );
          ids.push(reminder.id);
        }
        const claims = app.get(DispatchRepository);
        const claimOne = async () =>
          (await claims.claimDue('test-worker', 1, 60_000)).map((reminder) => reminder.id);
        expect([await claimOne(), await claimOne(), await claimOne()]).toEqual([
          [ids[1]],
          [ids[2]],
          [ids[0]],
        ]);
        // All three are leased now: nothing left to claim until the leases run out.
        expect(await claimOne()).toEqual([]);
        expect((await getReminder(ids[1])).attempts).toBe(1);
      } finally {
        dispatcher.start();
      }
    });
  });

  describe('ownership', () => {
    it("is the task owner's: another user gets 404 for the reminder, its deliveries and its task, lists none, and changes nothing", async () => {
      const task = await createTask({ dueAt: inMinutes(120) });
      const reminder = await createReminder({ taskId: task.id, offsetMinutes: 30 });
      const stranger = request.agent(app.getHttpServer()).set((await createTestUser(app)).headers);
      const before = await db.query('SELECT * FROM reminders ORDER BY id');
      for (const response of [
        await stranger.get(`/reminders/${reminder.id}`),
        await stranger.get(`/reminders/${reminder.id}/deliveries`),
        await stranger.patch(`/reminders/${reminder.id}`).send({ note: 'mine now' }),
        await stranger.post(`/reminders/${reminder.id}/snooze`).send({ minutes: 5 }),
        await stranger.delete(`/reminders/${reminder.id}`),
        await stranger.post('/reminders').send({ taskId: task.id, offsetMinutes: 10 }),
        await stranger.post(`/tasks/${task.id}/reminders`).send({ offsetMinutes: 10 }),
        await stranger.get(`/tasks/${task.id}/reminders`),
      ]) {
        expect(response.status).toBe(404);
        expect(response.headers['content-type']).toMatch(PROBLEM);
      }
      expect(await db.query('SELECT * FROM reminders ORDER BY id')).toEqual(before);
      for (const query of ['', `?taskId=${task.id}`, '?status=scheduled']) {
        expect((await stranger.get(`/reminders${query}`).expect(200)).body.items).toEqual([]);
      }
      expect((await http.get('/reminders').expect(200)).body.items).toEqual([reminder]);
    });
  });

  describe('OpenAPI', () => {
    it('documents the reminder routes, the task field and the task filter', async () => {
      const document = (await http.get('/docs-json').expect(200)).body;
      expect(Object.keys(document.paths)).toEqual(
        expect.arrayContaining([
          '/reminders',
          '/reminders/{id}',
          '/reminders/{id}/snooze',
          '/reminders/{id}/deliveries',
          '/tasks/{taskId}/reminders',
        ]),
      );
      expect(document.components.schemas.TaskDto.properties.reminders).toMatchObject({
        type: 'array',
      });
      expect(
        document.paths['/tasks'].get.parameters.map((p: { name: string }) => p.name),
      ).toContain('hasPendingReminder');
    });
  });

  describe('schema', () => {
    it('entities and migrations agree: generating a migration yields nothing', async () => {
      const pending = await db.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((query) => query.query)).toEqual([]);
    });
  });
});

describe('Reminders (e2e) without a webhook', () => {
  it('records the firing as delivered to the log channel', async () => {
    const { app, http } = await bootApp();
    try {
      await resetDatabase(app);
      const task = (await http.post('/tasks').send({ title: 'Log me' }).expect(201)).body;
      const reminder = (
        await http
          .post('/reminders')
          .send({ taskId: task.id, remindAt: inMs(100) })
          .expect(201)
      ).body;
      await eventually(
        async () => (await http.get(`/reminders/${reminder.id}`)).body.status === 'delivered',
        { what: 'the log delivery' },
      );
      const log = (await http.get(`/reminders/${reminder.id}/deliveries`).expect(200)).body.items;
      expect(log).toMatchObject([{ channel: 'log', outcome: 'delivered', httpStatus: null }]);
    } finally {
      await app.close();
    }
  });
});
