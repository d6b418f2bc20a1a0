import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { TestUser, createTestApp, createTestUser, resetDatabase } from '../../testing';

const PROBLEM = /^application\/problem\+json/;

describe('Tasks (e2e)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<typeof request>;
  let db: DataSource;
  let user: TestUser;

  const countTasks = async (): Promise<number> =>
    Number((await db.query('SELECT count(*)::int AS n FROM tasks'))[0].n);

  const createTask = async (body: Record<string, unknown>) => {
    const response = await http.post('/tasks').send(body).expect(201);
    return response.body as { id: string; version: number; [key: string]: unknown };
  };

  beforeAll(async () => {
    app = await createTestApp();
    db = app.get(DataSource);
    // Every request of the suite is one user's.
    user = await createTestUser(app);
    http = request.agent(app.getHttpServer()).set(user.headers);
  });
  beforeEach(() => resetDatabase(app));
  afterAll(() => app.close());

  describe('create and read', () => {
    it('creates a task with defaults, a Location and an ETag, and reads it back', async () => {
      const response = await http.post('/tasks').send({ title: '  Renew passport  ' }).expect(201);
      expect(response.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        title: 'Renew passport',
        description: null,
        status: 'todo',
        priority: 'normal',
        dueAt: null,
        completedAt: null,
        createdAt: expect.stringMatching(/Z$/),
        updatedAt: expect.stringMatching(/Z$/),
        version: 1,
      });
      expect(response.headers.location).toBe(`/tasks/${response.body.id}`);
      expect(response.headers.etag).toMatch(/^"[\w-]{22}"$/);

      const read = await http.get(`/tasks/${response.body.id}`).expect(200);
      expect(read.body).toEqual(response.body);
      // The ETag is the digest of the body: the same body, the same ETag.
      expect(read.headers.etag).toBe(response.headers.etag);
      expect(read.text).toBe(response.text);
    });

    it('answers If-None-Match with the current ETag by 304 without a body, a stale one by 200', async () => {
      const task = await http.post('/tasks').send({ title: 'Cached' }).expect(201);
      const { etag } = task.headers;
      const notModified = await http.get(`/tasks/${task.body.id}`).set('If-None-Match', etag);
      expect(notModified.status).toBe(304);
      expect(notModified.text).toBe('');
      expect(notModified.headers.etag).toBe(etag);
      await http.get(`/tasks/${task.body.id}`).set('If-None-Match', `"other", ${etag}`).expect(304);
      await http.get(`/tasks/${task.body.id}`).set('If-None-Match', '*').expect(304);
      await http.patch(`/tasks/${task.body.id}`).send({ title: 'Changed' }).expect(200);
      const changed = await http.get(`/tasks/${task.body.id}`).set('If-None-Match', etag);
      expect(changed.status).toBe(200);
      expect(changed.body.title).toBe('Changed');
      expect(changed.headers.etag).not.toBe(etag);
    });

    it('returns instants in UTC whatever offset they were sent with', async () => {
      const task = await createTask({ title: 'Call', dueAt: '2026-12-01T09:00:00+02:00' });
      expect(task.dueAt).toBe('2026-12-01T07:00:00.000Z');
    });

    it('sets completedAt when a task is created done', async () => {
      const task = await createTask({ title: 'Already', status: 'done' });
      expect(task.completedAt).toEqual(expect.stringMatching(/Z$/));
    });

    it('answers 404 problem+json for a task that does not exist', async () => {
      const response = await http.get('/tasks/00000000-0000-4000-8000-000000000000').expect(404);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.body).toMatchObject({
        status: 404,
        title: 'Not Found',
        instance: expect.any(String),
      });
    });
  });

  describe('update', () => {
    it('changes only the fields sent, increments version and ETag', async () => {
      const created = await http
        .post('/tasks')
        .send({ title: 'Draft', description: 'x', priority: 'low' })
        .expect(201);
      const task = { ...created.body, etag: created.headers.etag };
      const response = await http
        .patch(`/tasks/${task.id}`)
        .send({ priority: 'urgent', description: null })
        .expect(200);
      expect(response.body).toMatchObject({
        title: 'Draft',
        priority: 'urgent',
        description: null,
        version: 2,
      });
      expect(response.headers.etag).not.toBe(task.etag);
      expect((await http.get(`/tasks/${task.id}`).expect(200)).headers.etag).toBe(
        response.headers.etag,
      );
      expect(Date.parse(response.body.updatedAt)).toBeGreaterThanOrEqual(
        Date.parse(task.updatedAt as string),
      );
    });

    it('sets completedAt entering done and clears it leaving done', async () => {
      const task = await createTask({ title: 'Finish' });
      const done = await http.patch(`/tasks/${task.id}`).send({ status: 'done' }).expect(200);
      expect(done.body.completedAt).toEqual(expect.stringMatching(/Z$/));
      const reopened = await http
        .patch(`/tasks/${task.id}`)
        .send({ status: 'in_progress' })
        .expect(200);
      expect(reopened.body.completedAt).toBeNull();
      expect(reopened.body.version).toBe(3);
    });

    it('does not bump the version when nothing changes', async () => {
      const task = await createTask({ title: 'Same' });
      const response = await http.patch(`/tasks/${task.id}`).send({ title: 'Same' }).expect(200);
      expect(response.body.version).toBe(1);
    });

    it('honours If-Match: the current ETag passes, a stale one is 412 and changes nothing', async () => {
      const created = await http.post('/tasks').send({ title: 'Guarded' }).expect(201);
      const task = created.body;
      await http
        .patch(`/tasks/${task.id}`)
        .set('If-Match', created.headers.etag)
        .send({ title: 'First' })
        .expect(200);
      const stale = await http
        .patch(`/tasks/${task.id}`)
        .set('If-Match', created.headers.etag)
        .send({ title: 'Second' })
        .expect(412);
      expect(stale.headers['content-type']).toMatch(PROBLEM);
      expect(stale.body.status).toBe(412);
      const current = await http.get(`/tasks/${task.id}`).expect(200);
      expect(current.body).toMatchObject({ title: 'First', version: 2 });
    });

    it('serializes concurrent updates: every change is counted in the version', async () => {
      const task = await createTask({ title: 'Busy' });
      const titles = Array.from({ length: 10 }, (_, i) => `Busy ${i}`);
      const responses = await Promise.all(
        titles.map((title) => http.patch(`/tasks/${task.id}`).send({ title })),
      );
      expect(responses.map((r) => r.status)).toEqual(titles.map(() => 200));
      const final = await http.get(`/tasks/${task.id}`).expect(200);
      expect(final.body.version).toBe(11);
      expect(titles).toContain(final.body.title);
    });
  });

  describe('delete', () => {
    it('deletes with 204, then 404', async () => {
      const task = await createTask({ title: 'Bye' });
      await http.delete(`/tasks/${task.id}`).expect(204);
      await http.get(`/tasks/${task.id}`).expect(404);
      await http.delete(`/tasks/${task.id}`).expect(404);
    });

    it('refuses a stale If-Match with 412 and keeps the task', async () => {
      const task = await createTask({ title: 'Keep' });
      const { etag: first } = (await http.get(`/tasks/${task.id}`).expect(200)).headers;
      const kept = await http.patch(`/tasks/${task.id}`).send({ title: 'Kept' }).expect(200);
      await http.delete(`/tasks/${task.id}`).set('If-Match', first).expect(412);
      await http.delete(`/tasks/${task.id}`).set('If-Match', kept.headers.etag).expect(204);
    });
  });

  describe('ownership', () => {
    it("is the creator's: another user gets 404 for it, as for no task, and changes nothing", async () => {
      const task = await createTask({ title: 'Mine', dueAt: '2026-12-01T09:00:00Z' });
      const stranger = request.agent(app.getHttpServer()).set((await createTestUser(app)).headers);
      const before = (await http.get(`/tasks/${task.id}`).expect(200)).text;
      for (const response of [
        await stranger.get(`/tasks/${task.id}`),
        await stranger.patch(`/tasks/${task.id}`).send({ title: 'Theirs' }),
        await stranger.delete(`/tasks/${task.id}`),
      ]) {
        expect(response.status).toBe(404);
        expect(response.headers['content-type']).toMatch(PROBLEM);
        expect(response.body.detail).toBe(`Task ${task.id} does not exist.`);
      }
      expect((await http.get(`/tasks/${task.id}`).expect(200)).text).toBe(before);
      expect((await stranger.get('/tasks').expect(200)).body).toEqual({
        items: [],
        nextCursor: null,
      });
      const theirs = (await stranger.post('/tasks').send({ title: 'Theirs' }).expect(201)).body;
      const mine = (await http.get('/tasks?q=i').expect(200)).body.items;
      expect(mine.map((item: { id: string }) => item.id)).toEqual([task.id]);
      await http.get(`/tasks/${theirs.id}`).expect(404);
    });

    it('is refused without a credential, with a challenge, and nothing is created', async () => {
      const anonymous = request(app.getHttpServer());
      const response = await anonymous.post('/tasks').send({ title: 'Nobody' }).expect(401);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.headers['www-authenticate']).toBe('Bearer realm="Task API"');
      expect(await countTasks()).toBe(0);
    });
  });

  describe('list', () => {
    const titles = (body: { items: { title: string }[] }) => body.items.map((item) => item.title);

    it('filters by status (one or several), priority, due window and text', async () => {
      await createTask({
        title: 'A passport',
        status: 'todo',
        priority: 'high',
        dueAt: '2026-12-01T00:00:00Z',
      });
      await createTask({
        title: 'B',
        description: 'PASSPORT photos',
        status: 'in_progress',
        priority: 'low',
        dueAt: '2026-12-10T00:00:00Z',
      });
      await createTask({ title: 'C', status: 'done', priority: 'high' });
      await createTask({
        title: 'D 100%_done',
        status: 'todo',
        priority: 'urgent',
        dueAt: '2027-01-05T00:00:00Z',
      });

      const sorted = (body: { items: { title: string }[] }) => titles(body).sort();
      expect(sorted((await http.get('/tasks?status=todo').expect(200)).body)).toEqual([
        'A passport',
        'D 100%_done',
      ]);
      expect(sorted((await http.get('/tasks?status=todo,done').expect(200)).body)).toEqual([
        'A passport',
        'C',
        'D 100%_done',
      ]);
      expect(
        sorted((await http.get('/tasks?status=todo&status=in_progress').expect(200)).body),
      ).toEqual(['A passport', 'B', 'D 100%_done']);
      expect(sorted((await http.get('/tasks?priority=high').expect(200)).body)).toEqual([
        'A passport',
        'C',
      ]);
      expect(
        sorted(
          (
            await http
              .get('/tasks?dueAfter=2026-12-01T00:00:00Z&dueBefore=2027-01-01T00:00:00Z')
              .expect(200)
          ).body,
        ),
      ).toEqual(['A passport', 'B']);
      expect(sorted((await http.get('/tasks?q=passport').expect(200)).body)).toEqual([
        'A passport',
        'B',
      ]);
      // LIKE wildcards in q are literal characters.
      expect(sorted((await http.get('/tasks?q=100%25_').expect(200)).body)).toEqual([
        'D 100%_done',
      ]);
      expect(sorted((await http.get('/tasks?q=%25').expect(200)).body)).toEqual(['D 100%_done']);
    });

    it('sorts by priority and due date, due-less tasks last, ties by id', async () => {
      await createTask({ title: 'low', priority: 'low', dueAt: '2026-12-03T00:00:00Z' });
      await createTask({ title: 'urgent', priority: 'urgent' });
      await createTask({ title: 'normal', priority: 'normal', dueAt: '2026-12-01T00:00:00Z' });
      await createTask({ title: 'high', priority: 'high', dueAt: '2026-12-02T00:00:00Z' });
      expect(titles((await http.get('/tasks?sort=priority').expect(200)).body)).toEqual([
        'low',
        'normal',
        'high',
        'urgent',
      ]);
      expect(titles((await http.get('/tasks?sort=-priority').expect(200)).body)).toEqual([
        'urgent',
        'high',
        'normal',
        'low',
      ]);
      expect(titles((await http.get('/tasks?sort=dueAt').expect(200)).body)).toEqual([
        'normal',
        'high',
        'low',
        'urgent',
      ]);
      expect(titles((await http.get('/tasks?sort=-dueAt').expect(200)).body)).toEqual([
        'low',
        'high',
        'normal',
        'urgent',
      ]);
    });

    it.each(['createdAt', '-createdAt', 'dueAt', '-dueAt', 'priority', '-priority'])(
      'walks every page of sort=%s once, without skips or repeats, while tasks are inserted',
      async (sort) => {
        const priorities = ['low', 'normal', 'high', 'urgent'];
        const created = [];
        for (let i = 0; i < 23; i++) {
          created.push(
            await createTask({
              title: `t${i}`,
              priority: priorities[i % 4],
              // Some share a due date, some have none: ties and NULLs must page correctly.
              dueAt: i % 3 === 0 ? null : `2026-12-0${1 + (i % 4)}T00:00:00Z`,
            }),
          );
        }
        const seen: string[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const query = `/tasks?sort=${sort}&limit=5${cursor ? `&cursor=${cursor}` : ''}`;
          const page: { items: { id: string }[]; nextCursor: string | null } = (
            await http.get(query).expect(200)
          ).body;
          seen.push(...page.items.map((item: { id: string }) => item.id));
          cursor = page.nextCursor;
          pages++;
          // Inserted mid-walk: must neither shift the pages nor make one repeat.
          if (pages === 2) await createTask({ title: 'late', priority: 'normal', dueAt: null });
        } while (cursor);
        const original = created.map((task) => task.id);
        expect(new Set(seen).size).toBe(seen.length);
        expect(seen.filter((id) => original.includes(id)).sort()).toEqual([...original].sort());
      },
    );

    it('returns 50 by default and at most 200', async () => {
      await db.query(
        `INSERT INTO tasks (owner_id, title) SELECT $1, 'bulk ' || i FROM generate_series(1, 210) AS i`,
        [user.id],
      );
      const first = await http.get('/tasks').expect(200);
      expect(first.body.items).toHaveLength(50);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const max = await http.get('/tasks?limit=200').expect(200);
      expect(max.body.items).toHaveLength(200);
      await http.get('/tasks?limit=201').expect(400);
    });

    it('refuses a cursor that was tampered with, truncated or made for another sort', async () => {
      await createTask({ title: 'one' });
      await createTask({ title: 'two' });
      const page = (await http.get('/tasks?limit=1').expect(200)).body;
      const [payload, mac] = (page.nextCursor as string).split('.');
      const [, id] = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      const edited = (position: unknown[]) =>
        `${Buffer.from(JSON.stringify(position)).toString('base64url')}.${mac}`;
      const oldStyle = Buffer.from(JSON.stringify({ sort: '-createdAt', value: '1', id })).toString(
        'base64url',
      );
      const bad = [
        'not-a-cursor',
        oldStyle,
        edited(['1', id]),
        edited(['yesterday', 'x']),
        `${page.nextCursor}x`,
        page.nextCursor.slice(0, -2),
        page.nextCursor.slice(2),
      ];
      for (const cursor of bad) {
        const response = await http.get(`/tasks?cursor=${encodeURIComponent(cursor)}`).expect(400);
        expect(response.headers['content-type']).toMatch(PROBLEM);
        expect(response.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
      }
      const otherSort = await http.get(`/tasks?sort=priority&cursor=${page.nextCursor}`);
      expect(otherSort.status).toBe(400);
      expect(otherSort.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
    });

    it.each(['dueAt', '-dueAt', 'createdAt'])(
      'follows every cursor it hands out, whatever year a row holds (sort=%s)',
      async (sort) => {
        // Rows written before instants were range-checked can hold any year PostgreSQL keeps.
        await db.query(
          `INSERT INTO tasks (owner_id, title, due_at, created_at) VALUES
             ($1, 'year 0', '0001-01-01 00:00:00+00 BC', '0001-01-01 00:00:00+00 BC'),
             ($1, 'year 1', '0001-06-01 12:00:00+00', '0001-06-01 12:00:00+00'),
             ($1, '1969', '1969-12-31 23:59:59.999+00', '1969-12-31 23:59:59.999+00'),
             ($1, '9999', '9999-12-31 23:59:59.999+00', '9999-12-31 23:59:59.999+00'),
             ($1, 'year 294276', '294276-12-31 23:59:59.999+00', '294276-12-31 23:59:59.999+00'),
             ($1, 'no due date', NULL, now())`,
          [user.id],
        );
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const query = `/tasks?limit=1&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`;
          const page: { items: { title: string }[]; nextCursor: string | null } = (
            await http.get(query).expect(200)
          ).body;
          seen.push(...page.items.map((task) => task.title));
          cursor = page.nextCursor;
        } while (cursor && seen.length <= 6);
        expect([...seen].sort()).toEqual([
          '1969',
          '9999',
          'no due date',
          'year 0',
          'year 1',
          'year 294276',
        ]);
        expect(seen.slice(0, 2)).toEqual(
          sort === '-dueAt' ? ['year 294276', '9999'] : ['year 0', 'year 1'],
        );
      },
    );
  });

  describe('bad input: problem+json, and nothing changes', () => {
    const badBodies: [string, unknown][] = [
      ['missing title', { description: 'x' }],
      ['blank title', { title: '   ' }],
      ['title too long', { title: 'x'.repeat(201) }],
      ['title of the wrong type', { title: 42 }],
      ['description too long', { title: 'ok', description: 'x'.repeat(10_001) }],
      ['unknown field', { title: 'ok', owner: 'me' }],
      ['server-set field', { title: 'ok', completedAt: '2026-12-01T00:00:00Z' }],
      ['unknown status', { title: 'ok', status: 'archived' }],
      ['unknown priority', { title: 'ok', priority: 'critical' }],
      ['naive instant', { title: 'ok', dueAt: '2026-12-01T09:00:00' }],
      ['impossible date', { title: 'ok', dueAt: '2026-02-30T09:00:00Z' }],
      ['impossible time', { title: 'ok', dueAt: '2026-12-01T24:00:00Z' }],
      ['date only', { title: 'ok', dueAt: '2026-12-01' }],
      ['an array body', [{ title: 'ok' }]],
    ];

    it.each(badBodies)('POST /tasks with %s is a 400', async (_, body) => {
      const response = await http
        .post('/tasks')
        .send(body as object)
        .expect(400);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.body).toMatchObject({
        type: expect.any(String),
        title: expect.any(String),
        status: 400,
        detail: expect.any(String),
        instance: '/tasks',
      });
      expect(await countTasks()).toBe(0);
    });

    it('names each invalid field', async () => {
      const response = await http
        .post('/tasks')
        .send({ title: '', priority: 'x', dueAt: '2026-12-01T09:00:00', owner: 1 })
        .expect(400);
      expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'dueAt',
        'owner',
        'priority',
        'title',
      ]);
      expect(
        response.body.errors.find((e: { field: string }) => e.field === 'dueAt').message,
      ).toMatch(/time-zone offset/);
    });

    it('PATCH with bad input is a 400 and leaves the task as it was', async () => {
      const task = await createTask({ title: 'Stable' });
      for (const body of [
        { title: null },
        { title: '' },
        { status: 'nope' },
        { dueAt: 'tomorrow' },
        { version: 9 },
      ]) {
        const response = await http.patch(`/tasks/${task.id}`).send(body).expect(400);
        expect(response.headers['content-type']).toMatch(PROBLEM);
      }
      expect((await http.get(`/tasks/${task.id}`).expect(200)).body).toEqual(task);
    });

    it('malformed JSON is a 400', async () => {
      const response = await http
        .post('/tasks')
        .set('content-type', 'application/json')
        .send('{"title": ')
        .expect(400);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(await countTasks()).toBe(0);
    });

    it('a body that is not JSON is a 415', async () => {
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
        const response = await http
          .post('/tasks')
          .set('content-type', type)
          .send('title=x')
          .expect(415);
        expect(response.headers['content-type']).toMatch(PROBLEM);
      }
      expect(await countTasks()).toBe(0);
    });

    it('a body over 100 kB is a 413', async () => {
      const response = await http
        .post('/tasks')
        .send({ title: 'big', description: 'x'.repeat(101 * 1024) })
        .expect(413);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(await countTasks()).toBe(0);
    });

    it('a path id that is not a UUID is a 400 on every route', async () => {
      for (const call of [
        http.get('/tasks/42'),
        http.patch('/tasks/42').send({ title: 'x' }),
        http.delete('/tasks/42'),
      ]) {
        const response = await call.expect(400);
        expect(response.headers['content-type']).toMatch(PROBLEM);
        expect(response.body.errors).toEqual([{ field: 'id', message: 'must be a UUID' }]);
      }
    });

    it.each([
      ['unknown parameter', 'owner=me'],
      ['bad status', 'status=todo,archived'],
      ['bad sort', 'sort=title'],
      ['naive instant', 'dueBefore=2026-12-01T00:00:00'],
      ['limit zero', 'limit=0'],
      ['limit not a number', 'limit=ten'],
    ])('GET /tasks with %s is a 400', async (_, query) => {
      const response = await http.get(`/tasks?${query}`).expect(400);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.body.errors.length).toBeGreaterThan(0);
    });

    it('an unknown route is a 404 problem', async () => {
      const response = await http.get('/nowhere').expect(404);
      expect(response.headers['content-type']).toMatch(PROBLEM);
    });
  });

  describe('request ids', () => {
    it('echoes X-Request-Id, on errors too', async () => {
      const ok = await http.get('/tasks').set('X-Request-Id', 'abc-123').expect(200);
      expect(ok.headers['x-request-id']).toBe('abc-123');
      const error = await http.get('/tasks/nope').set('X-Request-Id', 'abc-456').expect(400);
      expect(error.headers['x-request-id']).toBe('abc-456');
    });

    it('generates one when none (or an unsafe one) is sent', async () => {
      const none = await http.get('/tasks').expect(200);
      expect(none.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      const unsafe = await http.get('/tasks').set('X-Request-Id', 'a b\tc').expect(200);
      expect(unsafe.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });
  });
});
