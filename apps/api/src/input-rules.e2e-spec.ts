import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { resetDatabase, testDatabaseUrl, createTestUser } from '@task-api/core/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApiApp } from './testing/create-api-app';

const PROBLEM = /^application\/problem\+json/;
const FUTURE = '2999-06-01T12:00:00.000Z';

type Http = ReturnType<typeof request>;
type Body = Record<string, unknown>;

/**
 * SPEC §6, input rules that hold on every endpoint of the composed API: NUL, unpaired
 * surrogates, `null`, instant range, lengths in code points, NFC, tag names. Each bad request
 * is a 400 problem naming the field, and the database is left exactly as it was.
 */
describe('Input rules on every endpoint (e2e)', () => {
  let app: NestFastifyApplication;
  let http: Http;
  let db: DataSource;

  const created = async (path: string, body: Body): Promise<Body & { id: string }> =>
    (await http.post(path).send(body).expect(201)).body;

  /** Every row of every table, in a stable order: what "changed nothing" compares. */
  const snapshot = async (): Promise<string> => {
    const tables = ['tasks', 'tags', 'task_tags', 'reminders', 'reminder_deliveries'];
    const dumps = await Promise.all(
      tables.map(async (table) =>
        JSON.stringify(
          await db.query(
            `SELECT coalesce(json_agg(t ORDER BY t::text), '[]') AS rows FROM "${table}" t`,
          ),
        ),
      ),
    );
    return dumps.join('\n');
  };

  /** Sends a request that must be refused with 400 naming `field`, and checks nothing changed. */
  const refused = async (
    send: () => request.Test,
    field: string,
    message?: RegExp,
  ): Promise<Body> => {
    const before = await snapshot();
    const response = await send();
    expect({ status: response.status, type: response.headers['content-type'] }).toEqual({
      status: 400,
      type: expect.stringMatching(PROBLEM),
    });
    const errors = response.body.errors as { field: string; message: string }[];
    expect(errors.map((error) => error.field)).toContain(field);
    if (message)
      expect(errors.find((error) => error.field === field)?.message).toEqual(
        expect.stringMatching(message),
      );
    expect(await snapshot()).toEqual(before);
    return response.body;
  };

  beforeAll(async () => {
    app = await createApiApp(testDatabaseUrl(), { REMINDERS_DISPATCHER_ENABLED: 'false' });
    db = app.get(DataSource);
    // Every request of the suite is one user's.
    http = request.agent(app.getHttpServer()).set((await createTestUser(app)).headers);
  });
  beforeEach(() => resetDatabase(app));
  afterAll(() => app.close());

  describe('NUL (U+0000) in any string is a 400 naming the field', () => {
    let task: Body & { id: string };
    let tag: Body & { id: string };
    let reminder: Body & { id: string };

    beforeEach(async () => {
      task = await created('/tasks', { title: 'Pay rent', dueAt: FUTURE });
      tag = await created('/tags', { name: 'home' });
      reminder = await created('/reminders', { taskId: task.id, offsetMinutes: 30 });
    });

    it.each([
      ['POST /tasks', 'title', () => http.post('/tasks').send({ title: 'a\u0000b' })],
      [
        'POST /tasks description',
        'description',
        () => http.post('/tasks').send({ title: 'a', description: '\u0000' }),
      ],
      ['PATCH /tasks/:id', 'title', () => http.patch(`/tasks/${task.id}`).send({ title: '\0' })],
      ['POST /tags', 'name', () => http.post('/tags').send({ name: 'ho\u0000me' })],
      ['PATCH /tags/:id', 'name', () => http.patch(`/tags/${tag.id}`).send({ name: 'x\u0000' })],
      [
        'POST /tasks/:id/tags',
        'name',
        () => http.post(`/tasks/${task.id}/tags`).send({ name: '\u0000' }),
      ],
      [
        'POST /reminders',
        'note',
        () => http.post('/reminders').send({ taskId: task.id, offsetMinutes: 5, note: 'a\u0000' }),
      ],
      [
        'PATCH /reminders/:id',
        'note',
        () => http.patch(`/reminders/${reminder.id}`).send({ note: '\u0000' }),
      ],
      [
        'POST /tasks/:id/reminders',
        'note',
        () => http.post(`/tasks/${task.id}/reminders`).send({ offsetMinutes: 5, note: '\u0000' }),
      ],
      ['GET /tasks?q=', 'q', () => http.get('/tasks?q=%00')],
      ['GET /tasks?tags=', 'tags', () => http.get('/tasks?tags=%00')],
      ['GET /tasks?tags= (second name)', 'tags', () => http.get('/tasks?tags=home,a%00')],
      ['GET /tags?q=', 'q', () => http.get('/tags?q=%00')],
      ['GET /tasks?cursor=', 'cursor', () => http.get('/tasks?cursor=%00')],
      ['GET /tasks/:id', 'id', () => http.get('/tasks/%00')],
    ])('%s', async (_name, field, send) => {
      await refused(send, field, /NUL/);
    });
  });

  it('text with an unpaired surrogate is a 400 (it cannot be stored as UTF-8)', async () => {
    await refused(
      () =>
        http.post('/tasks').set('content-type', 'application/json').send('{"title":"a\\ud800b"}'),
      'title',
      /Unicode/,
    );
  });

  describe('null', () => {
    it('is a 400 naming a field that cannot be null, never read as absent', async () => {
      const task = await created('/tasks', { title: 'Pay rent', dueAt: FUTURE });
      for (const field of ['status', 'priority', 'title']) {
        await refused(
          () => http.patch(`/tasks/${task.id}`).send({ [field]: null }),
          field,
          /must not be null/,
        );
      }
      await refused(() => http.post('/tasks').send({ title: null }), 'title', /must not be null/);
      await refused(
        () => http.post('/reminders').send({ taskId: task.id, remindAt: null }),
        'remindAt',
        /must not be null/,
      );
      const reminder = await created('/reminders', { taskId: task.id, offsetMinutes: 30 });
      await refused(
        () => http.patch(`/reminders/${reminder.id}`).send({ remindAt: null }),
        'remindAt',
        /must not be null/,
      );
      const tag = await created('/tags', { name: 'home' });
      await refused(() => http.patch(`/tags/${tag.id}`).send({ name: null }), 'name');
    });

    it('clears a nullable field', async () => {
      const task = await created('/tasks', { title: 'a', description: 'b', dueAt: FUTURE });
      const cleared = await http
        .patch(`/tasks/${task.id}`)
        .send({ description: null, dueAt: null })
        .expect(200);
      expect(cleared.body).toMatchObject({ description: null, dueAt: null });
    });

    it('a body that is not a JSON object is a 400', async () => {
      for (const body of ['null', '[]', '"title"', '42']) {
        await refused(
          () => http.post('/tasks').set('content-type', 'application/json').send(body),
          'body',
        );
      }
    });
  });

  describe('a relative reminder that was delivered', () => {
    let reminder: Body & { id: string; remindAt: string };

    beforeEach(async () => {
      const task = await created('/tasks', { title: 'Pay rent', dueAt: FUTURE });
      reminder = (await created('/reminders', { taskId: task.id, offsetMinutes: 30 })) as never;
      // As the dispatcher leaves it after a successful delivery.
      await db.query(
        `UPDATE reminders SET status = 'delivered', delivered_at = now(), attempts = 1 WHERE id = $1`,
        [reminder.id],
      );
    });

    it('is not re-armed by clearing offsetMinutes without remindAt (400)', async () => {
      await refused(
        () => http.patch(`/reminders/${reminder.id}`).send({ offsetMinutes: null }),
        'offsetMinutes',
        /remindAt/,
      );
    });

    it('is not re-armed by a change of its note', async () => {
      const changed = await http
        .patch(`/reminders/${reminder.id}`)
        .send({ note: 'bring the papers' })
        .expect(200);
      expect(changed.body).toMatchObject({ status: 'delivered', remindAt: reminder.remindAt });
    });

    it('becomes absolute and scheduled again with offsetMinutes null and a future remindAt', async () => {
      const changed = await http
        .patch(`/reminders/${reminder.id}`)
        .send({ offsetMinutes: null, remindAt: '2999-01-01T00:00:00Z' })
        .expect(200);
      expect(changed.body).toMatchObject({
        status: 'scheduled',
        offsetMinutes: null,
        remindAt: '2999-01-01T00:00:00.000Z',
      });
    });
  });

  describe('instants', () => {
    it.each([
      '0000-01-01T00:00:00Z',
      '1969-12-31T23:59:59.999Z',
      '1970-01-01T00:30:00+01:00',
      '9999-12-31T23:59:59-23:59',
      '9999-12-31T23:59:59.999-00:01',
    ])('%s is outside 1970–9999 once its offset is applied: 400', async (dueAt) => {
      await refused(() => http.post('/tasks').send({ title: 'a', dueAt }), 'dueAt', /1970/);
      await refused(() => http.get(`/tasks?dueBefore=${encodeURIComponent(dueAt)}`), 'dueBefore');
    });

    it('the first and last instants are accepted, and every cursor over them can be followed', async () => {
      const edges = ['1970-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z', '9999-12-31T23:59:59Z'];
      const ids = [];
      for (const dueAt of edges) ids.push((await created('/tasks', { title: 'a', dueAt })).id);
      ids.push((await created('/tasks', { title: 'no due date' })).id);
      for (const sort of ['dueAt', '-dueAt', 'createdAt', 'priority']) {
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const after = cursor ? `&cursor=${cursor}` : '';
          const page: { items: { id: string }[]; nextCursor: string | null } = (
            await http.get(`/tasks?sort=${sort}&limit=1${after}`).expect(200)
          ).body;
          seen.push(...page.items.map((item) => item.id));
          cursor = page.nextCursor;
        } while (cursor);
        expect(seen.sort()).toEqual([...ids].sort());
      }
    });

    it('a cursor the API did not make is a 400, not a 500', async () => {
      await created('/tasks', { title: 'a', dueAt: FUTURE });
      const crafted = Buffer.from(
        JSON.stringify({ sort: 'dueAt', value: '1', id: '00000000-0000-4000-8000-000000000000' }),
      ).toString('base64url');
      await refused(() => http.get(`/tasks?sort=dueAt&cursor=${crafted}`), 'cursor');
    });

    it.each(['1', '1970-01-01T00:00:00+23:59', '9999-12-31T23:59:59-23:59'])(
      'a reminder cursor crafted with at=%s is a 400, not a 500',
      async (at) => {
        const task = await created('/tasks', { title: 'a', dueAt: FUTURE });
        const reminder = await created('/reminders', { taskId: task.id, offsetMinutes: 30 });
        const crafted = Buffer.from(
          JSON.stringify({ at, id: '00000000-0000-1000-8000-000000000000' }),
        ).toString('base64url');
        await refused(() => http.get(`/reminders?cursor=${crafted}`), 'cursor');
        await refused(
          () => http.get(`/reminders/${reminder.id}/deliveries?cursor=${crafted}`),
          'cursor',
        );
      },
    );
  });

  describe('lengths are counted in code points, text is stored NFC', () => {
    it('a tag name of 64 × "a\\uFE0F" is 128 code points: 400, not a database error', async () => {
      await refused(() => http.post('/tags').send({ name: 'a\uFE0F'.repeat(64) }), 'name', /64/);
      const fits = await created('/tags', { name: 'a\uFE0F'.repeat(32) });
      expect(fits.name).toBe('a\uFE0F'.repeat(32));
    });

    it('an emoji counts as one character (the column counts code points too)', async () => {
      const task = await created('/tasks', { title: '😀'.repeat(200) });
      expect(task.title).toBe('😀'.repeat(200));
      await refused(() => http.post('/tasks').send({ title: '😀'.repeat(201) }), 'title', /200/);
    });

    it('decomposed text is stored composed, and then measured', async () => {
      const decomposed = 'e\u0301'.repeat(200);
      const task = await created('/tasks', { title: decomposed });
      expect(task.title).toBe('\u00e9'.repeat(200));
      const tag = await created('/tags', { name: 'Cafe\u0301' });
      expect(tag.name).toBe('Caf\u00e9');
      for (const q of ['caf%C3%A9', 'cafe%CC%81']) {
        const found = await http.get(`/tags?q=${q}`).expect(200);
        expect(found.body.items.map((item: Body) => item.id)).toEqual([tag.id]);
      }
      const again = await http.post('/tags').send({ name: 'CAF\u00c9' });
      expect(again.status).toBe(409);
    });
  });

  describe('tag names', () => {
    it.each([
      ['blank', '   '],
      ['invisible only', '\u200B\u200D'],
      ['a combining mark alone', '\u0301'],
      ['with a comma', 'home,work'],
      ['with a line break', 'home\nwork'],
    ])('%s: 400', async (_name, name) => {
      await refused(() => http.post('/tags').send({ name }), 'name');
    });

    it('PATCH and attach-by-name follow the same rules', async () => {
      const tag = await created('/tags', { name: 'home' });
      const task = await created('/tasks', { title: 'a' });
      await refused(() => http.patch(`/tags/${tag.id}`).send({ name: 'a,b' }), 'name');
      await refused(() => http.post(`/tasks/${task.id}/tags`).send({ name: '\u200B' }), 'name');
    });
  });

  describe('validation messages name the real problem', () => {
    let reminderId: string;
    beforeEach(async () => {
      const task = await created('/tasks', { title: 'a', dueAt: FUTURE });
      reminderId = (await created('/reminders', { taskId: task.id, offsetMinutes: 30 })).id;
    });

    it('a missing field is "required"', async () => {
      await refused(
        () => http.post(`/reminders/${reminderId}/snooze`).send({}),
        'minutes',
        /required/,
      );
      await refused(() => http.post('/tasks').send({}), 'title', /required/);
    });

    it('a value of the wrong type says which type', async () => {
      await refused(
        () => http.post(`/reminders/${reminderId}/snooze`).send({ minutes: 'ten' }),
        'minutes',
        /integer/,
      );
      await refused(() => http.post('/tasks').send({ title: 42 }), 'title', /string/);
    });

    it('an out-of-range value names the bound it broke', async () => {
      await refused(
        () => http.post(`/reminders/${reminderId}/snooze`).send({ minutes: 0 }),
        'minutes',
        /not be less than 1/,
      );
      await refused(
        () => http.post(`/reminders/${reminderId}/snooze`).send({ minutes: 10081 }),
        'minutes',
        /not be greater than 10080/,
      );
    });
  });
});
