import Fastify, { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { Pool, QueryConfig } from 'pg';

/**
 * The baseline of the benchmark: the fastest hand-written server for the requests the bench
 * sends, so that API ÷ baseline measures what the API's design costs. Fastify + `pg`, and for
 * each request one SQL statement, prepared once per connection under a name, that builds the
 * response's JSON in PostgreSQL; the text PostgreSQL returns is the body, never parsed or
 * serialized again. Instants are PostgreSQL's own JSON rendering in UTC
 * (`2026-12-01T09:00:00.123+00:00`), the same instants as the API's, without formatting them.
 * Nothing else: no ORM, no validation beyond Fastify's schemas, no logging, no ETag beyond the
 * task's version. It answers only what the bench sends (the default `-createdAt` order, `tags`
 * with `tagMatch=any|all`). Like the API it authenticates every request by its bearer token
 * (the SHA-256 of the token looked up once, then kept 10 s in memory) and reads and writes
 * the token's user's rows only (`owner_id` in every statement).
 */
const PORT = Number(process.env.PORT ?? 3100);
const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DB_POOL_SIZE ?? 10),
  // Instants come out of json_build_object in the session's zone: UTC, as the API answers.
  options: '-c TimeZone=UTC',
});

const statementNames = new Map<string, string>();

/**
 * One name per distinct SQL text: `pg` prepares a named statement once per connection and
 * then only binds and executes it. Rows come back as arrays, which `pg` builds fastest.
 */
function prepared(text: string, values: unknown[]): QueryConfig {
  let name = statementNames.get(text);
  if (!name) {
    name = `baseline_${statementNames.size + 1}`;
    statementNames.set(text, name);
  }
  return { name, text, values, rowMode: 'array' } as QueryConfig;
}

async function one<T extends unknown[]>(text: string, values: unknown[]): Promise<T | undefined> {
  const { rows } = await pool.query(prepared(text, values));
  return rows[0] as T | undefined;
}

/**
 * A task's tags, each found by its primary key. Written as a plain join, PostgreSQL hashes the
 * whole (small) `tags` table for every task of a page: 1,000 rows read per task, 24 ms for a
 * page of 50 instead of 1.5 ms. `LIMIT 1` keeps the lookup a parameterised index probe.
 */
const TAGS_OF_TASK = `coalesce((
  SELECT json_agg(json_build_object('id', g.id, 'name', g.name, 'color', g.color) ORDER BY lower(g.name), g.id)
    FROM task_tags l CROSS JOIN LATERAL (SELECT g.id, g.name, g.color FROM tags g WHERE g.id = l.tag_id LIMIT 1) g
   WHERE l.task_id = t.id), '[]')`;

const reminderJson = (r: string): string => `json_build_object(
  'id', ${r}.id, 'taskId', ${r}.task_id, 'remindAt', ${r}.remind_at,
  'offsetMinutes', ${r}.offset_minutes, 'note', ${r}.note, 'status', ${r}.status,
  'attempts', ${r}.attempts, 'deliveredAt', ${r}.delivered_at, 'lastError', ${r}.last_error,
  'createdAt', ${r}.created_at, 'updatedAt', ${r}.updated_at)`;

const REMINDERS_OF_TASK = `coalesce((
  SELECT json_agg(${reminderJson('r')} ORDER BY r.remind_at, r.id)
    FROM reminders r WHERE r.task_id = t.id), '[]')`;

const RECURRENCE_OF_TASK = `(
  SELECT json_build_object('rule', rc.rule, 'timezone', rc.timezone, 'nextDueAt', rc.next_due_at,
           'completedCount', (SELECT count(*)::int FROM recurrence_completions c WHERE c.task_id = rc.task_id))
    FROM recurrences rc WHERE rc.task_id = t.id)`;

/** A task view as JSON text; `embeds` false for a task that cannot have tags, reminders or a recurrence yet. */
const taskJson = (embeds: boolean): string => `json_build_object(
  'id', t.id, 'title', t.title, 'description', t.description, 'status', t.status,
  'priority', t.priority, 'dueAt', t.due_at, 'completedAt', t.completed_at,
  'createdAt', t.created_at, 'updatedAt', t.updated_at, 'version', t.version,
  'tags', ${embeds ? TAGS_OF_TASK : `'[]'::json`},
  'reminders', ${embeds ? REMINDERS_OF_TASK : `'[]'::json`},
  'recurrence', ${embeds ? RECURRENCE_OF_TASK : 'NULL'})::text`;

/** Whose request it is: set by the authentication hook. */
const owners = new WeakMap<FastifyRequest, string>();
const ownerOf = (request: FastifyRequest): string => owners.get(request) as string;

/** Token hash → its user, for 10 s: the work the API's credential cache does, no more. */
const CREDENTIAL_TTL_MS = 10_000;
const credentials = new Map<string, { userId: string | null; until: number }>();

async function userOfToken(token: string): Promise<string | null> {
  const hash = createHash('sha256').update(token).digest('hex');
  const cached = credentials.get(hash);
  if (cached && cached.until > Date.now()) return cached.userId;
  const row = await one<[string]>(
    `SELECT user_id FROM api_tokens
      WHERE hash = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())`,
    [hash],
  );
  const userId = row?.[0] ?? null;
  credentials.set(hash, { userId, until: Date.now() + CREDENTIAL_TTL_MS });
  return userId;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const OFFSET = /(Z|[+-]\d{2}:\d{2})$/i;

const app = Fastify({ logger: false });

function problem(reply: FastifyReply, status: number, detail: string): FastifyReply {
  return reply
    .status(status)
    .type('application/problem+json')
    .send({ type: 'about:blank', title: detail, status, detail });
}

/** JSON built by PostgreSQL goes out as it came: no parse and stringify on the way. */
const sendJson = (reply: FastifyReply, status: number, json: string): FastifyReply =>
  reply.status(status).type('application/json; charset=utf-8').send(json);

app.get('/health', async () => ({ status: 'ok' }));

app.addHook('onRequest', async (request, reply) => {
  if (request.url === '/health') return;
  const token = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  const userId = token === undefined ? null : await userOfToken(token);
  if (!userId) return problem(reply.header('www-authenticate', 'Bearer'), 401, 'Unauthorized');
  owners.set(request, userId);
});

const TASK_BY_ID = `SELECT ${taskJson(true)}, t.version FROM tasks t WHERE t.id = $1 AND t.owner_id = $2`;

app.get<{ Params: { id: string } }>('/tasks/:id', async (request, reply) => {
  if (!UUID.test(request.params.id)) return problem(reply, 400, 'id must be a UUID');
  const row = await one<[string, number]>(TASK_BY_ID, [request.params.id, ownerOf(request)]);
  if (!row) return problem(reply, 404, 'Task not found');
  reply.header('etag', `"${row[1]}"`);
  return sendJson(reply, 200, row[0]);
});

interface ListQuery {
  limit?: string;
  cursor?: string;
  tags?: string;
  tagMatch?: string;
}

/** The baseline's own cursor: where the last page ended, `(created_at, id)` as PostgreSQL wrote them. */
interface Cursor {
  createdAt: string;
  id: string;
}

const encodeCursor = (cursor: Cursor): string =>
  Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');

function decodeCursor(text: string): Cursor | undefined {
  try {
    const cursor = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
    return typeof cursor.createdAt === 'string' && UUID.test(cursor.id) ? cursor : undefined;
  } catch {
    return undefined;
  }
}

/** Newest first, keyset on (created_at, id): the one order the bench lists in. */
app.get<{ Querystring: ListQuery }>('/tasks', async (request, reply) => {
  const limit = Number(request.query.limit ?? 50);
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) {
    return problem(reply, 400, 'limit must be 1..200');
  }
  const params: unknown[] = [limit + 1, ownerOf(request)];
  const conditions: string[] = ['t.owner_id = $2'];
  if (request.query.cursor) {
    const cursor = decodeCursor(request.query.cursor);
    if (!cursor) return problem(reply, 400, 'cursor is not valid');
    params.push(cursor.createdAt, cursor.id);
    conditions.push(`(t.created_at, t.id) < ($3::timestamptz, $4::uuid)`);
  }
  if (request.query.tags) {
    const names = [
      ...new Set(request.query.tags.split(',').map((name) => name.trim().toLowerCase())),
    ];
    const ids = await tagIdsOf(ownerOf(request), names);
    conditions.push(...tagConditions(request.query.tagMatch ?? 'any', ids, names.length, params));
  }
  const { rows } = await pool.query(
    prepared(
      // The page first, then the views of its rows only, whatever plan finds the page.
      `WITH page AS (
         SELECT t.* FROM tasks t WHERE ${conditions.join(' AND ')}
         ORDER BY t.created_at DESC, t.id DESC LIMIT $1)
       SELECT ${taskJson(true)}, t.created_at::text, t.id
         FROM page t ORDER BY t.created_at DESC, t.id DESC`,
      params,
    ),
  );
  const items = (rows as [string, string, string][]).slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor = rows.length > limit ? encodeCursor({ createdAt: last[1], id: last[2] }) : null;
  return sendJson(
    reply,
    200,
    `{"items":[${items.map((row) => row[0]).join(',')}],"nextCursor":${JSON.stringify(nextCursor)}}`,
  );
});

/** Names to ids first, so the page query compares `tag_id` with values PostgreSQL has statistics on. */
async function tagIdsOf(ownerId: string, lowerNames: string[]): Promise<string[]> {
  const { rows } = await pool.query(
    prepared('SELECT id FROM tags WHERE owner_id = $1 AND lower(name) = ANY($2::text[])', [
      ownerId,
      lowerNames,
    ]),
  );
  return (rows as [string][]).map((row) => row[0]);
}

/** `all`: one (task_id, tag_id) probe per tag, so the planner starts from the rarest tag. */
function tagConditions(
  match: string,
  ids: string[],
  nameCount: number,
  params: unknown[],
): string[] {
  const carries = (condition: string) =>
    `EXISTS (SELECT 1 FROM task_tags l WHERE l.task_id = t.id AND l.tag_id ${condition})`;
  if (match === 'all') {
    if (ids.length < nameCount) return ['FALSE'];
    return ids.map((id) => {
      params.push(id);
      return carries(`= $${params.length}::uuid`);
    });
  }
  if (ids.length === 0) return ['FALSE'];
  params.push(ids);
  return [carries(`= ANY($${params.length}::uuid[])`)];
}

interface NewTask {
  title: string;
  description?: string | null;
  status?: string;
  priority?: string;
  dueAt?: string | null;
}

const instant = { type: 'string', format: 'date-time', pattern: OFFSET.source };

const INSERT_TASK = `INSERT INTO tasks AS t (owner_id, title, description, status, priority, due_at, completed_at)
  VALUES ($6, $1, $2, $3::task_status, $4, $5, CASE WHEN $3::task_status = 'done' THEN now() END)
  RETURNING ${taskJson(false)}, t.id, t.version`;

app.post<{ Body: NewTask }>(
  '/tasks',
  {
    schema: {
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['title'],
        properties: {
          title: { type: 'string', minLength: 1, maxLength: 200 },
          description: { type: ['string', 'null'], maxLength: 10_000 },
          status: { enum: ['todo', 'in_progress', 'done'] },
          priority: { enum: ['low', 'normal', 'high', 'urgent'] },
          dueAt: { anyOf: [instant, { type: 'null' }] },
        },
      },
    },
  },
  async (request, reply) => {
    const body = request.body;
    const title = body.title.trim();
    if (title.length === 0) return problem(reply, 400, 'title must not be blank');
    const row = await one<[string, string, number]>(INSERT_TASK, [
      title,
      body.description ?? null,
      body.status ?? 'todo',
      body.priority ?? 'normal',
      body.dueAt ?? null,
      ownerOf(request),
    ]);
    if (!row) throw new Error('INSERT ... RETURNING gave no row');
    reply.header('location', `/tasks/${row[1]}`).header('etag', `"${row[2]}"`);
    return sendJson(reply, 201, row[0]);
  },
);

/**
 * Get-or-create the tag by name and link it, in one statement. A tag created by a concurrent
 * request after this statement's snapshot is invisible to it: then no row comes back and the
 * statement runs again (it sees the tag the second time).
 */
const ATTACH_BY_NAME = `WITH task AS (SELECT id FROM tasks WHERE id = $1 AND owner_id = $4),
  created AS (
    INSERT INTO tags (owner_id, name, color) SELECT $4, $2, $3 FROM task
    ON CONFLICT (owner_id, (lower(name))) DO NOTHING
    RETURNING id, name, color, created_at, updated_at),
  tag AS (
    SELECT * FROM created
    UNION ALL
    SELECT id, name, color, created_at, updated_at FROM tags
     WHERE owner_id = $4 AND lower(name) = lower($2) AND NOT EXISTS (SELECT 1 FROM created)),
  linked AS (
    INSERT INTO task_tags (task_id, tag_id) SELECT task.id, tag.id FROM task, tag
    ON CONFLICT DO NOTHING RETURNING tag_id)
  SELECT json_build_object('id', g.id, 'name', g.name, 'color', g.color,
           'taskCount', (SELECT count(*) FROM task_tags c WHERE c.tag_id = g.id)::int
                        + (SELECT count(*) FROM linked)::int,
           'createdAt', g.created_at, 'updatedAt', g.updated_at)::text,
         EXISTS (SELECT 1 FROM created), EXISTS (SELECT 1 FROM task)
    FROM (SELECT 1) one LEFT JOIN tag g ON true`;

app.post<{ Params: { taskId: string }; Body: { name: string; color?: string | null } }>(
  '/tasks/:taskId/tags',
  {
    schema: {
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 64 },
          color: { type: ['string', 'null'], pattern: '^#[0-9a-f]{6}$' },
        },
      },
    },
  },
  async (request, reply) => {
    if (!UUID.test(request.params.taskId)) return problem(reply, 400, 'taskId must be a UUID');
    const values = [
      request.params.taskId,
      request.body.name.trim(),
      request.body.color ?? null,
      ownerOf(request),
    ];
    for (let attempt = 0; attempt < 3; attempt++) {
      const row = await one<[string | null, boolean, boolean]>(ATTACH_BY_NAME, values);
      const [json, created, taskExists] = row ?? [null, false, false];
      if (!taskExists) return problem(reply, 404, 'Task not found');
      if (json) return sendJson(reply, created ? 201 : 200, json);
    }
    throw new Error('the tag kept vanishing between attempts');
  },
);

// Like the API: a reminder on a done task is refused (422), on a missing task it is a 404.
const INSERT_REMINDER = `INSERT INTO reminders AS r (task_id, remind_at, next_attempt_at, firing_id, note)
  SELECT t.id, $2::timestamptz, $2::timestamptz, gen_random_uuid(), $3::varchar
    FROM tasks t WHERE t.id = $1 AND t.owner_id = $4 AND t.status <> 'done'
  RETURNING ${reminderJson('r')}::text, r.id, r.version`;

app.post<{ Body: { taskId: string; remindAt: string; note?: string | null } }>(
  '/reminders',
  {
    schema: {
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['taskId', 'remindAt'],
        properties: {
          taskId: { type: 'string', format: 'uuid' },
          remindAt: instant,
          note: { type: ['string', 'null'], maxLength: 500 },
        },
      },
    },
  },
  async (request, reply) => {
    const { taskId, remindAt, note } = request.body;
    if (Date.parse(remindAt) <= Date.now()) return problem(reply, 400, 'remindAt is in the past');
    const row = await one<[string, string, number]>(INSERT_REMINDER, [
      taskId,
      remindAt,
      note ?? null,
      ownerOf(request),
    ]);
    if (!row) {
      const task = await one<[number]>('SELECT 1 FROM tasks WHERE id = $1 AND owner_id = $2', [
        taskId,
        ownerOf(request),
      ]);
      return problem(reply, task ? 422 : 404, task ? 'Task is done' : 'Task not found');
    }
    reply.header('location', `/reminders/${row[1]}`).header('etag', `"${row[2]}"`);
    return sendJson(reply, 201, row[0]);
  },
);

app.listen({ port: PORT, host: '127.0.0.1' }).then(
  () => process.stdout.write(`baseline listening on ${PORT}\n`),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

process.once('SIGTERM', () => {
  app
    .close()
    .then(() => pool.end())
    .then(() => process.exit(0));
});
