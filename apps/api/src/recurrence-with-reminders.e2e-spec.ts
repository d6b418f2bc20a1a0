import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { resetDatabase, createTestUser } from '@task-api/core/testing';
import { RemindersModule, remindersMigrations } from '@task-api/reminders';
import { eventually } from '@task-api/reminders/testing';
import { createRecurrenceTestApp } from '@task-api/recurrence/testing';
import request from 'supertest';

type Body = Record<string, unknown> & { id: string };
const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();

/**
 * Core + recurrence + reminders, without tags: the two features meet only through core's
 * extension point (recurrence amends the change, reminders follow the final due date), and
 * neither imports the other, so this composition lives in the app.
 */
describe('Recurrence with reminders (e2e): core + recurrence + reminders, no tags', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<typeof request>;

  const createTask = async (dueAt: string): Promise<string> =>
    (await http.post('/tasks').send({ title: 'Take out the bins', dueAt }).expect(201)).body.id;
  const recur = (taskId: string, rule: string) =>
    http.put(`/tasks/${taskId}/recurrence`).send({ rule, timezone: 'Europe/Berlin' }).expect(200);
  const remind = async (taskId: string, body: object): Promise<Body> =>
    (await http.post(`/tasks/${taskId}/reminders`).send(body).expect(201)).body;
  const complete = async (taskId: string): Promise<Body> =>
    (await http.patch(`/tasks/${taskId}`).send({ status: 'done' }).expect(200)).body;
  const getReminder = async (id: string): Promise<Body> =>
    (await http.get(`/reminders/${id}`).expect(200)).body;

  beforeAll(async () => {
    // Without a webhook, a due reminder is delivered to the log channel.
    app = await createRecurrenceTestApp({
      imports: [RemindersModule.forRoot({ dispatcher: { pollIntervalMs: 25 } })],
      migrations: remindersMigrations,
    });
    // Every request of the suite is one user's.
    http = request.agent(app.getHttpServer()).set((await createTestUser(app)).headers);
  });
  beforeEach(() => resetDatabase(app));
  afterAll(() => app.close());

  it('a relative reminder follows every occurrence, and is not cancelled by the completion', async () => {
    const taskId = await createTask('2030-01-07T07:00:00+01:00'); // a Monday
    await recur(taskId, 'FREQ=WEEKLY;BYDAY=MO');
    const relative = await remind(taskId, { offsetMinutes: 60 });
    const first = await complete(taskId);
    expect(first).toMatchObject({ status: 'todo', dueAt: '2030-01-14T06:00:00.000Z' });
    expect(first.reminders).toEqual([
      expect.objectContaining({
        id: relative.id,
        remindAt: '2030-01-14T05:00:00.000Z',
        status: 'scheduled',
      }),
    ]);
    await complete(taskId);
    expect(await getReminder(relative.id)).toMatchObject({
      remindAt: '2030-01-21T05:00:00.000Z',
      status: 'scheduled',
    });
  });

  it('a delivered relative reminder is scheduled again for the next occurrence, as a new firing', async () => {
    const taskId = await createTask(inMs(1500));
    await recur(taskId, 'FREQ=DAILY');
    const relative = await remind(taskId, { offsetMinutes: 0 });
    await eventually(
      async () => ((await getReminder(relative.id)).status === 'delivered' ? true : undefined),
      { what: 'the first firing to be delivered' },
    );
    const moved = await complete(taskId);
    const reminder = await getReminder(relative.id);
    expect(reminder).toMatchObject({ status: 'scheduled', attempts: 0, deliveredAt: null });
    expect(reminder.remindAt).toBe(moved.dueAt);
    expect(Date.parse(moved.dueAt as string)).toBeGreaterThan(Date.now());
  });

  it('when the rule is used up, done is done: the scheduled reminders are cancelled', async () => {
    const taskId = await createTask('2030-01-07T07:00:00+01:00');
    await recur(taskId, 'FREQ=DAILY;COUNT=1');
    const relative = await remind(taskId, { offsetMinutes: 30 });
    expect(await complete(taskId)).toMatchObject({
      status: 'done',
      recurrence: { completedCount: 1, nextDueAt: null },
    });
    expect((await getReminder(relative.id)).status).toBe('cancelled');
  });

  it('composes without the tags library: task views carry reminders and recurrence only', async () => {
    const taskId = await createTask('2030-01-07T07:00:00+01:00');
    const view = (await http.get(`/tasks/${taskId}`).expect(200)).body;
    expect(view).toMatchObject({ reminders: [], recurrence: null });
    expect(view).not.toHaveProperty('tags');
    await http.get('/tags').expect(404);
  });
});
