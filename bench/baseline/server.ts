import Fastify, { FastifyReply } from 'fastify';
import { createHmac } from 'node:crypto';
import { Pool, PoolClient } from 'pg';

/**
 * The baseline of the benchmark: the same requests as the API answers, served by a minimal
 * Fastify + `pg` server with hand-written SQL. Each read is one statement that builds the JSON
 * in PostgreSQL; no ORM, no validation layer beyond Fastify's schemas, no extension point.
 * It answers only what the bench sends (the default `-createdAt` order, `tags` with
 * `tagMatch=any|all`), with the same JSON, so the ratio API/baseline is the API's overhead.
 */
const PORT = Number(process.env.PORT ?? 3100);
const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DB_POOL_SIZE ?? 10),
});

const iso = (column: string): string =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const TAGS_OF_TASK = `coalesce((
  SELECT json_agg(json_build_object('id', g.id, 'name', g.name, 'color', g.color) ORDER BY lower(g.name), g.id)
    FROM task_tags l JOIN tags g ON g.id = l.tag_id WHERE l.task_id = t.id), '[]')`;

const reminderJson = (r: string): string => `json_build_object(
  'id', ${r}.id, 'taskId', ${r}.task_id, 'remindAt', ${iso(`${r}.remind_at`)},
  'offsetMinutes', ${r}.offset_minutes, 'note', ${r}.note, 'status', ${r}.status,
  'attempts', ${r}.attempts, 'deliveredAt', ${iso(`${r}.delivered_at`)}, 'lastError', ${r}.last_error,
  'createdAt', ${iso(`${r}.created_at`)}, 'updatedAt', ${iso(`${r}.updated_at`)})`;

const REMINDERS_OF_TASK = `coalesce((
  SELECT json_agg(${reminderJson('r')} ORDER BY r.remind_at, r.id)
    FROM reminders r WHERE r.task_id = t.id), '[]')`;

/** A task view as JSON text; `embeds` false for a task that cannot have tags or reminders yet. */
const taskJson = (embeds: boolean): string => `json_build_object(
  'id', t.id, 'title', t.title, 'description', t.description, 'status', t.status,
  'priority', t.priority, 'dueAt', ${iso('t.due_at')}, 'completedAt', ${iso('t.completed_at')},
  'createdAt', ${iso('t.created_at')}, 'updatedAt', ${iso('t.updated_at')}, 'version', t.version,
  'tags', ${embeds ? TAGS_OF_TASK : `'[]'::json`},
  'reminders', ${embeds ? REMINDERS_OF_TASK : `'[]'::json`})::text`;

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

app.get<{ Params: { id: string } }>('/tasks/:id', async (request, reply) => {
  if (!UUID.test(request.params.id)) return problem(reply, 400, 'id must be a UUID');
  const { rows } = await pool.query(
    `SELECT ${taskJson(true)} AS view, t.version FROM tasks t WHERE t.id = $1`,
    [request.params.id],
  );
  if (rows.length === 0) return problem(reply, 404, 'Task not found');
  reply.header('etag', `"${rows[0].version}"`);
  return sendJson(reply, 200, rows[0].view);
});

interface ListQuery {
  limit?: string;
  cursor?: string;
  tags?: string;
  tagMatch?: string;
}

// The API's cursor, written by hand: base64url JSON of [epoch milliseconds, id], a dot, and a
// 16-character HMAC-SHA256 binding it to `GET /tasks` and its sort (see core's keyset), so
// both servers hand out and accept the same cursors.
const CURSOR_KEY = 'task-api keyset cursor v1';
const cursorMac = (payload: string): string =>
  createHmac('sha256', CURSOR_KEY)
    .update(`GET /tasks\u0000-createdAt\u0000\u0000${payload}`)
    .digest('base64url')
    .slice(0, 16);

function encodeCursor(createdAtMs: string, id: string): string {
  const payload = Buffer.from(JSON.stringify([createdAtMs, id]), 'utf8').toString('base64url');
  return `${payload}.${cursorMac(payload)}`;
}

function decodeCursor(text: string): { createdAtMs: string; id: string } | undefined {
  const [payload, mac] = text.split('.');
  if (mac !== cursorMac(payload)) return undefined;
  try {
    const [createdAtMs, id] = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return /^-?\d{1,16}$/.test(createdAtMs) && UUID.test(id) ? { createdAtMs, id } : undefined;
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
  const params: unknown[] = [limit + 1];
  const conditions: string[] = [];
  if (request.query.cursor) {
    const cursor = decodeCursor(request.query.cursor);
    if (!cursor) return problem(reply, 400, 'cursor is not valid');
    params.push(cursor.createdAtMs, cursor.id);
    conditions.push(
      `(t.created_at, t.id) < (timestamptz 'epoch' + $2::bigint * interval '1 millisecond', $3::uuid)`,
    );
  }
  if (request.query.tags) {
    const names = [
      ...new Set(request.query.tags.split(',').map((name) => name.trim().toLowerCase())),
    ];
    const ids = await tagIdsOf(names);
    conditions.push(...tagConditions(request.query.tagMatch ?? 'any', ids, names.length, params));
  }
  const { rows } = await pool.query(
    `WITH page AS (
       SELECT t.* FROM tasks t
       ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
       ORDER BY t.created_at DESC, t.id DESC LIMIT $1)
     SELECT ${taskJson(true)} AS view,
            (extract(epoch FROM t.created_at) * 1000)::bigint::text AS created_at_ms, t.id
       FROM page t ORDER BY t.created_at DESC, t.id DESC`,
    params,
  );
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor = rows.length > limit ? encodeCursor(last.created_at_ms, last.id) : null;
  return sendJson(
    reply,
    200,
    `{"items":[${items.map((row) => row.view).join(',')}],"nextCursor":${JSON.stringify(nextCursor)}}`,
  );
});

/** Names to ids first, so the page query compares `tag_id` with values PostgreSQL has statistics on. */
async function tagIdsOf(lowerNames: string[]): Promise<string[]> {
  const { rows } = await pool.query('SELECT id FROM tags WHERE lower(name) = ANY($1::text[])', [
    lowerNames,
  ]);
  return rows.map((row: { id: string }) => row.id);
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
    const { rows } = await pool.query(
      `INSERT INTO tasks AS t (title, description, status, priority, due_at, completed_at)
       VALUES ($1, $2, $3::task_status, $4, $5, CASE WHEN $3::task_status = 'done' THEN now() END)
       RETURNING ${taskJson(false)} AS view, t.id, t.version`,
      [
        title,
        body.description ?? null,
        body.status ?? 'todo',
        body.priority ?? 'normal',
        body.dueAt ?? null,
      ],
    );
    reply.header('location', `/tasks/${rows[0].id}`).header('etag', `"${rows[0].version}"`);
    return sendJson(reply, 201, rows[0].view);
  },
);

const FOREIGN_KEY_VIOLATION = '23503';
const isForeignKeyViolation = (error: unknown): boolean =>
  (error as { code?: string }).code === FOREIGN_KEY_VIOLATION;

/** Get-or-create by name, then link: one transaction, the unique index settles races. */
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
    const name = request.body.name.trim();
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await attachByName(client, request.params.taskId, name, request.body.color);
      await client.query('COMMIT');
      return sendJson(reply, result.created ? 201 : 200, result.json);
    } catch (error) {
      await client.query('ROLLBACK');
      if (isForeignKeyViolation(error)) return problem(reply, 404, 'Task not found');
      throw error;
    } finally {
      client.release();
    }
  },
);

async function attachByName(
  client: PoolClient,
  taskId: string,
  name: string,
  color: string | null | undefined,
): Promise<{ created: boolean; json: string }> {
  const inserted = await client.query(
    `INSERT INTO tags (name, color) VALUES ($1, $2) ON CONFLICT ((lower(name))) DO NOTHING RETURNING id`,
    [name, color ?? null],
  );
  const tagId =
    inserted.rows[0]?.id ??
    (await client.query('SELECT id FROM tags WHERE lower(name) = lower($1)', [name])).rows[0].id;
  await client.query(
    'INSERT INTO task_tags (task_id, tag_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
    [taskId, tagId],
  );
  const { rows } = await client.query(
    `SELECT json_build_object('id', g.id, 'name', g.name, 'color', g.color,
              'taskCount', (SELECT count(*) FROM task_tags c WHERE c.tag_id = g.id)::int,
              'createdAt', ${iso('g.created_at')}, 'updatedAt', ${iso('g.updated_at')})::text AS json
       FROM tags g WHERE g.id = $1`,
    [tagId],
  );
  return { created: inserted.rows.length > 0, json: rows[0].json };
}

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
    // Like the API: a reminder on a done task is refused (422), on a missing task it is a 404.
    const { rows } = await pool.query(
      `INSERT INTO reminders AS r (task_id, remind_at, next_attempt_at, firing_id, note)
       SELECT t.id, $2::timestamptz, $2::timestamptz, gen_random_uuid(), $3::varchar FROM tasks t WHERE t.id = $1 AND t.status <> 'done'
       RETURNING ${reminderJson('r')}::text AS json, r.id, r.version`,
      [taskId, remindAt, note ?? null],
    );
    if (rows.length === 0) {
      const task = await pool.query('SELECT 1 FROM tasks WHERE id = $1', [taskId]);
      return problem(
        reply,
        task.rowCount ? 422 : 404,
        task.rowCount ? 'Task is done' : 'Task not found',
      );
    }
    reply.header('location', `/reminders/${rows[0].id}`).header('etag', `"${rows[0].version}"`);
    return sendJson(reply, 201, rows[0].json);
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
