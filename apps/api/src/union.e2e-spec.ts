import { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  StatementCounter,
  resetDatabase,
  testDatabaseUrl,
  createTestUser,
} from '@task-api/core/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApiApp } from './testing/create-api-app';

type Http = ReturnType<typeof request>;
interface TaskView {
  id: string;
  title: string;
  tags: { id: string; name: string; color: string | null }[];
  reminders: {
    id: string;
    taskId: string;
    remindAt: string;
    offsetMinutes: number | null;
    status: string;
  }[];
  recurrence: { rule: string; nextDueAt: string | null; completedCount: number } | null;
}

const DUE = '2030-06-01T12:00:00.000Z';

/**
 * The union: core + tags + reminders + recurrence composed by the API app, on a real database.
 * Each feature contributes to tasks through core's extension point; none knows the others.
 */
describe('Union: tasks with tags, reminders and recurrence (e2e)', () => {
  let app: NestFastifyApplication;
  let http: Http;
  let db: DataSource;

  const createTask = async (body: Record<string, unknown>): Promise<string> =>
    (await http.post('/tasks').send(body).expect(201)).body.id;
  const tag = (taskId: string, name: string) => http.post(`/tasks/${taskId}/tags`).send({ name });
  const remind = (taskId: string, body: Record<string, unknown>) =>
    http.post(`/tasks/${taskId}/reminders`).send(body).expect(201);
  const count = async (sql: string, params: unknown[]): Promise<number> =>
    Number((await db.query(sql, params))[0].n);

  beforeAll(async () => {
    // The dispatcher stays off: these tests are about composition, not delivery.
    app = await createApiApp(testDatabaseUrl(), { REMINDERS_DISPATCHER_ENABLED: 'false' });
    db = app.get(DataSource);
    // Every request of the suite is one user's.
    http = request.agent(app.getHttpServer()).set((await createTestUser(app)).headers);
  });
  beforeEach(() => resetDatabase(app));
  afterAll(() => app.close());

  it('the method’s union test: a task carries its tag and its reminder in one object', async () => {
    const taskId = await createTask({ title: 'Ship the release', dueAt: DUE });
    const tagged = await tag(taskId, 'Launch').expect(201);
    const reminder = (await remind(taskId, { offsetMinutes: 30, note: 'half an hour before' }))
      .body;

    const task: TaskView = (await http.get(`/tasks/${taskId}`).expect(200)).body;
    expect(task).toMatchObject({
      id: taskId,
      title: 'Ship the release',
      tags: [{ id: tagged.body.id, name: 'Launch', color: null }],
      reminders: [
        {
          id: reminder.id,
          taskId,
          offsetMinutes: 30,
          remindAt: '2030-06-01T11:30:00.000Z',
          status: 'scheduled',
        },
      ],
    });
  });

  it('every task of a list carries its tags and reminders', async () => {
    const both = await createTask({ title: 'both', dueAt: DUE });
    const none = await createTask({ title: 'none' });
    await tag(both, 'home').expect(201);
    await remind(both, { remindAt: '2030-05-01T08:00:00Z' });
    const items: TaskView[] = (await http.get('/tasks?sort=createdAt').expect(200)).body.items;
    expect(
      items.map((task) => [task.id, task.tags.map((t) => t.name), task.reminders.length]),
    ).toEqual([
      [both, ['home'], 1],
      [none, [], 0],
    ]);
  });

  it('deleting a task removes its tag links and reminders, and keeps the tag', async () => {
    const taskId = await createTask({ title: 'doomed', dueAt: DUE });
    const tagId = (await tag(taskId, 'keep-me').expect(201)).body.id;
    await remind(taskId, { offsetMinutes: 5 });
    await http.delete(`/tasks/${taskId}`).expect(204);
    expect(await count('SELECT count(*) AS n FROM task_tags WHERE task_id = $1', [taskId])).toBe(0);
    expect(await count('SELECT count(*) AS n FROM reminders WHERE task_id = $1', [taskId])).toBe(0);
    expect((await http.get(`/tags/${tagId}`).expect(200)).body).toMatchObject({
      name: 'keep-me',
      taskCount: 0,
    });
  });

  it('deleting a tag detaches it while the task keeps its reminders', async () => {
    const taskId = await createTask({ title: 'kept', dueAt: DUE });
    const tagId = (await tag(taskId, 'gone').expect(201)).body.id;
    const reminder = (await remind(taskId, { offsetMinutes: 60 })).body;
    await http.delete(`/tags/${tagId}`).expect(204);
    const task: TaskView = (await http.get(`/tasks/${taskId}`).expect(200)).body;
    expect(task.tags).toEqual([]);
    expect(task.reminders.map((r) => r.id)).toEqual([reminder.id]);
  });

  it('a task becoming done keeps its tags and cancels its scheduled reminders', async () => {
    const taskId = await createTask({ title: 'finish', dueAt: DUE });
    await tag(taskId, 'work').expect(201);
    await remind(taskId, { offsetMinutes: 10 });
    const done: TaskView = (
      await http.patch(`/tasks/${taskId}`).send({ status: 'done' }).expect(200)
    ).body;
    expect(done.tags.map((t) => t.name)).toEqual(['work']);
    expect(done.reminders.map((r) => r.status)).toEqual(['cancelled']);
  });

  it('a recurring task with tags and reminders, completed twice: reminders follow, tags stay, history of 2', async () => {
    const taskId = await createTask({ title: 'Team meeting', dueAt: '2030-06-03T09:00:00+02:00' });
    await tag(taskId, 'work').expect(201);
    const relative = (await remind(taskId, { offsetMinutes: 15 })).body;
    const absolute = (await remind(taskId, { remindAt: '2030-06-01T08:00:00Z' })).body;
    await http
      .put(`/tasks/${taskId}/recurrence`)
      .send({ rule: 'FREQ=WEEKLY;BYDAY=MO,TH', timezone: 'Europe/Berlin' })
      .expect(200);

    const complete = async (): Promise<TaskView & { status: string; dueAt: string }> =>
      (await http.patch(`/tasks/${taskId}`).send({ status: 'done' }).expect(200)).body;
    const first = await complete(); // Monday 3 June → Thursday 6 June, 09:00 Berlin
    expect(first).toMatchObject({ status: 'todo', dueAt: '2030-06-06T07:00:00.000Z' });
    const second = await complete(); // → Monday 10 June
    expect(second).toMatchObject({
      status: 'todo',
      dueAt: '2030-06-10T07:00:00.000Z',
      completedAt: null,
      tags: [{ name: 'work' }],
      recurrence: {
        rule: 'FREQ=WEEKLY;BYDAY=MO,TH',
        nextDueAt: '2030-06-13T07:00:00.000Z',
        completedCount: 2,
      },
    });
    // The relative reminder followed each occurrence (reminders knows nothing of recurrence);
    // the absolute one stayed where it was; neither was cancelled.
    expect(second.reminders).toEqual([
      expect.objectContaining({ id: absolute.id, remindAt: '2030-06-01T08:00:00.000Z' }),
      expect.objectContaining({
        id: relative.id,
        remindAt: '2030-06-10T06:45:00.000Z',
        status: 'scheduled',
      }),
    ]);
    const history = (await http.get(`/tasks/${taskId}/recurrence/history`).expect(200)).body;
    expect(history.items.map((item: { dueAt: string }) => item.dueAt)).toEqual([
      '2030-06-03T07:00:00.000Z',
      '2030-06-06T07:00:00.000Z',
    ]);
    expect(history.nextCursor).toBeNull();
    expect((await http.get(`/tasks/${taskId}`).expect(200)).body).toEqual(second);
  });

  it('combines feature filters with core filters, with exact result sets', async () => {
    const tasks = {
      // todo, tagged a, pending reminder, due soonest
      match1: await createTask({ title: 'match1', dueAt: '2030-01-02T00:00:00Z' }),
      match2: await createTask({ title: 'match2', dueAt: '2030-01-01T00:00:00Z' }),
      noReminder: await createTask({ title: 'no reminder', dueAt: '2030-01-03T00:00:00Z' }),
      otherTag: await createTask({ title: 'other tag', dueAt: '2030-01-04T00:00:00Z' }),
      inProgress: await createTask({
        title: 'in progress',
        status: 'in_progress',
        dueAt: '2030-01-05T00:00:00Z',
      }),
      untagged: await createTask({ title: 'untagged', dueAt: '2030-01-06T00:00:00Z' }),
    };
    for (const id of [tasks.match1, tasks.match2, tasks.noReminder, tasks.inProgress])
      await tag(id, 'A');
    await tag(tasks.match1, 'b');
    await tag(tasks.otherTag, 'b');
    for (const id of [
      tasks.match1,
      tasks.match2,
      tasks.otherTag,
      tasks.inProgress,
      tasks.untagged,
    ]) {
      await remind(id, { offsetMinutes: 60 });
    }
    const titles = async (query: string) =>
      (await http.get(`/tasks?${query}`).expect(200)).body.items.map(
        (task: TaskView) => task.title,
      );

    expect(
      await titles('status=todo&tags=a&tagMatch=all&hasPendingReminder=true&sort=dueAt'),
    ).toEqual(['match2', 'match1']);
    expect(await titles('tags=a,b&tagMatch=all&hasPendingReminder=true')).toEqual(['match1']);
    expect(await titles('tags=a&tagMatch=none&hasPendingReminder=true&sort=dueAt')).toEqual([
      'other tag',
      'untagged',
    ]);
    expect(await titles('untagged=true&hasPendingReminder=false&sort=dueAt')).toEqual([]);
    expect(await titles('hasPendingReminder=false&sort=dueAt')).toEqual(['no reminder']);
    expect(await titles('status=in_progress&tags=A&hasPendingReminder=true')).toEqual([
      'in progress',
    ]);
  });

  /**
   * SPEC §4: a read is one statement whatever the page size and however many features add
   * fields or filters (the tag-name filter may first run its one lookup). Nothing here depends
   * on which features the app composes.
   */
  describe('statements per request, for any number of features', () => {
    let counter: StatementCounter;
    const statementsOf = async (work: () => Promise<unknown>): Promise<string[]> =>
      counter.count(work);
    const get = (path: string) => async () => {
      const body = (await http.get(path).expect(200)).body;
      return body;
    };

    beforeEach(async () => {
      for (let i = 0; i < 50; i++) {
        const taskId = await createTask({ title: `task ${i}`, dueAt: DUE });
        await tag(taskId, `tag ${i % 7}`);
        await tag(taskId, 'common');
        await remind(taskId, { offsetMinutes: i });
        if (i % 2 === 0) {
          await http
            .put(`/tasks/${taskId}/recurrence`)
            .send({ rule: 'FREQ=DAILY', timezone: 'Europe/Berlin' })
            .expect(200);
        }
      }
      counter = new StatementCounter(db);
    });
    afterEach(() => counter.restore());

    it('a page of tasks with every feature field (four libraries): one statement, for 5 tasks as for 50', async () => {
      for (const limit of [5, 50]) {
        let items: TaskView[] = [];
        const statements = await statementsOf(async () => {
          items = (await get(`/tasks?limit=${limit}`)()).items;
        });
        expect(items).toHaveLength(limit);
        expect(items.every((task) => task.tags.length === 2 && task.reminders.length === 1)).toBe(
          true,
        );
        // Every other task recurs; the newest five (tasks 49 to 45) hold two of them.
        expect(items.filter((task) => task.recurrence?.rule === 'FREQ=DAILY').length).toBe(
          limit === 50 ? 25 : 2,
        );
        expect(statements).toHaveLength(1);
      }
    });

    it('one task with every feature field: one statement', async () => {
      const [first] = (await get('/tasks?limit=1')()).items;
      let task: TaskView | undefined;
      const statements = await statementsOf(async () => {
        task = await get(`/tasks/${first.id}`)();
      });
      expect(task).toMatchObject({ id: first.id, tags: expect.any(Array), reminders: [{}] });
      expect(statements).toHaveLength(1);
    });

    it('filters, sort and cursor are part of the same statement; the tag-name filter adds its one lookup', async () => {
      const { nextCursor } = await get('/tasks?limit=5&sort=dueAt')();
      const filtered = `/tasks?limit=5&sort=dueAt&cursor=${nextCursor}&status=todo&q=task&hasPendingReminder=true&untagged=false&recurring=true`;
      expect(await statementsOf(get(filtered))).toHaveLength(1);
      const byName = await statementsOf(get(`${filtered}&tags=common,tag%201&tagMatch=all`));
      expect(byName).toHaveLength(2);
      expect(byName[0]).toMatch(/FROM tags/);
    });

    it('a feature list that embeds tasks (GET /tags/:id/tasks): one statement per page', async () => {
      const [{ tags }] = (await get('/tasks?limit=1')()).items as TaskView[];
      const common = tags.find((t) => t.name === 'common')!;
      let page: { items: TaskView[]; nextCursor: string } = { items: [], nextCursor: '' };
      const first = await statementsOf(async () => {
        page = await get(`/tags/${common.id}/tasks?limit=20`)();
      });
      expect(page.items).toHaveLength(20);
      expect(page.items.every((task) => task.reminders.length === 1)).toBe(true);
      const next = await statementsOf(
        get(`/tags/${common.id}/tasks?limit=20&cursor=${page.nextCursor}`),
      );
      expect([first.length, next.length]).toEqual([1, 1]);
    });
  });

  describe('lean writes', () => {
    it('creates a task in one statement, no transaction, its view built by PostgreSQL', async () => {
      const counter = new StatementCounter(db);
      let response: request.Response | undefined;
      const statements = await counter.countAll(async () => {
        response = await http.post('/tasks').send({ title: 'fresh', dueAt: DUE }).expect(201);
      });
      counter.restore();
      const created = response?.body as TaskView;
      expect(created).toMatchObject({ title: 'fresh', tags: [], reminders: [], recurrence: null });
      expect(statements).toEqual([
        expect.stringMatching(/^INSERT INTO tasks AS task[\s\S]*RETURNING/),
      ]);
      // The features' fields of a new task (no subquery) are what a read of it gives.
      const read = await http.get(`/tasks/${created.id}`).expect(200);
      expect(read.body).toEqual(created);
      expect(read.headers.etag).toBe(response?.headers.etag);
    });

    it('a change no listener watches reads its view back in the statement that writes it', async () => {
      const taskId = await createTask({ title: 'lean', dueAt: DUE });
      await tag(taskId, 'kept').expect(201);
      const counter = new StatementCounter(db);
      let changed: TaskView | undefined;
      const statements = await counter.count(async () => {
        changed = (await http.patch(`/tasks/${taskId}`).send({ title: 'leaner' }).expect(200)).body;
      });
      counter.restore();
      expect(changed).toMatchObject({ title: 'leaner', tags: [{ name: 'kept' }] });
      // Lock (with the current view, for If-Match), then the update returning the new view.
      expect(statements).toEqual([
        expect.stringMatching(/FOR UPDATE OF task$/),
        expect.stringMatching(/^UPDATE tasks AS task[\s\S]*RETURNING/),
      ]);
    });

    it('a change listeners watch runs them in its transaction, then reads the view once more', async () => {
      const taskId = await createTask({ title: 'due', dueAt: DUE });
      await remind(taskId, { offsetMinutes: 30 });
      const counter = new StatementCounter(db);
      let moved: TaskView | undefined;
      const statements = await counter.countAll(async () => {
        moved = (
          await http.patch(`/tasks/${taskId}`).send({ dueAt: '2030-07-01T12:00:00Z' }).expect(200)
        ).body;
      });
      counter.restore();
      // The view answered is the one after the listeners: the reminder followed the due date.
      expect(moved?.reminders.map((r) => r.remindAt)).toEqual(['2030-07-01T11:30:00.000Z']);
      expect(statements[0]).toMatch(/^(START TRANSACTION|BEGIN)/);
      expect(statements[statements.length - 1]).toMatch(/^COMMIT/);
    });
  });

  describe('ETags cover the whole view', () => {
    it('a tag or a reminder added changes the task’s ETag; If-None-Match and If-Match follow it', async () => {
      const taskId = await createTask({ title: 'cached', dueAt: DUE });
      const before = (await http.get(`/tasks/${taskId}`).expect(200)).headers.etag;
      await http.get(`/tasks/${taskId}`).set('If-None-Match', before).expect(304);

      await tag(taskId, 'new').expect(201);
      const tagged = await http.get(`/tasks/${taskId}`).set('If-None-Match', before).expect(200);
      expect(tagged.headers.etag).not.toBe(before);
      await http
        .patch(`/tasks/${taskId}`)
        .set('If-Match', before)
        .send({ title: 'stale' })
        .expect(412);

      await remind(taskId, { offsetMinutes: 5 });
      const reminded = await http.get(`/tasks/${taskId}`).expect(200);
      expect(reminded.headers.etag).not.toBe(tagged.headers.etag);
      const written = await http
        .patch(`/tasks/${taskId}`)
        .set('If-Match', reminded.headers.etag)
        .send({ title: 'fresh' })
        .expect(200);
      // The ETag of a write's answer is the one a read of the same state gives.
      const read = await http.get(`/tasks/${taskId}`).expect(200);
      expect(read.headers.etag).toBe(written.headers.etag);
      expect(read.text).toBe(written.text);
    });
  });

  it('documents the features’ fields and filters on the tasks of the OpenAPI document', async () => {
    const document = (await http.get('/docs-json').expect(200)).body;
    const parameters = document.paths['/tasks'].get.parameters.map((p: { name: string }) => p.name);
    expect(parameters).toEqual(
      expect.arrayContaining(['tags', 'tagMatch', 'untagged', 'hasPendingReminder', 'recurring']),
    );
    expect(Object.keys(document.components.schemas.TaskDto.properties)).toEqual(
      expect.arrayContaining(['tags', 'reminders', 'recurrence']),
    );
  });
});
