import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { StatementCounter, createTestUser, resetDatabase } from '@task-api/core/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createRecurrenceTestApp } from '../testing';

const PROBLEM = /^application\/problem\+json/;
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

interface RecurrenceBody {
  rule: string;
  timezone: string;
  nextDueAt: string | null;
  completedCount: number;
}
interface TaskBody {
  id: string;
  status: string;
  dueAt: string | null;
  completedAt: string | null;
  recurrence: RecurrenceBody | null;
}

describe('Recurrence (e2e): core + recurrence alone', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<typeof request>;
  let db: DataSource;

  const count = async (table: string): Promise<number> =>
    Number((await db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);
  const createTask = async (dueAt: string | null = '2027-01-04T09:00:00+01:00'): Promise<string> =>
    (await http.post('/tasks').send({ title: 'Water the plants', dueAt }).expect(201)).body.id;
  const recur = (taskId: string, rule: string, timezone = 'Europe/Berlin') =>
    http.put(`/tasks/${taskId}/recurrence`).send({ rule, timezone });
  const complete = async (taskId: string): Promise<TaskBody> =>
    (await http.patch(`/tasks/${taskId}`).send({ status: 'done' }).expect(200)).body;
  /** A task due at `dueAt`, recurring by `rule` in Berlin, completed `times` times. */
  const dueDatesAfter = async (dueAt: string, rule: string, times: number): Promise<string[]> => {
    const taskId = await createTask(dueAt);
    await recur(taskId, rule).expect(200);
    const dueDates: string[] = [];
    for (let i = 0; i < times; i++) dueDates.push((await complete(taskId)).dueAt!);
    return dueDates;
  };
  const expectProblem = (response: request.Response, status: number, field?: string) => {
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(PROBLEM);
    if (field) expect(response.body.errors).toEqual([{ field, message: expect.any(String) }]);
  };

  beforeAll(async () => {
    app = await createRecurrenceTestApp();
    db = app.get(DataSource);
    // Every request of the suite is one user's.
    http = request.agent(app.getHttpServer()).set((await createTestUser(app)).headers);
  });
  beforeEach(() => resetDatabase(app));
  afterAll(() => app.close());

  describe('PUT, GET, DELETE /tasks/:taskId/recurrence', () => {
    it('sets a rule: 200 with nextDueAt after the due date, ETag; the task view carries it', async () => {
      const taskId = await createTask();
      const put = await recur(taskId, 'FREQ=WEEKLY;BYDAY=MO,TH', 'europe/berlin').expect(200);
      const expected = {
        rule: 'FREQ=WEEKLY;BYDAY=MO,TH',
        timezone: 'Europe/Berlin',
        nextDueAt: '2027-01-07T08:00:00.000Z',
        completedCount: 0,
      };
      expect(put.body).toEqual(expected);
      expect(put.headers.etag).toMatch(/^"[\w-]+"$/);
      const got = await http.get(`/tasks/${taskId}/recurrence`).expect(200);
      expect(got.body).toEqual(expected);
      expect(got.headers.etag).toBe(put.headers.etag);
      await http
        .get(`/tasks/${taskId}/recurrence`)
        .set('If-None-Match', put.headers.etag)
        .expect(304);
      expect((await http.get(`/tasks/${taskId}`).expect(200)).body.recurrence).toEqual(expected);
      const plain = await createTask();
      expect((await http.get(`/tasks/${plain}`).expect(200)).body.recurrence).toBeNull();
    });

    it('replaces the rule on a second PUT, honouring If-Match', async () => {
      const taskId = await createTask();
      const { etag } = (await recur(taskId, 'FREQ=DAILY').expect(200)).headers;
      expectProblem(
        await http
          .put(`/tasks/${taskId}/recurrence`)
          .set('If-Match', '"stale"')
          .send({ rule: 'FREQ=MONTHLY', timezone: 'UTC' }),
        412,
      );
      const replaced = await http
        .put(`/tasks/${taskId}/recurrence`)
        .set('If-Match', etag)
        .send({ rule: 'FREQ=MONTHLY', timezone: 'UTC' })
        .expect(200);
      expect(replaced.body).toMatchObject({
        rule: 'FREQ=MONTHLY',
        nextDueAt: '2027-02-04T08:00:00.000Z',
      });
      expect(replaced.headers.etag).not.toBe(etag);
    });

    it('is a 422 for a task without a due date, a 404 for an unknown task, and writes nothing', async () => {
      expectProblem(await recur(await createTask(null), 'FREQ=DAILY'), 422, 'dueAt');
      expectProblem(await recur(UNKNOWN_ID, 'FREQ=DAILY'), 404);
      expectProblem(await http.get(`/tasks/${UNKNOWN_ID}/recurrence`), 404);
      expectProblem(await http.get(`/tasks/${UNKNOWN_ID}/recurrence/history`), 404);
      expectProblem(await http.get(`/tasks/not-a-uuid/recurrence`), 400);
      expect(await count('recurrences')).toBe(0);
    });

    it.each([
      ['not a rule', 'every day'],
      ['no FREQ', 'BYDAY=MO'],
      ['an unknown part', 'FREQ=DAILY;FOO=1'],
      ['an invalid BYMONTHDAY', 'FREQ=MONTHLY;BYMONTHDAY=32'],
      ['a floating UNTIL', 'FREQ=DAILY;UNTIL=20271231T000000'],
      ['COUNT with UNTIL', 'FREQ=DAILY;COUNT=3;UNTIL=20271231T000000Z'],
      ['BYWEEKNO outside YEARLY', 'FREQ=MONTHLY;BYWEEKNO=3'],
      ['MINUTELY', 'FREQ=MINUTELY'],
      ['a rule that never occurs', 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30'],
    ])('refuses %s with a 400 naming rule, and writes nothing', async (_, rule) => {
      const taskId = await createTask();
      expectProblem(await recur(taskId, rule), 400, 'rule');
      expect(await count('recurrences')).toBe(0);
    });

    it.each(['Mars/Olympus', '+01:00', 'CET+1', ''])(
      'refuses the time zone %p with a 400 naming timezone',
      async (timezone) => {
        expectProblem(await recur(await createTask(), 'FREQ=DAILY', timezone), 400, 'timezone');
        expect(await count('recurrences')).toBe(0);
      },
    );

    it('refuses a body with unknown fields, a missing rule or null', async () => {
      const taskId = await createTask();
      const put = (body: object) => http.put(`/tasks/${taskId}/recurrence`).send(body);
      expectProblem(await put({ rule: 'FREQ=DAILY', timezone: 'UTC', dtstart: 'x' }), 400);
      expectProblem(await put({ timezone: 'UTC' }), 400, 'rule');
      expectProblem(await put({ rule: null, timezone: 'UTC' }), 400, 'rule');
      expect(await count('recurrences')).toBe(0);
    });

    it('deletes with 204 (If-Match honoured), with its history; the task stays as it is', async () => {
      const taskId = await createTask();
      const { etag } = (await recur(taskId, 'FREQ=DAILY').expect(200)).headers;
      await complete(taskId); // changes nextDueAt and completedCount: the ETag moves
      expectProblem(await http.delete(`/tasks/${taskId}/recurrence`).set('If-Match', etag), 412);
      const current = (await http.get(`/tasks/${taskId}/recurrence`).expect(200)).headers.etag;
      await http.delete(`/tasks/${taskId}/recurrence`).set('If-Match', current).expect(204);
      expectProblem(await http.get(`/tasks/${taskId}/recurrence`), 404);
      expectProblem(await http.delete(`/tasks/${taskId}/recurrence`), 404);
      expect(await count('recurrence_completions')).toBe(0);
      const task: TaskBody = (await http.get(`/tasks/${taskId}`).expect(200)).body;
      expect(task).toMatchObject({ dueAt: '2027-01-05T08:00:00.000Z', recurrence: null });
      // Without a recurrence, done is done.
      expect(await complete(taskId)).toMatchObject({ status: 'done' });
    });

    it('goes with its task', async () => {
      const taskId = await createTask();
      await recur(taskId, 'FREQ=DAILY').expect(200);
      await complete(taskId);
      await http.delete(`/tasks/${taskId}`).expect(204);
      expect([await count('recurrences'), await count('recurrence_completions')]).toEqual([0, 0]);
    });
  });

  describe('completing a recurring task', () => {
    it('moves it to the next occurrence in the same change: todo, completedAt cleared, history appended', async () => {
      const taskId = await createTask('2027-01-04T09:00:00+01:00');
      await recur(taskId, 'FREQ=WEEKLY;BYDAY=MO,TH').expect(200);
      const moved = await complete(taskId);
      expect(moved).toMatchObject({
        status: 'todo',
        completedAt: null,
        dueAt: '2027-01-07T08:00:00.000Z',
        recurrence: { nextDueAt: '2027-01-11T08:00:00.000Z', completedCount: 1 },
      });
      // One write of the task: version 2, not 3.
      expect((await http.get(`/tasks/${taskId}`).expect(200)).body.version).toBe(2);
    });

    it('keeps 09:00 Europe/Berlin across both DST changes', async () => {
      expect(await dueDatesAfter('2027-03-27T09:00:00+01:00', 'FREQ=DAILY', 2)).toEqual([
        '2027-03-28T07:00:00.000Z',
        '2027-03-29T07:00:00.000Z',
      ]);
      expect(await dueDatesAfter('2027-10-30T09:00:00+02:00', 'FREQ=DAILY', 2)).toEqual([
        '2027-10-31T08:00:00.000Z',
        '2027-11-01T08:00:00.000Z',
      ]);
    });

    it('moves a time in the DST gap forward by the gap, and takes the first of an ambiguous time', async () => {
      expect(await dueDatesAfter('2027-03-27T02:30:00+01:00', 'FREQ=DAILY', 2)).toEqual([
        '2027-03-28T01:30:00.000Z', // 03:30 +02:00
        '2027-03-29T00:30:00.000Z', // 02:30 +02:00
      ]);
      expect(await dueDatesAfter('2027-10-30T02:30:00+02:00', 'FREQ=DAILY', 2)).toEqual([
        '2027-10-31T00:30:00.000Z', // 02:30 +02:00, the first 02:30
        '2027-11-01T01:30:00.000Z',
      ]);
    });

    it('skips invalid dates: BYMONTHDAY=31 skips 30-day months, -1 is the last day', async () => {
      expect(
        await dueDatesAfter('2027-01-31T09:00:00+01:00', 'FREQ=MONTHLY;BYMONTHDAY=31', 2),
      ).toEqual(['2027-03-31T07:00:00.000Z', '2027-05-31T07:00:00.000Z']);
      expect(
        await dueDatesAfter('2027-01-31T09:00:00+01:00', 'FREQ=MONTHLY;BYMONTHDAY=-1', 3),
      ).toEqual([
        '2027-02-28T08:00:00.000Z',
        '2027-03-31T07:00:00.000Z',
        '2027-04-30T07:00:00.000Z',
      ]);
    });

    it('stays done when COUNT is used up; nextDueAt null', async () => {
      const taskId = await createTask('2027-01-04T09:00:00+01:00');
      await recur(taskId, 'FREQ=DAILY;COUNT=2').expect(200);
      expect(await complete(taskId)).toMatchObject({
        status: 'todo',
        dueAt: '2027-01-05T08:00:00.000Z',
        recurrence: { nextDueAt: null, completedCount: 1 },
      });
      expect(await complete(taskId)).toMatchObject({
        status: 'done',
        completedAt: expect.any(String),
        dueAt: '2027-01-05T08:00:00.000Z',
        recurrence: { nextDueAt: null, completedCount: 2 },
      });
    });

    it('takes UNTIL as inclusive, compared as an instant', async () => {
      const taskId = await createTask('2027-01-04T09:00:00+01:00');
      await recur(taskId, 'FREQ=DAILY;UNTIL=20270105T080000Z').expect(200);
      expect((await complete(taskId)).dueAt).toBe('2027-01-05T08:00:00.000Z');
      expect(await complete(taskId)).toMatchObject({ status: 'done' });
    });

    it('refuses to remove the due date of a recurring task (422), keeps nextDueAt current when it moves', async () => {
      const taskId = await createTask('2027-01-04T09:00:00+01:00');
      await recur(taskId, 'FREQ=WEEKLY;BYDAY=MO,TH').expect(200);
      expectProblem(await http.patch(`/tasks/${taskId}`).send({ dueAt: null }), 422, 'dueAt');
      const moved = await http
        .patch(`/tasks/${taskId}`)
        .send({ dueAt: '2027-01-08T09:00:00+01:00' })
        .expect(200);
      expect(moved.body.recurrence.nextDueAt).toBe('2027-01-11T08:00:00.000Z');
    });
  });

  describe('history', () => {
    it('lists the completed occurrences oldest first, page by page, with their dueAt', async () => {
      const taskId = await createTask('2027-01-04T09:00:00+01:00');
      await recur(taskId, 'FREQ=DAILY').expect(200);
      for (let i = 0; i < 3; i++) await complete(taskId);
      const dueAts: string[] = [];
      let cursor: string | null = null;
      do {
        const query: Record<string, string | number> = cursor ? { limit: 2, cursor } : { limit: 2 };
        const page = (
          await http.get(`/tasks/${taskId}/recurrence/history`).query(query).expect(200)
        ).body;
        expect(page.items.length).toBeLessThanOrEqual(2);
        for (const item of page.items) {
          expect(item).toEqual({
            id: expect.any(String),
            dueAt: expect.any(String),
            completedAt: expect.stringMatching(/Z$/),
          });
          dueAts.push(item.dueAt);
        }
        cursor = page.nextCursor;
      } while (cursor);
      expect(dueAts).toEqual([
        '2027-01-04T08:00:00.000Z',
        '2027-01-05T08:00:00.000Z',
        '2027-01-06T08:00:00.000Z',
      ]);
    });

    it('refuses a cursor of another task’s history with a 400', async () => {
      const first = await createTask();
      await recur(first, 'FREQ=DAILY').expect(200);
      for (let i = 0; i < 2; i++) await complete(first);
      const { nextCursor } = (
        await http.get(`/tasks/${first}/recurrence/history?limit=1`).expect(200)
      ).body;
      const other = await createTask();
      expectProblem(
        await http.get(`/tasks/${other}/recurrence/history?limit=1&cursor=${nextCursor}`),
        400,
        'cursor',
      );
    });
  });

  describe('ownership', () => {
    it("is the task owner's: another user gets 404 on every route and changes nothing", async () => {
      const taskId = await createTask();
      await recur(taskId, 'FREQ=DAILY').expect(200);
      await complete(taskId);
      const stranger = request.agent(app.getHttpServer()).set((await createTestUser(app)).headers);
      const snapshot = () =>
        db.query(
          `SELECT (SELECT json_agg(r) FROM recurrences r) AS recurrences,
                  (SELECT json_agg(c) FROM recurrence_completions c) AS completions`,
        );
      const before = await snapshot();
      for (const response of [
        await stranger.get(`/tasks/${taskId}/recurrence`),
        await stranger
          .put(`/tasks/${taskId}/recurrence`)
          .send({ rule: 'FREQ=WEEKLY', timezone: 'UTC' }),
        await stranger.delete(`/tasks/${taskId}/recurrence`),
        await stranger.get(`/tasks/${taskId}/recurrence/history`),
      ]) {
        expectProblem(response, 404);
      }
      expect(await snapshot()).toEqual(before);
      expect((await stranger.get('/tasks?recurring=true').expect(200)).body.items).toEqual([]);
    });
  });

  describe('in GET /tasks', () => {
    it('filters by recurring=true|false, 400 for anything else', async () => {
      const recurring = await createTask();
      await recur(recurring, 'FREQ=DAILY').expect(200);
      const plain = await createTask();
      const ids = async (query: string) =>
        (await http.get(`/tasks?${query}`).expect(200)).body.items.map((t: TaskBody) => t.id);
      expect(await ids('recurring=true')).toEqual([recurring]);
      expect(await ids('recurring=false')).toEqual([plain]);
      expectProblem(await http.get('/tasks?recurring=yes'), 400, 'recurring');
    });

    it('reads a task, and a page of tasks with their recurrence, in one statement', async () => {
      for (let i = 0; i < 10; i++) {
        const taskId = await createTask();
        if (i % 2 === 0) await recur(taskId, 'FREQ=DAILY').expect(200);
      }
      const counter = new StatementCounter(db);
      let page: TaskBody[] = [];
      const list = await counter.count(async () => {
        page = (await http.get('/tasks?limit=10&recurring=true').expect(200)).body.items;
      });
      const one = await counter.count(() => http.get(`/tasks/${page[0].id}`).expect(200));
      counter.restore();
      expect(page).toHaveLength(5);
      expect(page.every((task) => task.recurrence?.rule === 'FREQ=DAILY')).toBe(true);
      expect([list.length, one.length]).toEqual([1, 1]);
    });
  });

  it('documents the routes, the task field and the filter in the OpenAPI document', async () => {
    const document = (await http.get('/docs-json').expect(200)).body;
    expect(Object.keys(document.paths['/tasks/{taskId}/recurrence'])).toEqual(
      expect.arrayContaining(['put', 'get', 'delete']),
    );
    expect(document.paths['/tasks/{taskId}/recurrence/history'].get).toBeDefined();
    expect(document.components.schemas.TaskDto.properties.recurrence).toBeDefined();
    expect(document.paths['/tasks'].get.parameters.map((p: { name: string }) => p.name)).toContain(
      'recurring',
    );
  });
});
