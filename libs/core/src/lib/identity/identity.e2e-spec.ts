import { Logger } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHash } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  StatementCounter,
  TestDatabase,
  TestUser,
  createTestApp,
  createTestDatabase,
  createTestUser,
  eventually,
  resetDatabase,
} from '../../testing';
import { AUTHENTICATION_SQL } from './identity.repository';
import { TokenUse } from './token-use';

const PROBLEM = /^application\/problem\+json/;
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const ADMIN_TOKEN = 'an-administrator-secret-of-forty-characters';

type Client = ReturnType<typeof request>;

const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

describe('Identity (e2e): users, API tokens, authentication', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let user: TestUser;
  let http: Client;
  let anonymous: Client;

  const as = (token: string): Client =>
    request.agent(app.getHttpServer()).set('Authorization', `Bearer ${token}`);
  const expectProblem = (response: request.Response, status: number) => {
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(PROBLEM);
    expect(response.body).toMatchObject({ status, title: expect.any(String) });
  };
  const expectRefused = (response: request.Response, detail: RegExp | string) => {
    expectProblem(response, 401);
    expect(response.body).toMatchObject({ type: '/problems/unauthorized', detail });
    expect(response.headers['www-authenticate']).toMatch(/^Bearer realm="Task API"/);
  };
  const makeToken = async (client: Client, body: object = { name: 'laptop' }) =>
    (await client.post('/tokens').send(body).expect(201)).body;

  beforeAll(async () => {
    app = await createTestApp({ identity: { adminToken: ADMIN_TOKEN } });
    db = app.get(DataSource);
    user = await createTestUser(app, { name: 'Ada' });
    http = as(user.token);
    anonymous = request(app.getHttpServer());
  });
  beforeEach(() => resetDatabase(app));
  afterAll(() => app.close());

  describe('a request without a valid credential', () => {
    it('is a 401 problem with a Bearer challenge, whatever the route (an unknown one too)', async () => {
      for (const path of ['/tasks', '/me', '/tokens', '/users', '/no-such-route']) {
        const response = await anonymous.get(path);
        expectRefused(response, /Authorization: Bearer/);
        expect(response.headers['www-authenticate']).toBe('Bearer realm="Task API"');
      }
    });

    it.each([
      ['another scheme', 'Basic dXNlcjpwYXNz'],
      ['no token', 'Bearer'],
      ['two tokens', 'Bearer a b'],
      ['a token with a space', 'Bearer tapi_ a'],
    ])('with %s is a 401', async (_, header) => {
      expectRefused(await anonymous.get('/tasks').set('Authorization', header), /Bearer/);
    });

    it.each(['tapi_unknown', 'not-even-a-token', 'a.b.c'])(
      'with the unknown token %s is a 401 naming an invalid token',
      async (token) => {
        const response = await as(token).get('/tasks');
        expectRefused(response, 'The bearer token is not known.');
        expect(response.headers['www-authenticate']).toBe(
          'Bearer realm="Task API", error="invalid_token"',
        );
      },
    );

    it('changes nothing, and never reaches the handler (not even to read the body)', async () => {
      const response = await as('tapi_unknown')
        .post('/tasks')
        .set('content-type', 'application/json')
        .send('{ not json');
      expectProblem(response, 401);
      expect(Number((await db.query('SELECT count(*)::int AS n FROM tasks'))[0].n)).toBe(0);
    });

    it('is not needed for the health checks and the documentation', async () => {
      // Core has no health checks (the apps do): not a 401, but the 404 of a route not there.
      expectProblem(await anonymous.get('/health/live'), 404);
      await anonymous.get('/docs-json').expect(200);
      await anonymous.get('/docs').redirects(1).expect(200);
    });
  });

  describe('GET /me', () => {
    it('names the user the token stands for', async () => {
      const me = (await http.get('/me').expect(200)).body;
      expect(me).toEqual({
        id: user.id,
        name: 'Ada',
        administrator: false,
        createdAt: expect.stringMatching(/Z$/),
      });
    });
  });

  describe('API tokens', () => {
    it('are made with the secret shown once; only its SHA-256 is stored; the list never shows it', async () => {
      const made = await makeToken(http, { name: '  laptop  ' });
      expect(made).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        name: 'laptop',
        prefix: made.token.slice(0, 12),
        token: expect.stringMatching(/^tapi_[\w-]{43}$/),
        createdAt: expect.stringMatching(/Z$/),
        lastUsedAt: null,
        expiresAt: null,
      });
      const [row] = await db.query('SELECT * FROM api_tokens WHERE id = $1', [made.id]);
      expect(row.hash).toBe(createHash('sha256').update(made.token).digest('hex'));
      expect(JSON.stringify(row)).not.toContain(made.token.slice(5));
      const { token, ...listed } = made;
      const list = (await http.get('/tokens').expect(200)).body;
      expect(list.items).toContainEqual(listed);
      expect(JSON.stringify(list)).not.toContain(token);
      expect((await as(token).get('/me').expect(200)).body.id).toBe(user.id);
    });

    it('are listed per user, oldest first, and paginated with a cursor', async () => {
      const other = await createTestUser(app);
      const first = await makeToken(as(other.token), { name: 'one' });
      await makeToken(as(other.token), { name: 'two' });
      const page = (await as(other.token).get('/tokens?limit=2').expect(200)).body;
      expect(page.items).toHaveLength(2);
      // The token made with the user comes first.
      expect(page.items[0].name).toBe('first token');
      const next = (
        await as(other.token).get(`/tokens?limit=2&cursor=${page.nextCursor}`).expect(200)
      ).body;
      expect(next.nextCursor).toBeNull();
      const names = [...page.items, ...next.items].map((token: { name: string }) => token.name);
      expect(names.sort()).toEqual(['first token', 'one', 'two']);
      const mine = (await http.get('/tokens?limit=200').expect(200)).body.items;
      expect(mine.map((token: { id: string }) => token.id)).not.toContain(first.id);
    });

    it('are revoked by DELETE: refused at once, gone from the list; another user cannot revoke them', async () => {
      const made = await makeToken(http);
      await as(made.token).get('/me').expect(200);
      const stranger = await createTestUser(app);
      expectProblem(await as(stranger.token).delete(`/tokens/${made.id}`), 404);
      await as(made.token).get('/me').expect(200);
      await http.delete(`/tokens/${made.id}`).expect(204);
      expectRefused(await as(made.token).get('/me'), 'The bearer token was revoked.');
      expectProblem(await http.delete(`/tokens/${made.id}`), 404);
      const list = (await http.get('/tokens?limit=200').expect(200)).body.items;
      expect(list.map((token: { id: string }) => token.id)).not.toContain(made.id);
      // The token that revoked it still works.
      await http.get('/me').expect(200);
    });

    it('stop working in every process once revoked, within the time credentials are trusted', async () => {
      const other = await createTestApp({ identity: { credentialTtlMs: 200 } });
      try {
        const made = await makeToken(http);
        const elsewhere = request(other.getHttpServer()).get('/me');
        await elsewhere.set('Authorization', `Bearer ${made.token}`).expect(200);
        await http.delete(`/tokens/${made.id}`).expect(204);
        await eventually(
          async () =>
            (
              await request(other.getHttpServer())
                .get('/me')
                .set('Authorization', `Bearer ${made.token}`)
            ).status === 401,
          { what: 'the other process to refuse the revoked token' },
        );
      } finally {
        await other.close();
      }
    });

    it('work until their expiresAt, and are refused after it', async () => {
      const lasting = await makeToken(http, { name: 'a year', expiresAt: inSeconds(365 * 86400) });
      await as(lasting.token).get('/me').expect(200);
      const brief = await makeToken(http, { name: 'brief', expiresAt: inSeconds(1) });
      expect(brief.expiresAt).toEqual(expect.stringMatching(/Z$/));
      const refused = await eventually(
        async () => {
          const response = await as(brief.token).get('/me');
          return response.status === 401 ? response : undefined;
        },
        { what: 'the token to expire' },
      );
      expectRefused(refused, 'The bearer token has expired.');
    });

    it.each<[string, object]>([
      ['no name', {}],
      ['a blank name', { name: '   ' }],
      ['a name too long', { name: 'x'.repeat(101) }],
      ['a name with a line break', { name: 'a\nb' }],
      ['an expiry in the past', { name: 'old', expiresAt: '2020-01-01T00:00:00Z' }],
      ['an expiry without an offset', { name: 'x', expiresAt: '2030-01-01T00:00:00' }],
      ['an unknown field', { name: 'x', scopes: ['all'] }],
    ])('with %s is a 400 that makes no token', async (_, body) => {
      const before = await db.query('SELECT count(*)::int AS n FROM api_tokens');
      const response = await http.post('/tokens').send(body);
      expectProblem(response, 400);
      expect(response.body.errors.length).toBeGreaterThan(0);
      expect(await db.query('SELECT count(*)::int AS n FROM api_tokens')).toEqual(before);
    });

    it('record their last use in batches, and when the process stops', async () => {
      const made = await makeToken(http);
      const other = await createTestApp();
      const lastUsed = async (): Promise<Date> =>
        (await db.query('SELECT last_used_at FROM api_tokens WHERE id = $1', [made.id]))[0]
          .last_used_at;
      let first: Date;
      try {
        await as(made.token).get('/me').expect(200);
        await app.get(TokenUse).flush();
        first = await lastUsed();
        expect(first).toBeInstanceOf(Date);
        await request(other.getHttpServer())
          .get('/me')
          .set('Authorization', `Bearer ${made.token}`)
          .expect(200);
      } finally {
        // Its stop writes what the other process noted.
        await other.close();
      }
      expect((await lastUsed()).getTime()).toBeGreaterThan(first.getTime());
      expect((await http.get('/tokens?limit=200').expect(200)).body.items).toContainEqual(
        expect.objectContaining({ id: made.id, lastUsedAt: expect.stringMatching(/Z$/) }),
      );
    });

    it('cost no statement once looked up: one lookup per credential and cache period', async () => {
      const made = await makeToken(http);
      const client = as(made.token);
      const counter = new StatementCounter(db);
      const lookups = async (work: () => Promise<unknown>) => {
        await counter.countAll(work);
        // The batched write of last uses may fall in the window too: lookups only.
        return counter.statements.filter((sql) => sql.startsWith(`${AUTHENTICATION_SQL} SELECT`))
          .length;
      };
      try {
        expect(await lookups(() => client.get('/me').expect(200))).toBe(1);
        expect(await lookups(() => client.get('/me').expect(200))).toBe(0);
        expect(await lookups(() => client.get('/tokens').expect(200))).toBe(0);
      } finally {
        counter.restore();
      }
    });
  });

  describe('the administrator', () => {
    let admin: Client;
    beforeAll(() => {
      admin = as(ADMIN_TOKEN);
    });

    it('is ADMIN_TOKEN, and the administrator user', async () => {
      expect((await admin.get('/me').expect(200)).body).toMatchObject({
        name: 'Administrator',
        administrator: true,
      });
      const token = (await createTestUser(app, { administrator: true })).token;
      expect((await as(token).get('/users').expect(200)).body.items[0]).toMatchObject({
        administrator: true,
      });
    });

    it('creates a user with its first token, which works at once', async () => {
      const created = await admin.post('/users').send({ name: '  Grace  ' }).expect(201);
      expect(created.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        name: 'Grace',
        token: expect.stringMatching(/^tapi_[\w-]{43}$/),
      });
      expect((await as(created.body.token).get('/me').expect(200)).body).toMatchObject({
        id: created.body.id,
        name: 'Grace',
        administrator: false,
      });
    });

    it('lists users oldest first, the administrator first, with a cursor', async () => {
      const page = (await admin.get('/users?limit=1').expect(200)).body;
      expect(page.items).toEqual([expect.objectContaining({ administrator: true })]);
      const all: { id: string }[] = [];
      let cursor: string | null = null;
      do {
        const next: { items: { id: string }[]; nextCursor: string | null } = (
          await admin.get(`/users?limit=50${cursor ? `&cursor=${cursor}` : ''}`).expect(200)
        ).body;
        all.push(...next.items);
        cursor = next.nextCursor;
      } while (cursor);
      expect(all.map((listed) => listed.id)).toContain(user.id);
      expect(new Set(all.map((listed) => listed.id)).size).toBe(all.length);
    });

    it('deletes a user with all its data, and its tokens stop working at once', async () => {
      const doomed = await createTestUser(app);
      const client = as(doomed.token);
      await client.post('/tasks').send({ title: 'Doomed' }).expect(201);
      await http.post('/tasks').send({ title: 'Kept' }).expect(201);
      await admin.delete(`/users/${doomed.id}`).expect(204);
      expectRefused(await client.get('/me'), 'The bearer token is not known.');
      const left = await db.query(
        `SELECT (SELECT count(*)::int FROM tasks WHERE owner_id = $1) AS tasks,
                (SELECT count(*)::int FROM api_tokens WHERE user_id = $1) AS tokens,
                (SELECT count(*)::int FROM users WHERE id = $1) AS users,
                (SELECT count(*)::int FROM tasks) AS all_tasks`,
        [doomed.id],
      );
      expect(left).toEqual([{ tasks: 0, tokens: 0, users: 0, all_tasks: 1 }]);
      expectProblem(await admin.delete(`/users/${doomed.id}`), 404);
    });

    it('cannot be deleted (422), and an unknown user is a 404', async () => {
      const me = (await admin.get('/me').expect(200)).body;
      const refused = await admin.delete(`/users/${me.id}`);
      expectProblem(refused, 422);
      await admin.get('/me').expect(200);
      expectProblem(await admin.delete(`/users/${UNKNOWN_ID}`), 404);
      expectProblem(await admin.delete('/users/not-a-uuid'), 400);
    });

    it('alone manages users: anyone else gets 403 and changes nothing', async () => {
      const count = () => db.query('SELECT count(*)::int AS n FROM users');
      const before = await count();
      for (const response of [
        await http.get('/users'),
        await http.post('/users').send({ name: 'Mallory' }),
        await http.delete(`/users/${user.id}`),
      ]) {
        expectProblem(response, 403);
        expect(response.body.type).toBe('/problems/forbidden');
      }
      expect(await count()).toEqual(before);
      await http.get('/me').expect(200);
    });

    it.each<[string, object]>([
      ['no name', {}],
      ['a blank name', { name: ' ' }],
      ['a name too long', { name: 'x'.repeat(201) }],
      ['a NUL in the name', { name: 'a\u0000b' }],
      ['an unknown field', { name: 'x', administrator: true }],
    ])('creating a user with %s is a 400 that creates nobody', async (_, body) => {
      const before = await db.query('SELECT count(*)::int AS n FROM users');
      expectProblem(await admin.post('/users').send(body), 400);
      expect(await db.query('SELECT count(*)::int AS n FROM users')).toEqual(before);
    });
  });
});

describe('Identity (e2e): the first start of a fresh install', () => {
  let database: TestDatabase;
  const apps: NestFastifyApplication[] = [];

  beforeAll(async () => {
    // A database of its own: its administrator must never have had a token.
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    await database.drop();
  });

  it('gives the administrator one token, printed once, however many processes start at once', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn');
    try {
      const start = () =>
        createTestApp({
          databaseUrl: database.url,
          poolSize: 2,
          identity: { announceFirstToken: true },
        });
      apps.push(...(await Promise.all([start(), start(), start()])));
      apps.push(await start());
      const printed = warn.mock.calls
        .map(([message]) => /(tapi_[\w-]{43})/.exec(String(message))?.[1])
        .filter((token): token is string => token !== undefined);
      expect(printed).toHaveLength(1);
      const me = await request(apps[3].getHttpServer())
        .get('/me')
        .set('Authorization', `Bearer ${printed[0]}`)
        .expect(200);
      expect(me.body).toMatchObject({ name: 'Administrator', administrator: true });
      const tokens = await apps[0].get(DataSource).query('SELECT name FROM api_tokens');
      expect(tokens).toEqual([{ name: 'first administrator token' }]);
    } finally {
      warn.mockRestore();
    }
  });
});
