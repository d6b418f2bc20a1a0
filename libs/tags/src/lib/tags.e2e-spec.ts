import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { StatementCounter, TestUser, createTestUser, resetDatabase } from '@task-api/core/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createTagsTestApp } from '../testing';

const PROBLEM = /^application\/problem\+json/;
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

interface TagBody {
  id: string;
  name: string;
  color: string | null;
  taskCount: number;
  createdAt: string;
  updatedAt: string;
}
interface TaskBody {
  id: string;
  title: string;
  tags: { id: string; name: string; color: string | null }[];
  [key: string]: unknown;
}

describe('Tags (e2e): core + tags alone', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<typeof request>;
  let db: DataSource;
  let user: TestUser;

  const count = async (table: 'tags' | 'task_tags' | 'tasks'): Promise<number> =>
    Number((await db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);

  const createTask = async (title: string): Promise<TaskBody> =>
    (await http.post('/tasks').send({ title }).expect(201)).body;

  const createTag = async (name: string, color?: string): Promise<TagBody> =>
    (await http.post('/tags').send({ name, color }).expect(201)).body;

  const attach = (taskId: string, tagId: string) =>
    http.put(`/tasks/${taskId}/tags/${tagId}`).expect(204);

  const expectProblem = (response: request.Response, status: number) => {
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(PROBLEM);
    expect(response.body).toMatchObject({
      status,
      title: expect.any(String),
      instance: expect.any(String),
    });
    expect(JSON.stringify(response.body)).not.toMatch(/SELECT|INSERT|QueryFailed|at \w+ \(/);
  };

  beforeAll(async () => {
    app = await createTagsTestApp();
    db = app.get(DataSource);
    // Every request of the suite is one user's; `ownership` brings a second.
    user = await createTestUser(app);
    http = request.agent(app.getHttpServer()).set(user.headers);
  });
  beforeEach(() => resetDatabase(app));
  afterAll(() => app.close());

  describe('POST /tags', () => {
    it('creates a tag (name trimmed, color lowercased) with Location and ETag, and reads it back', async () => {
      const response = await http
        .post('/tags')
        .send({ name: '  Urgent  ', color: '#E5484D' })
        .expect(201);
      expect(response.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        name: 'Urgent',
        color: '#e5484d',
        taskCount: 0,
        createdAt: expect.stringMatching(/Z$/),
        updatedAt: expect.stringMatching(/Z$/),
      });
      expect(response.headers.location).toBe(`/tags/${response.body.id}`);
      expect(response.headers.etag).toMatch(/^"[\w-]{22}"$/);

      const read = await http.get(`/tags/${response.body.id}`).expect(200);
      expect(read.body).toEqual(response.body);
      expect(read.headers.etag).toBe(response.headers.etag);
    });

    it('accepts a tag without color, and names of 1 and 64 characters', async () => {
      expect((await createTag('a')).color).toBeNull();
      expect(
        (
          await http
            .post('/tags')
            .send({ name: 'x'.repeat(64), color: null })
            .expect(201)
        ).body,
      ).toMatchObject({ name: 'x'.repeat(64), color: null });
    });

    it('answers 409 with the existing id for a name taken in any case, and creates nothing', async () => {
      const first = await createTag('Urgent');
      for (const name of ['Urgent', 'urgent', ' URGENT ']) {
        const response = await http.post('/tags').send({ name }).expect(409);
        expectProblem(response, 409);
        expect(response.body).toMatchObject({
          existingId: first.id,
          detail: expect.stringContaining('Urgent'),
        });
      }
      expect(await count('tags')).toBe(1);
    });

    it.each<[string, unknown]>([
      ['missing name', { color: '#000000' }],
      ['blank name', { name: '   ' }],
      ['name too long', { name: 'x'.repeat(65) }],
      ['name not a string', { name: 42 }],
      ['name null', { name: null }],
      ['short color', { name: 'ok', color: '#fff' }],
      ['named color', { name: 'ok', color: 'red' }],
      ['non-hex color', { name: 'ok', color: '#GGGGGG' }],
      ['color without #', { name: 'ok', color: 'e5484d' }],
      ['color not a string', { name: 'ok', color: 0xe5484d }],
      ['unknown field', { name: 'ok', owner: 'me' }],
      ['server-set field', { name: 'ok', taskCount: 3 }],
      ['an array body', [{ name: 'ok' }]],
    ])('%s is a 400 that creates nothing', async (_, body) => {
      const response = await http.post('/tags').send(body as object);
      expectProblem(response, 400);
      expect(response.body.errors.length).toBeGreaterThan(0);
      expect(await count('tags')).toBe(0);
    });

    it('malformed JSON is a 400 and a non-JSON body a 415', async () => {
      expectProblem(
        await http.post('/tags').set('content-type', 'application/json').send('{"name":'),
        400,
      );
      expectProblem(await http.post('/tags').set('content-type', 'text/plain').send('name=x'), 415);
      expect(await count('tags')).toBe(0);
    });
  });

  describe('GET /tags', () => {
    const names = (body: { items: TagBody[] }) => body.items.map((tag) => tag.name);

    it('lists by name case-insensitively, with each taskCount from the same query', async () => {
      const [beta, alpha] = [await createTag('beta'), await createTag('Alpha')];
      await createTag('gamma');
      const [one, two] = [await createTask('one'), await createTask('two')];
      await attach(one.id, beta.id);
      await attach(two.id, beta.id);
      await attach(one.id, alpha.id);
      const response = await http.get('/tags').expect(200);
      expect(response.body.items.map((t: TagBody) => [t.name, t.taskCount])).toEqual([
        ['Alpha', 1],
        ['beta', 2],
        ['gamma', 0],
      ]);
      expect(response.body.nextCursor).toBeNull();
    });

    it('q is a case-insensitive name prefix, LIKE wildcards taken literally', async () => {
      for (const name of ['urgent', 'Urban', 'burger', 'u_x', 'ux', '100%']) await createTag(name);
      expect(names((await http.get('/tags?q=UR').expect(200)).body)).toEqual(['Urban', 'urgent']);
      expect(names((await http.get('/tags?q=u_').expect(200)).body)).toEqual(['u_x']);
      expect(names((await http.get('/tags?q=%25').expect(200)).body)).toEqual([]);
      expect(names((await http.get('/tags?q=100%25').expect(200)).body)).toEqual(['100%']);
    });

    it('walks every page once, without skips or repeats, while tags are inserted', async () => {
      const created = [];
      for (let i = 0; i < 7; i++) created.push((await createTag(`tag-${i}`)).name);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: TagBody[]; nextCursor: string | null } = (
          await http.get(`/tags?limit=2${cursor ? `&cursor=${cursor}` : ''}`).expect(200)
        ).body;
        seen.push(...names(page));
        cursor = page.nextCursor;
        if (seen.length === 2) {
          // Inserted mid-walk: one before the cursor (never seen), one after it (seen once).
          await createTag('aaa');
          await createTag('tag-2a');
        }
      } while (cursor);
      expect(seen).toEqual([...created.slice(0, 3), 'tag-2a', ...created.slice(3)]);
    });

    it.each([
      ['unknown parameter', 'owner=me'],
      ['limit zero', 'limit=0'],
      ['limit over 200', 'limit=201'],
      ['tampered cursor', 'cursor=not-a-cursor'],
      ['q too long', `q=${'x'.repeat(65)}`],
    ])('%s is a 400', async (_, query) => {
      expectProblem(await http.get(`/tags?${query}`), 400);
    });
  });

  describe('GET /tags/:id', () => {
    it('is a 404 for an unknown tag and a 400 for a non-UUID id', async () => {
      expectProblem(await http.get(`/tags/${UNKNOWN_ID}`), 404);
      const bad = await http.get('/tags/42');
      expectProblem(bad, 400);
      expect(bad.body.errors).toEqual([{ field: 'id', message: 'must be a UUID' }]);
    });
  });

  describe('PATCH /tags/:id', () => {
    it('renames and recolors, and null removes the color', async () => {
      const tag = await createTag('home', '#00ff00');
      const renamed = await http
        .patch(`/tags/${tag.id}`)
        .send({ name: ' House ', color: '#ABCDEF' })
        .expect(200);
      expect(renamed.body).toMatchObject({
        id: tag.id,
        name: 'House',
        color: '#abcdef',
        taskCount: 0,
      });
      const cleared = await http.patch(`/tags/${tag.id}`).send({ color: null }).expect(200);
      expect(cleared.body).toMatchObject({ name: 'House', color: null });
      expect((await http.get(`/tags/${tag.id}`).expect(200)).body).toEqual(cleared.body);
    });

    it('allows a change of case of its own name', async () => {
      const tag = await createTag('urgent');
      const response = await http.patch(`/tags/${tag.id}`).send({ name: 'URGENT' }).expect(200);
      expect(response.body.name).toBe('URGENT');
    });

    it('answers 409 with the existing id on a clash in any case, and changes nothing', async () => {
      const urgent = await createTag('Urgent');
      const home = await createTag('home');
      const response = await http.patch(`/tags/${home.id}`).send({ name: 'uRGENT' }).expect(409);
      expectProblem(response, 409);
      expect(response.body.existingId).toBe(urgent.id);
      expect((await http.get(`/tags/${home.id}`).expect(200)).body).toEqual(home);
    });

    it('honours If-Match: the current ETag passes, a stale one is 412 and changes nothing', async () => {
      const created = await http.post('/tags').send({ name: 'draft' }).expect(201);
      const first = await http
        .patch(`/tags/${created.body.id}`)
        .set('If-Match', created.headers.etag)
        .send({ name: 'first' })
        .expect(200);
      expect(first.headers.etag).not.toBe(created.headers.etag);
      expectProblem(
        await http
          .patch(`/tags/${created.body.id}`)
          .set('If-Match', created.headers.etag)
          .send({ name: 'second' }),
        412,
      );
      expect((await http.get(`/tags/${created.body.id}`)).body.name).toBe('first');
    });

    it('is a 404 for an unknown tag; bad bodies are 400s that change nothing', async () => {
      expectProblem(await http.patch(`/tags/${UNKNOWN_ID}`).send({ name: 'x' }), 404);
      const tag = await createTag('stable', '#123456');
      for (const body of [
        { name: null },
        { name: '' },
        { name: 'x'.repeat(65) },
        { color: 'blue' },
        { taskCount: 1 },
      ]) {
        expectProblem(await http.patch(`/tags/${tag.id}`).send(body), 400);
      }
      expectProblem(await http.patch('/tags/nope').send({ name: 'x' }), 400);
      expect((await http.get(`/tags/${tag.id}`).expect(200)).body).toEqual(tag);
    });
  });

  describe('DELETE /tags/:id', () => {
    it('deletes with 204, detaching it from every task, then 404', async () => {
      const tag = await createTag('gone');
      const keep = await createTag('kept');
      const [one, two] = [await createTask('one'), await createTask('two')];
      await attach(one.id, tag.id);
      await attach(two.id, tag.id);
      await attach(one.id, keep.id);
      await http.delete(`/tags/${tag.id}`).expect(204);
      expect(await count('task_tags')).toBe(1);
      expect((await http.get(`/tasks/${one.id}`).expect(200)).body.tags).toEqual([
        { id: keep.id, name: 'kept', color: null },
      ]);
      expect((await http.get(`/tasks/${two.id}`).expect(200)).body.tags).toEqual([]);
      expectProblem(await http.get(`/tags/${tag.id}`), 404);
      expectProblem(await http.delete(`/tags/${tag.id}`), 404);
    });

    it('refuses a stale If-Match with 412 and keeps the tag', async () => {
      const created = await http.post('/tags').send({ name: 'guarded' }).expect(201);
      await http.patch(`/tags/${created.body.id}`).send({ color: '#000000' }).expect(200);
      expectProblem(
        await http.delete(`/tags/${created.body.id}`).set('If-Match', created.headers.etag),
        412,
      );
      const current = await http.get(`/tags/${created.body.id}`).expect(200);
      await http
        .delete(`/tags/${created.body.id}`)
        .set('If-Match', current.headers.etag)
        .expect(204);
    });
  });

  describe('GET /tags/:id/tasks', () => {
    it('lists the tasks carrying the tag, newest first, as full task views, paginated', async () => {
      const tag = await createTag('work', '#0000FF');
      const other = await createTag('other');
      const tasks = [];
      for (const title of ['t1', 't2', 't3']) tasks.push(await createTask(title));
      await createTask('untagged');
      for (const task of tasks) await attach(task.id, tag.id);
      await attach(tasks[0].id, other.id);

      const first = await http.get(`/tags/${tag.id}/tasks?limit=2`).expect(200);
      const second = await http
        .get(`/tags/${tag.id}/tasks?limit=2&cursor=${first.body.nextCursor}`)
        .expect(200);
      expect(second.body.nextCursor).toBeNull();
      const items: TaskBody[] = [...first.body.items, ...second.body.items];
      expect(items.map((task) => task.title)).toEqual(['t3', 't2', 't1']);
      expect(items[2]).toEqual({
        ...(await http.get(`/tasks/${tasks[0].id}`).expect(200)).body,
        tags: [
          { id: other.id, name: 'other', color: null },
          { id: tag.id, name: 'work', color: '#0000ff' },
        ],
      });
    });

    it('is a 404 for an unknown tag, a 400 for a bad id or cursor', async () => {
      expectProblem(await http.get(`/tags/${UNKNOWN_ID}/tasks`), 404);
      expectProblem(await http.get('/tags/1/tasks'), 400);
      const tag = await createTag('x');
      expectProblem(await http.get(`/tags/${tag.id}/tasks?cursor=abc`), 400);
      expectProblem(await http.get(`/tags/${tag.id}/tasks?sort=title`), 400);
    });
  });

  describe("a task's tags: /tasks/:taskId/tags", () => {
    it('attaches by id idempotently; the task view and the tag list show it', async () => {
      const task = await createTask('Pay rent');
      const tag = await createTag('Home', '#00AA00');
      await attach(task.id, tag.id);
      await attach(task.id, tag.id);
      expect(await count('task_tags')).toBe(1);
      expect((await http.get(`/tasks/${task.id}`).expect(200)).body.tags).toEqual([
        { id: tag.id, name: 'Home', color: '#00aa00' },
      ]);
      const list = await http.get(`/tasks/${task.id}/tags`).expect(200);
      expect(list.body).toEqual({ items: [{ ...tag, taskCount: 1 }], nextCursor: null });
      expect((await http.get(`/tags/${tag.id}`).expect(200)).body.taskCount).toBe(1);
    });

    it('detaches idempotently', async () => {
      const task = await createTask('Pay rent');
      const tag = await createTag('home');
      await attach(task.id, tag.id);
      await http.delete(`/tasks/${task.id}/tags/${tag.id}`).expect(204);
      await http.delete(`/tasks/${task.id}/tags/${tag.id}`).expect(204);
      expect(await count('task_tags')).toBe(0);
      expect(await count('tags')).toBe(1);
      expect((await http.get(`/tasks/${task.id}`).expect(200)).body.tags).toEqual([]);
    });

    it("pages a task's tags by name", async () => {
      const task = await createTask('many');
      for (const name of ['c', 'A', 'b']) await attach(task.id, (await createTag(name)).id);
      const first = await http.get(`/tasks/${task.id}/tags?limit=2`).expect(200);
      const second = await http
        .get(`/tasks/${task.id}/tags?limit=2&cursor=${first.body.nextCursor}`)
        .expect(200);
      expect([...first.body.items, ...second.body.items].map((t: TagBody) => t.name)).toEqual([
        'A',
        'b',
        'c',
      ]);
      expect(second.body.nextCursor).toBeNull();
      // A cursor belongs to its list: not to another task's tags, nor to GET /tags.
      const other = await createTask('other');
      expectProblem(
        await http.get(`/tasks/${other.id}/tags?limit=2&cursor=${first.body.nextCursor}`),
        400,
      );
      expectProblem(await http.get(`/tags?limit=2&cursor=${first.body.nextCursor}`), 400);
    });

    it('is a 404 for an unknown task or tag on every route, and nothing changes', async () => {
      const task = await createTask('real');
      const tag = await createTag('real');
      const calls: [string, () => request.Test][] = [
        ['list, unknown task', () => http.get(`/tasks/${UNKNOWN_ID}/tags`)],
        ['attach, unknown task', () => http.put(`/tasks/${UNKNOWN_ID}/tags/${tag.id}`)],
        ['attach, unknown tag', () => http.put(`/tasks/${task.id}/tags/${UNKNOWN_ID}`)],
        ['detach, unknown task', () => http.delete(`/tasks/${UNKNOWN_ID}/tags/${tag.id}`)],
        ['detach, unknown tag', () => http.delete(`/tasks/${task.id}/tags/${UNKNOWN_ID}`)],
        [
          'by name, unknown task',
          () => http.post(`/tasks/${UNKNOWN_ID}/tags`).send({ name: 'new' }),
        ],
        [
          'replace, unknown task',
          () => http.put(`/tasks/${UNKNOWN_ID}/tags`).send({ tagIds: [tag.id] }),
        ],
      ];
      for (const [label, call] of calls) {
        const response = await call();
        expect([label, response.status]).toEqual([label, 404]);
        expectProblem(response, 404);
      }
      expect(await count('tags')).toBe(1);
      expect(await count('task_tags')).toBe(0);
    });

    it('is a 400 for a path id that is not a UUID', async () => {
      const task = await createTask('real');
      const tag = await createTag('real');
      for (const [call, field] of [
        [http.get('/tasks/42/tags'), 'taskId'],
        [http.put(`/tasks/42/tags/${tag.id}`), 'taskId'],
        [http.put(`/tasks/${task.id}/tags/42`), 'tagId'],
        [http.delete(`/tasks/${task.id}/tags/42`), 'tagId'],
        [http.post('/tasks/42/tags').send({ name: 'x' }), 'taskId'],
        [http.put('/tasks/42/tags').send({ tagIds: [] }), 'taskId'],
      ] as const) {
        const response = await call;
        expectProblem(response, 400);
        expect(response.body.errors).toEqual([{ field, message: 'must be a UUID' }]);
      }
    });
  });

  describe('POST /tasks/:taskId/tags (attach by name)', () => {
    it('creates the tag (201, Location) or finds it in any case (200), keeping the first spelling', async () => {
      const task = await createTask('Ship it');
      const other = await createTask('Other');
      const created = await http
        .post(`/tasks/${task.id}/tags`)
        .send({ name: 'Release', color: '#FF0000' })
        .expect(201);
      expect(created.body).toMatchObject({ name: 'Release', color: '#ff0000', taskCount: 1 });
      expect(created.headers.location).toBe(`/tags/${created.body.id}`);

      const again = await http
        .post(`/tasks/${task.id}/tags`)
        .send({ name: ' RELEASE ' })
        .expect(200);
      expect(again.body).toMatchObject({ id: created.body.id, name: 'Release', taskCount: 1 });
      expect(again.headers.location).toBeUndefined();

      // The color is for a new tag only: an existing tag keeps its own.
      const elsewhere = await http
        .post(`/tasks/${other.id}/tags`)
        .send({ name: 'release', color: '#00ff00' })
        .expect(200);
      expect(elsewhere.body).toMatchObject({ id: created.body.id, color: '#ff0000', taskCount: 2 });
      expect(await count('tags')).toBe(1);
      expect(await count('task_tags')).toBe(2);
    });

    it.each<[string, unknown]>([
      ['missing name', {}],
      ['blank name', { name: ' ' }],
      ['name too long', { name: 'y'.repeat(65) }],
      ['bad color', { name: 'ok', color: '#12345' }],
      ['unknown field', { name: 'ok', tagId: UNKNOWN_ID }],
    ])('%s is a 400 that changes nothing', async (_, body) => {
      const task = await createTask('t');
      expectProblem(await http.post(`/tasks/${task.id}/tags`).send(body as object), 400);
      expect(await count('tags')).toBe(0);
      expect(await count('task_tags')).toBe(0);
    });

    it('50 simultaneous calls with one new name in mixed case create one tag and one link', async () => {
      const task = await createTask('Race');
      const spellings = ['Launch Q4', 'launch q4', 'LAUNCH Q4', 'Launch q4', 'lAuNcH q4'];
      const responses = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          http.post(`/tasks/${task.id}/tags`).send({ name: spellings[i % spellings.length] }),
        ),
      );
      const statuses = responses.map((response) => response.status);
      expect(statuses.filter((status) => status === 201)).toHaveLength(1);
      expect(statuses.filter((status) => status === 200)).toHaveLength(49);
      const winner = responses.find((response) => response.status === 201)!;
      expect(new Set(responses.map((response) => response.body.id))).toEqual(
        new Set([winner.body.id]),
      );
      expect(responses.every((response) => response.body.name === winner.body.name)).toBe(true);
      expect(await count('tags')).toBe(1);
      expect(await count('task_tags')).toBe(1);
      expect((await http.get(`/tags/${winner.body.id}`).expect(200)).body.taskCount).toBe(1);
    });
  });

  describe('PUT /tasks/:taskId/tags (replace the set)', () => {
    it('replaces the whole set, repeats counting once, and [] clears it', async () => {
      const task = await createTask('t');
      const [a, b, c] = [await createTag('a'), await createTag('b'), await createTag('c')];
      await attach(task.id, a.id);
      await attach(task.id, b.id);
      const replaced = await http
        .put(`/tasks/${task.id}/tags`)
        .send({ tagIds: [c.id, b.id, c.id.toUpperCase()] })
        .expect(200);
      expect(replaced.body).toEqual({
        items: [
          { ...b, taskCount: 1 },
          { ...c, taskCount: 1 },
        ],
        nextCursor: null,
      });
      expect(
        (await http.get(`/tasks/${task.id}`).expect(200)).body.tags.map((t: TagBody) => t.name),
      ).toEqual(['b', 'c']);
      const cleared = await http.put(`/tasks/${task.id}/tags`).send({ tagIds: [] }).expect(200);
      expect(cleared.body).toEqual({ items: [], nextCursor: null });
      expect(await count('task_tags')).toBe(0);
      expect(await count('tags')).toBe(3);
    });

    it('an unknown tag id is a 404 naming it, and nothing changes', async () => {
      const task = await createTask('t');
      const [a, b] = [await createTag('a'), await createTag('b')];
      await attach(task.id, a.id);
      const response = await http
        .put(`/tasks/${task.id}/tags`)
        .send({ tagIds: [b.id, UNKNOWN_ID] });
      expectProblem(response, 404);
      expect(response.body.missingIds).toEqual([UNKNOWN_ID]);
      expect(
        (await http.get(`/tasks/${task.id}`).expect(200)).body.tags.map((t: TagBody) => t.id),
      ).toEqual([a.id]);
    });

    it.each<[string, unknown]>([
      ['missing tagIds', {}],
      ['tagIds not an array', { tagIds: 'x' }],
      ['a tag id that is not a UUID', { tagIds: ['nope'] }],
      ['a tag id that is not a string', { tagIds: [1] }],
      ['unknown field', { tagIds: [], replace: true }],
    ])('%s is a 400 that changes nothing', async (_, body) => {
      const task = await createTask('t');
      const tag = await createTag('a');
      await attach(task.id, tag.id);
      expectProblem(await http.put(`/tasks/${task.id}/tags`).send(body as object), 400);
      expect(await count('task_tags')).toBe(1);
    });
  });

  describe('cascade', () => {
    it('deleting a task removes its links and keeps the tags', async () => {
      const [gone, kept] = [await createTask('gone'), await createTask('kept')];
      const tag = await createTag('shared');
      await attach(gone.id, tag.id);
      await attach(kept.id, tag.id);
      await http.delete(`/tasks/${gone.id}`).expect(204);
      expect(await count('task_tags')).toBe(1);
      expect((await http.get(`/tags/${tag.id}`).expect(200)).body.taskCount).toBe(1);
      expect(
        (await http.get(`/tags/${tag.id}/tasks`).expect(200)).body.items.map((t: TaskBody) => t.id),
      ).toEqual([kept.id]);
    });
  });

  describe('GET /tasks tag filters', () => {
    const titles = async (query: string): Promise<string[]> => {
      const response = await http.get(`/tasks?${query}`).expect(200);
      return response.body.items.map((task: TaskBody) => task.title).sort();
    };

    beforeEach(async () => {
      const [urgent, home, work] = [
        await createTag('Urgent'),
        await createTag('home'),
        await createTag('work'),
      ];
      await createTag('unused');
      const fixture: [string, string[]][] = [
        ['A', [urgent.id, home.id]],
        ['B', [urgent.id]],
        ['C', [home.id]],
        ['D', [work.id]],
        ['E', []],
      ];
      for (const [title, tagIds] of fixture) {
        const task = await createTask(title);
        for (const tagId of tagIds) await attach(task.id, tagId);
      }
    });

    it.each([
      ['tags=urgent', ['A', 'B']],
      ['tags=URGENT,Home', ['A', 'B', 'C']],
      ['tags=urgent&tags=home&tagMatch=any', ['A', 'B', 'C']],
      ['tags=urgent,home&tagMatch=all', ['A']],
      ['tags=urgent,URGENT&tagMatch=all', ['A', 'B']],
      ['tags=urgent,nosuchtag&tagMatch=all', []],
      ['tags=nosuchtag', []],
      ['tags=urgent,home&tagMatch=none', ['D', 'E']],
      ['tags=nosuchtag&tagMatch=none', ['A', 'B', 'C', 'D', 'E']],
      ['untagged=true', ['E']],
      ['untagged=false', ['A', 'B', 'C', 'D']],
      ['tags=home&untagged=false', ['A', 'C']],
      ['tags=work&tagMatch=none&untagged=false', ['A', 'B', 'C']],
      ['tags=urgent&q=a', ['A']],
    ])('%s gives exactly %j', async (query, expected) => {
      expect(await titles(query)).toEqual(expected);
    });

    it('each listed task carries its tags, sorted by name', async () => {
      const response = await http.get('/tasks?tags=urgent,home&tagMatch=all').expect(200);
      expect(response.body.items[0].tags.map((t: { name: string }) => t.name)).toEqual([
        'home',
        'Urgent',
      ]);
    });

    it.each([
      ['unknown tagMatch', 'tags=a&tagMatch=some'],
      ['tagMatch without tags', 'tagMatch=all'],
      ['tagMatch repeated', 'tags=a&tagMatch=any&tagMatch=all'],
      ['empty tags', 'tags='],
      ['only commas', 'tags=,,'],
      ['a name too long', `tags=${'n'.repeat(65)}`],
      ['untagged not a boolean', 'untagged=yes'],
    ])('%s is a 400', async (_, query) => {
      const response = await http.get(`/tasks?${query}`);
      expectProblem(response, 400);
      expect(response.body.errors.length).toBeGreaterThan(0);
    });
  });

  describe('ownership', () => {
    let stranger: ReturnType<typeof request>;
    beforeAll(async () => {
      stranger = request.agent(app.getHttpServer()).set((await createTestUser(app)).headers);
    });

    it('gives each user tag names of their own: both may have "urgent"', async () => {
      const mine = await createTag('urgent');
      const theirs = (await stranger.post('/tags').send({ name: 'Urgent' }).expect(201)).body;
      expect(theirs.id).not.toBe(mine.id);
      expect((await http.get('/tags').expect(200)).body.items).toEqual([mine]);
      expect((await stranger.get('/tags?q=urg').expect(200)).body.items).toEqual([theirs]);
      await stranger.post('/tags').send({ name: 'URGENT' }).expect(409);
    });

    it("never shows, changes, counts or attaches another user's tag: 404, nothing changes", async () => {
      const task = await createTask('Mine');
      const tag = await createTag('home');
      await attach(task.id, tag.id);
      const theirTask = (await stranger.post('/tasks').send({ title: 'Theirs' }).expect(201)).body;
      const before = await db.query(`SELECT * FROM task_tags ORDER BY task_id, tag_id`);
      for (const response of [
        await stranger.get(`/tags/${tag.id}`),
        await stranger.get(`/tags/${tag.id}/tasks`),
        await stranger.patch(`/tags/${tag.id}`).send({ name: 'stolen' }),
        await stranger.delete(`/tags/${tag.id}`),
        await stranger.put(`/tasks/${theirTask.id}/tags/${tag.id}`),
        await stranger.delete(`/tasks/${theirTask.id}/tags/${tag.id}`),
        await stranger.put(`/tasks/${theirTask.id}/tags`).send({ tagIds: [tag.id] }),
        await stranger.get(`/tasks/${task.id}/tags`),
        await stranger.post(`/tasks/${task.id}/tags`).send({ name: 'home' }),
      ]) {
        expectProblem(response, 404);
      }
      expect(await db.query(`SELECT * FROM task_tags ORDER BY task_id, tag_id`)).toEqual(before);
      expect((await http.get(`/tags/${tag.id}`).expect(200)).body).toMatchObject({
        name: 'home',
        taskCount: 1,
      });
      // The name filter finds the stranger's own tag of that name, never this one.
      await stranger.post(`/tasks/${theirTask.id}/tags`).send({ name: 'home' }).expect(201);
      const filtered = (await stranger.get('/tasks?tags=home&tagMatch=all').expect(200)).body;
      expect(filtered.items.map((item: TaskBody) => item.id)).toEqual([theirTask.id]);
      expect((await http.get('/tasks?tags=home&tagMatch=all').expect(200)).body.items).toEqual([
        expect.objectContaining({ id: task.id, tags: [{ id: tag.id, name: 'home', color: null }] }),
      ]);
    });
  });

  describe('statements', () => {
    it('GET /tasks with the tags of every task is one statement, for 5 tasks as for 50', async () => {
      const counter = new StatementCounter(db);
      const measure = async (taskCount: number) => {
        await resetDatabase(app);
        await db.query(
          `INSERT INTO tasks (owner_id, title) SELECT $2, 'task ' || i FROM generate_series(1, $1) AS i`,
          [taskCount, user.id],
        );
        await db.query(
          `INSERT INTO tags (owner_id, name) VALUES ($1, 'one'), ($1, 'two'), ($1, 'three')`,
          [user.id],
        );
        // Every task carries two of the three tags.
        await db.query(
          `INSERT INTO task_tags (task_id, tag_id)
           SELECT task.id, tag.id FROM tasks task CROSS JOIN tags tag
           WHERE tag.name <> (ARRAY['one', 'two', 'three'])[1 + (abs(hashtext(task.title)) % 3)]`,
        );
        const run = async (query: string, expectedTasks: number) => {
          let body: { items: TaskBody[] } = { items: [] };
          const statements = await counter.count(async () => {
            body = (await http.get(`/tasks?${query}`).expect(200)).body;
          });
          expect(body.items).toHaveLength(expectedTasks);
          expect(body.items.every((task) => task.tags.length === 2)).toBe(true);
          return {
            total: statements.length,
            tags: statements.filter((sql) => /\btags\b|\btask_tags\b/.test(sql)).length,
          };
        };
        return {
          plain: await run('limit=50', taskCount),
          // A filter costs one statement (names to ids), then rides on the page query.
          filtered: await run('limit=50&tags=one,two,three', taskCount),
        };
      };
      try {
        const five = await measure(5);
        const fifty = await measure(50);
        expect(fifty).toEqual(five);
        // The page with its tags, in core's one statement.
        expect(five.plain).toEqual({ total: 1, tags: 1 });
        // + one statement resolving the names; the conditions ride on the page statement.
        expect(five.filtered).toEqual({ total: 2, tags: 2 });
      } finally {
        counter.restore();
      }
    });
  });

  describe('OpenAPI', () => {
    it('documents the tag routes, the tags field of tasks and the filters of GET /tasks', async () => {
      const document = (await http.get('/docs-json').expect(200)).body;
      for (const path of [
        '/tags',
        '/tags/{id}',
        '/tags/{id}/tasks',
        '/tasks/{taskId}/tags',
        '/tasks/{taskId}/tags/{tagId}',
      ]) {
        expect(document.paths[path]).toBeDefined();
      }
      expect(document.components.schemas.TaskDto.properties.tags).toMatchObject({
        type: 'array',
        items: { $ref: '#/components/schemas/TagSummaryDto' },
      });
      expect(document.components.schemas.TagSummaryDto).toBeDefined();
      expect(document.components.schemas.TaskDto.properties.reminders).toBeUndefined();
      const parameters = document.paths['/tasks'].get.parameters.map(
        (p: { name: string }) => p.name,
      );
      expect(parameters).toEqual(expect.arrayContaining(['tags', 'tagMatch', 'untagged']));
      expect(
        document.paths['/tags'].post.responses['409'].content['application/problem+json'].example
          .existingId,
      ).toEqual(expect.any(String));
    });
  });
});
