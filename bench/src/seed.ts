import { Client } from 'pg';
import { BENCH_TOKEN, BENCH_USER_ID, TAG_COUNT, benchTokenHash, seededUuidSql } from './ids';
import { log, progress, seconds } from './progress';

/** Bump when the seeded data changes shape, so `--reuse` does not time an old dataset. */
export const SEED_VERSION = 2;
const CHUNK = 100_000;

export interface SeedTimings {
  tasks: number;
  totalMs: number;
  phasesMs: Record<string, number>;
  rows: Record<string, number>;
}

const taskIdSql = seededUuidSql('task-', 'n');
/**
 * Skewed tag choice: rank floor(1000 * u^3) for a uniform u, so tag-0000 is drawn by 10 % of
 * draws (on ~27 % of tasks) and the highest ranks by ~0.03 % each: a few tags on many tasks.
 */
const skewedTagIdSql = seededUuidSql('tag-', `floor(${TAG_COUNT} * power(random(), 3))::int`);

/**
 * Seeds `tasks` rows in chunks of set-based `INSERT ... SELECT generate_series` statements:
 * tasks with statuses and due dates, 1,000 tags, ~3 links per task, ~1 reminder per task (in
 * the future: the dispatcher has nothing to do), all of one user, whose API token the bench's
 * requests carry. Secondary indexes are dropped during the load
 * and rebuilt after it, and foreign-key triggers are skipped (`session_replication_role`):
 * the rows are consistent by construction, and building an index once beats maintaining it
 * row by row.
 */
export async function seed(client: Client, tasks: number): Promise<SeedTimings> {
  const phasesMs: Record<string, number> = {};
  const started = performance.now();
  const timed = async (phase: string, work: () => Promise<unknown>) => {
    const at = performance.now();
    await work();
    phasesMs[phase] = Math.round(performance.now() - at);
  };
  await client.query(`SET synchronous_commit = off`);
  await client.query(`SET maintenance_work_mem = '512MB'`);
  await client.query(`SELECT setseed(0.42)`);
  // CASCADE: every feature's table that refers to tasks goes too, whatever features there are.
  await client.query(`TRUNCATE tasks, tags, task_tags, reminders, reminder_deliveries CASCADE`);
  // Before foreign keys are set aside: deleting a user must take its tokens along.
  await timed('user', () => insertUser(client));
  await client.query(`SET session_replication_role = replica`);
  const indexes = await secondaryIndexes(client);
  await timed('drop indexes', () => dropIndexes(client, indexes));
  await timed('tags', () => insertTags(client));
  await timed('tasks, links, reminders', () => insertChunks(client, tasks));
  await timed('rebuild indexes', () => createIndexes(client, indexes));
  await client.query(`SET session_replication_role = origin`);
  await timed('vacuum analyze', () => client.query('VACUUM ANALYZE'));
  await markSeeded(client, tasks);
  const totalMs = Math.round(performance.now() - started);
  const rows = await countRows(client);
  log(`  seeded ${tasks.toLocaleString('en')} tasks in ${seconds(totalMs)}: ${describe(phasesMs)}`);
  return { tasks, totalMs, phasesMs, rows };
}

/** Is this database already seeded with `tasks` rows of this seed version? */
export async function isSeeded(client: Client, tasks: number): Promise<boolean> {
  const found = await client.query(
    `SELECT 1 FROM information_schema.tables WHERE table_name = 'bench_seed'`,
  );
  if (found.rowCount === 0) return false;
  const marker = await client.query('SELECT tasks, version FROM bench_seed');
  return marker.rows[0]?.tasks === tasks && marker.rows[0]?.version === SEED_VERSION;
}

interface IndexDefinition {
  name: string;
  definition: string;
}

/** Indexes that back no constraint (primary keys stay: the foreign keys need them). */
async function secondaryIndexes(client: Client): Promise<IndexDefinition[]> {
  const result = await client.query<IndexDefinition>(
    `SELECT i.indexname AS name, i.indexdef AS definition
       FROM pg_indexes i
      WHERE i.schemaname = 'public'
        AND i.tablename IN ('tasks', 'tags', 'task_tags', 'reminders')
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
  );
  return result.rows;
}

async function dropIndexes(client: Client, indexes: IndexDefinition[]): Promise<void> {
  for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`);
}

async function createIndexes(client: Client, indexes: IndexDefinition[]): Promise<void> {
  for (const index of indexes) await client.query(index.definition);
}

/** The user of the bench and its token (its hash, as the API stores it); any other user goes. */
async function insertUser(client: Client): Promise<void> {
  await client.query(`DELETE FROM users WHERE NOT administrator`);
  await client.query(`INSERT INTO users (id, name) VALUES ($1, 'Bench')`, [BENCH_USER_ID]);
  await client.query(
    `INSERT INTO api_tokens (user_id, name, prefix, hash) VALUES ($1, 'bench', $2, $3)`,
    [BENCH_USER_ID, BENCH_TOKEN.slice(0, 12), benchTokenHash()],
  );
}

async function insertTags(client: Client): Promise<void> {
  await client.query(
    `INSERT INTO tags (id, owner_id, name, color)
     SELECT ${seededUuidSql('tag-', 'k')}, $2, 'tag-' || lpad(k::text, 4, '0'),
            CASE WHEN k % 3 = 0 THEN '#' || substr(md5('color' || k), 1, 6) END
       FROM generate_series(0, $1 - 1) k`,
    [TAG_COUNT, BENCH_USER_ID],
  );
}

async function insertChunks(client: Client, tasks: number): Promise<void> {
  for (let from = 1; from <= tasks; from += CHUNK) {
    const to = Math.min(tasks, from + CHUNK - 1);
    await insertTasks(client, from, to);
    await insertLinks(client, from, to);
    await insertReminders(client, from, to);
    progress('tasks', to, tasks);
  }
}

/**
 * Task n was created n × 30 s ago (newest first is the default order); a quarter are done,
 * a quarter in progress; four in five have a due date within the next 90 days.
 */
async function insertTasks(client: Client, from: number, to: number): Promise<void> {
  await client.query(
    `INSERT INTO tasks (id, owner_id, title, description, status, priority, due_at, completed_at, created_at, updated_at)
     SELECT ${taskIdSql}, $3, 'Task ' || n,
            CASE WHEN n % 2 = 0 THEN 'Seeded description of task ' || n END,
            (ARRAY['todo', 'todo', 'in_progress', 'done'])[1 + n % 4]::task_status,
            (ARRAY['low', 'normal', 'high', 'urgent'])[1 + (n * 7) % 4]::task_priority,
            CASE WHEN n % 5 <> 0 THEN now() + ((n::bigint * 7919) % 129600) * interval '1 minute' END,
            CASE WHEN n % 4 = 3 THEN now() - n * interval '30 seconds' + interval '1 hour' END,
            now() - n * interval '30 seconds', now() - n * interval '30 seconds'
       FROM generate_series($1::int, $2::int) n`,
    [from, to, BENCH_USER_ID],
  );
}

/** Three skewed draws per task; a tag drawn twice is linked once. */
async function insertLinks(client: Client, from: number, to: number): Promise<void> {
  await client.query(
    `INSERT INTO task_tags (task_id, tag_id)
     SELECT DISTINCT ${taskIdSql}, ${skewedTagIdSql}
       FROM generate_series($1::int, $2::int) n, generate_series(1, 3) draw`,
    [from, to],
  );
}

/**
 * One reminder per task on average (none for n ≡ 5, two for n ≡ 0 mod 10), 30 to 90 days
 * ahead; those of done tasks are cancelled, as the API would have done.
 */
async function insertReminders(client: Client, from: number, to: number): Promise<void> {
  await client.query(
    `INSERT INTO reminders (task_id, remind_at, next_attempt_at, firing_id, status, note)
     SELECT ${taskIdSql}, at, at, gen_random_uuid(),
            CASE WHEN n % 4 = 3 THEN 'cancelled' ELSE 'scheduled' END::reminder_status,
            CASE WHEN copy = 2 THEN 'Second reminder' END
       FROM generate_series($1::int, $2::int) n,
            generate_series(1, CASE WHEN n % 10 = 0 THEN 2 WHEN n % 10 = 5 THEN 0 ELSE 1 END) copy,
            LATERAL (SELECT now() + interval '30 days' + ((n::bigint * 31 + copy * 997) % 86400) * interval '1 minute' AS at) due`,
    [from, to],
  );
}

async function markSeeded(client: Client, tasks: number): Promise<void> {
  await client.query(`DROP TABLE IF EXISTS bench_seed`);
  await client.query(`CREATE TABLE bench_seed (tasks int NOT NULL, version int NOT NULL)`);
  await client.query(`INSERT INTO bench_seed VALUES ($1, $2)`, [tasks, SEED_VERSION]);
}

async function countRows(client: Client): Promise<Record<string, number>> {
  const result = await client.query(
    `SELECT (SELECT count(*) FROM tasks)::int AS tasks, (SELECT count(*) FROM tags)::int AS tags,
            (SELECT count(*) FROM task_tags)::int AS task_tags,
            (SELECT count(*) FROM reminders)::int AS reminders`,
  );
  return result.rows[0];
}

const describe = (phases: Record<string, number>): string =>
  Object.entries(phases)
    .map(([phase, ms]) => `${phase} ${seconds(ms)}`)
    .join(', ');
