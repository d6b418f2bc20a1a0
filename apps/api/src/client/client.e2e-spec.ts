import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createTestUser, resetDatabase, testDatabaseUrl } from '@task-api/core/testing';
import createClient, { Client } from 'openapi-fetch';
import { createApiApp } from '../testing/create-api-app';
import type { paths } from './task-api';

const DUE = '2030-06-01T12:00:00.000Z';

/**
 * A client generated from the committed openapi.json (openapi-typescript types, openapi-fetch)
 * against the composed app over real HTTP: the union round trip, typed by the document alone.
 * When the document and the API disagree, this test stops compiling (`npm run typecheck`,
 * after `npm run openapi`) or fails here.
 */
describe('A client generated from openapi.json (e2e)', () => {
  let app: NestFastifyApplication;
  let client: Client<paths>;

  beforeAll(async () => {
    app = await createApiApp(testDatabaseUrl(), { REMINDERS_DISPATCHER_ENABLED: 'false' });
    const { headers } = await createTestUser(app);
    await app.listen(0, '127.0.0.1');
    client = createClient<paths>({ baseUrl: await app.getUrl(), headers });
  });
  beforeEach(() => resetDatabase(app));
  afterAll(() => app.close());

  it('creates a task, adds a tag and a reminder, and reads the task back with both', async () => {
    const created = await client.POST('/tasks', {
      body: { title: 'Ship the release', dueAt: DUE },
    });
    expect(created.response.status).toBe(201);
    if (!created.data) throw new Error('POST /tasks answered 201 without a task');
    const taskId = created.data.id;

    const tag = await client.POST('/tasks/{taskId}/tags', {
      params: { path: { taskId } },
      body: { name: 'Launch' },
    });
    expect(tag.response.status).toBe(201);
    const reminder = await client.POST('/tasks/{taskId}/reminders', {
      params: { path: { taskId } },
      body: { offsetMinutes: 30, note: 'half an hour before' },
    });
    expect(reminder.response.status).toBe(201);

    const { data: task, response } = await client.GET('/tasks/{id}', {
      params: { path: { id: taskId } },
    });
    expect(response.status).toBe(200);
    expect(task?.tags.map(({ id, name }) => ({ id, name }))).toEqual([
      { id: tag.data?.id, name: 'Launch' },
    ]);
    expect(task?.reminders.map(({ id, remindAt, status }) => ({ id, remindAt, status }))).toEqual([
      { id: reminder.data?.id, remindAt: '2030-06-01T11:30:00.000Z', status: 'scheduled' },
    ]);
  });

  it('sends array query parameters the way the document describes them', async () => {
    await client.POST('/tasks', { body: { title: 'open' } });
    await client.POST('/tasks', { body: { title: 'finished', status: 'done' } });
    await client.POST('/tasks', { body: { title: 'started', status: 'in_progress' } });

    const { data } = await client.GET('/tasks', {
      params: { query: { status: ['todo', 'in_progress'], sort: 'createdAt' } },
    });
    expect(data?.items.map((task) => task.title)).toEqual(['open', 'started']);
  });

  it('reads an error as the problem details the document declares', async () => {
    const missing = '0b6f2a8e-3c1d-4e5f-9a7b-1c2d3e4f5a6b';
    const { error, response } = await client.GET('/tasks/{id}', {
      params: { path: { id: missing } },
    });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(error).toMatchObject({ status: 404, instance: `/tasks/${missing}` });
  });
});
