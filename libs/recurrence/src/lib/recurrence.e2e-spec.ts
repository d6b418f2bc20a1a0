import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { resetDatabase } from '@task-api/core/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createRecurrenceTestApp } from '../testing';

const PROBLEM = /^application\/problem\+json/;
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

interface RecurrenceBody {
  id: string;
  taskId: string;
  body: string;
  createdAt: string;
  updatedAt: string;
}

describe('Recurrence (e2e): core + recurrence alone', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<typeof request>;
  let db: DataSource;

  const count = async (): Promise<number> =>
    Number((await db.query(`SELECT count(*)::int AS n FROM "recurrence"`))[0].n);

  const createTask = async (title = 'Renew passport'): Promise<string> =>
    (await http.post('/tasks').send({ title }).expect(201)).body.id;

  const create = async (taskId: string, body: string): Promise<RecurrenceBody> =>
    (await http.post(`/tasks/${taskId}/recurrence`).send({ body }).expect(201)).body;

  const expectProblem = (response: request.Response, status: number) => {
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(PROBLEM);
    expect(response.body).toMatchObject({ status, title: expect.any(String) });
    expect(JSON.stringify(response.body)).not.toMatch(/SELECT|INSERT|QueryFailed|at \w+ \(/);
  };

  /** Every item of a list, following `nextCursor` page by page. */
  const everyPage = async (path: string, limit: number): Promise<RecurrenceBody[]> => {
    const items: RecurrenceBody[] = [];
    let cursor: string | null = null;
    do {
      const query: Record<string, string | number> = cursor ? { limit, cursor } : { limit };
      const page = (await http.get(path).query(query).expect(200)).body;
      expect(page.items.length).toBeLessThanOrEqual(limit);
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  };

  beforeAll(async () => {
    app = await createRecurrenceTestApp();
    db = app.get(DataSource);
    http = request(app.getHttpServer());
  });
  beforeEach(() => resetDatabase(app));
  afterAll(() => app.close());

  it('creates one for a task (trimmed) with Location and ETag, and reads it back', async () => {
    const taskId = await createTask();
    const response = await http
      .post(`/tasks/${taskId}/recurrence`)
      .send({ body: '  Two photos  ' })
      .expect(201);
    expect(response.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      taskId,
      body: 'Two photos',
      createdAt: expect.stringMatching(/Z$/),
      updatedAt: expect.stringMatching(/Z$/),
    });
    expect(response.headers.location).toBe(`/recurrence/${response.body.id}`);
    const read = await http.get(response.headers.location).expect(200);
    expect(read.body).toEqual(response.body);
    expect(read.headers.etag).toBe(response.headers.etag);
  });

  it('creates one through POST /recurrence with the task in the body', async () => {
    const taskId = await createTask();
    const response = await http.post('/recurrence').send({ taskId, body: 'Call back' }).expect(201);
    expect(response.body).toMatchObject({ taskId, body: 'Call back' });
    expect(await count()).toBe(1);
  });

  it('is a 404 for an unknown task on every route that names one, and creates nothing', async () => {
    expectProblem(await http.post('/recurrence').send({ taskId: UNKNOWN_ID, body: 'x' }), 404);
    expectProblem(await http.post(`/tasks/${UNKNOWN_ID}/recurrence`).send({ body: 'x' }), 404);
    expectProblem(await http.get(`/tasks/${UNKNOWN_ID}/recurrence`), 404);
    expect(await count()).toBe(0);
  });

  it.each<[string, unknown]>([
    ['missing body', {}],
    ['blank body', { body: '   ' }],
    ['body too long', { body: 'x'.repeat(2001) }],
    ['body not a string', { body: 42 }],
    ['body null', { body: null }],
    ['unknown field', { body: 'ok', owner: 'me' }],
    ['server-set field', { body: 'ok', id: UNKNOWN_ID }],
  ])('refuses %s with a 400 and creates nothing', async (_, payload) => {
    const taskId = await createTask();
    expectProblem(await http.post(`/tasks/${taskId}/recurrence`).send(payload as object), 400);
    expectProblem(await http.post('/recurrence').send({ taskId, ...(payload as object) }), 400);
    expect(await count()).toBe(0);
  });

  it('refuses ids that are not UUIDs with a 400', async () => {
    expectProblem(await http.get('/recurrence/nope'), 400);
    expectProblem(await http.get('/tasks/nope/recurrence'), 400);
    expectProblem(await http.get('/recurrence').query({ taskId: 'nope' }), 400);
    expectProblem(await http.post('/recurrence').send({ taskId: 'nope', body: 'x' }), 400);
  });

  it('lists newest first, pages without skipping or repeating, and filters by task', async () => {
    const [first, second] = [await createTask('first'), await createTask('second')];
    const created: RecurrenceBody[] = [];
    for (const body of ['a', 'b', 'c', 'd', 'e']) created.push(await create(first, body));
    created.push(await create(second, 'other'));

    const all = (await http.get('/recurrence').expect(200)).body;
    expect(all.nextCursor).toBeNull();
    const newestFirst = [...all.items].sort(
      (x: RecurrenceBody, y: RecurrenceBody) =>
        y.createdAt.localeCompare(x.createdAt) || y.id.localeCompare(x.id),
    );
    expect(all.items).toEqual(newestFirst);
    expect(all.items).toHaveLength(6);

    expect(await everyPage('/recurrence', 2)).toEqual(all.items);
    const ofFirst = all.items.filter((item: RecurrenceBody) => item.taskId === first);
    expect(await everyPage(`/tasks/${first}/recurrence`, 2)).toEqual(ofFirst);
    expect(
      (await http.get('/recurrence').query({ taskId: second }).expect(200)).body.items,
    ).toEqual([created[5]]);
    expectProblem(await http.get('/recurrence').query({ cursor: 'bm9wZQ' }), 400);
  });

  it('changes the body, honouring If-Match', async () => {
    const item = await create(await createTask(), 'First draft');
    const { etag } = (await http.get(`/recurrence/${item.id}`).expect(200)).headers;

    const stale = await http
      .patch(`/recurrence/${item.id}`)
      .set('If-Match', '"stale"')
      .send({ body: 'Lost update' });
    expectProblem(stale, 412);

    const updated = await http
      .patch(`/recurrence/${item.id}`)
      .set('If-Match', etag)
      .send({ body: ' Second draft ' })
      .expect(200);
    expect(updated.body).toMatchObject({ id: item.id, body: 'Second draft' });
    expect(updated.headers.etag).not.toBe(etag);
    expect((await http.get(`/recurrence/${item.id}`).expect(200)).body.body).toBe('Second draft');

    expectProblem(await http.patch(`/recurrence/${item.id}`).send({ body: '' }), 400);
    expectProblem(await http.patch(`/recurrence/${UNKNOWN_ID}`).send({ body: 'x' }), 404);
  });

  it('deletes, honouring If-Match; then it is gone', async () => {
    const item = await create(await createTask(), 'Bye');
    expectProblem(await http.delete(`/recurrence/${item.id}`).set('If-Match', '"stale"'), 412);
    await http.delete(`/recurrence/${item.id}`).expect(204);
    expectProblem(await http.get(`/recurrence/${item.id}`), 404);
    expectProblem(await http.delete(`/recurrence/${item.id}`), 404);
    expect(await count()).toBe(0);
  });

  it('goes with its task when the task is deleted', async () => {
    const [kept, deleted] = [await createTask('kept'), await createTask('deleted')];
    await create(kept, 'stays');
    await create(deleted, 'goes');
    await http.delete(`/tasks/${deleted}`).expect(204);
    const left = (await http.get('/recurrence').expect(200)).body.items;
    expect(left.map((item: RecurrenceBody) => item.body)).toEqual(['stays']);
  });

  it('documents every route with an operation id, a summary and its errors', async () => {
    const document = (await http.get('/docs-json').expect(200)).body;
    const operations = ['/recurrence', '/recurrence/{id}', '/tasks/{taskId}/recurrence'].flatMap(
      (path) => Object.values(document.paths[path] as object),
    );
    expect(operations.map((operation) => operation.operationId).sort()).toEqual(
      [
        'createRecurrence',
        'createTaskRecurrence',
        'deleteRecurrence',
        'getRecurrence',
        'listRecurrence',
        'listTaskRecurrence',
        'updateRecurrence',
      ].sort(),
    );
    for (const operation of operations) {
      expect(operation.summary).toEqual(expect.any(String));
      expect(Object.keys(operation.responses).some((status) => Number(status) >= 400)).toBe(true);
    }
  });
});
