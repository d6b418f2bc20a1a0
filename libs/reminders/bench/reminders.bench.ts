import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { coreEntities, coreMigrations, postgresOptions, runMigrationsLocked } from '@task-api/core';
import { createTestDatabase } from '@task-api/core/testing';
import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { remindersMigrations } from '../src/lib/migrations';
import { WebhookReceiver, eventually } from '../src/testing';

/**
 * `npm run bench:reminders` (after `npm run build`): the built worker (`dist/apps/worker`)
 * delivering to a local keep-alive receiver that verifies every signature, each reminder on a
 * task of its own.
 * - burst: N reminders (default 10,000, `BENCH_REMINDERS`) due at one instant, delivered by 1
 *   and then 3 worker processes (`BENCH_PROCESSES`): reminders/s, delay remindAt → receipt;
 * - steady: 1,000 reminders due per second for 10 s (`BENCH_RATE`, `BENCH_SECONDS`), one
 *   worker: the delay remindAt → receipt (p50, p99, max).
 * Needs PostgreSQL: `DATABASE_URL` (a fresh database is created on that server and dropped).
 * The workers take their `REMINDERS_*` and `DB_POOL_SIZE` settings from the environment.
 */
const COUNT = Number(process.env.BENCH_REMINDERS ?? 10_000);
const PROCESS_COUNTS = (process.env.BENCH_PROCESSES ?? '1,3').split(',').map(Number);
const RATE = Number(process.env.BENCH_RATE ?? 1_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
/** The reminders are written this long before the first is due. */
const LEAD_MS = 1_000;
const WORKER = join(__dirname, '../../../dist/apps/worker/main.js');

async function main(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl)
    throw new Error('Set DATABASE_URL to a PostgreSQL server (the benchmark runs on PostgreSQL)');
  if (!existsSync(WORKER)) throw new Error(`${WORKER} is missing: run npm run build first`);
  Logger.overrideLogger(['error']);
  const database = await createTestDatabase(serverUrl);
  const receiver = await WebhookReceiver.start();
  const dataSource = await new DataSource({
    ...postgresOptions(database.url, [...coreMigrations, ...remindersMigrations], 2),
    entities: coreEntities,
  }).initialize();
  try {
    await runMigrationsLocked(dataSource);
    const env = process.env;
    console.log(
      `Reminders benchmark on PostgreSQL ${(await dataSource.query('SHOW server_version'))[0].server_version}, ` +
        `worker settings: concurrency ${env.REMINDERS_CONCURRENCY ?? 'default'}, batch ${env.REMINDERS_BATCH_SIZE ?? 'default'}, ` +
        `poll ${env.REMINDERS_POLL_INTERVAL_MS ?? 'default'} ms, pool ${env.DB_POOL_SIZE ?? 'default'}`,
    );
    for (const processes of PROCESS_COUNTS) {
      const delays = await run(processes, COUNT, () => 0, dataSource, receiver, database.url);
      const lastMs = delays[delays.length - 1];
      console.log(
        `burst, ${processes} worker${processes > 1 ? 's' : ''}: ${COUNT} due at once, ` +
          `${Math.round((COUNT / Math.max(lastMs, 1)) * 1_000)} reminders/s (all in ${(lastMs / 1_000).toFixed(2)} s); ` +
          `${describeDelays(delays)}; duplicates ${receiver.receipts.length - COUNT}, bad signatures ${receiver.invalid}`,
      );
    }
    const steady = RATE * SECONDS;
    const delays = await run(
      1,
      steady,
      (i) => (i * 1_000) / RATE,
      dataSource,
      receiver,
      database.url,
    );
    console.log(
      `steady, 1 worker: ${RATE} due per second for ${SECONDS} s; ${describeDelays(delays)}; ` +
        `duplicates ${receiver.receipts.length - steady}, bad signatures ${receiver.invalid}`,
    );
  } finally {
    await dataSource.destroy();
    await receiver.close();
    await database.drop();
  }
}

/**
 * Starts the workers, writes `count` reminders (the i-th due `dueInMs(i)` after the lead), waits
 * for every receipt; the delays remindAt → receipt, sorted.
 */
async function run(
  processes: number,
  count: number,
  dueInMs: (i: number) => number,
  dataSource: DataSource,
  receiver: WebhookReceiver,
  databaseUrl: string,
): Promise<number[]> {
  await dataSource.query('TRUNCATE reminders, reminder_deliveries, tasks CASCADE');
  // Only the benchmark's users: the administrator stays (later migrations give it what exists).
  await dataSource.query('DELETE FROM users WHERE NOT administrator');
  receiver.reset();
  const workers: ChildProcess[] = [];
  try {
    for (let i = 0; i < processes; i++) workers.push(await startWorker(databaseUrl, receiver));
    const offsets = Array.from({ length: count }, (_, i) => Math.round(LEAD_MS + dueInMs(i)));
    await dataSource.query(
      `WITH owner AS (INSERT INTO users (name) VALUES ('Benchmark') RETURNING id),
       task AS (
         INSERT INTO tasks (owner_id, title)
         SELECT owner.id, 'Benchmark ' || i FROM owner, generate_series(1, $1) AS i
         RETURNING id),
       numbered AS (SELECT id, row_number() OVER () AS n FROM task)
       INSERT INTO reminders (task_id, remind_at, next_attempt_at, firing_id)
       SELECT id, at, at, gen_random_uuid()
         FROM numbered, LATERAL (SELECT now() + ($2::int[])[n] * interval '1 millisecond' AS at) due`,
      [count, offsets],
    );
    await eventually(() => receiver.byReminder().size >= count, {
      timeoutMs: 10 * 60_000,
      intervalMs: 100,
      what: `${count} receipts`,
    });
    const remindAt = new Map<string, number>(
      (await dataSource.query(`SELECT id, remind_at FROM reminders`)).map(
        (row: { id: string; remind_at: Date }) => [row.id, row.remind_at.getTime()],
      ),
    );
    const firstReceipt = new Map<string, number>();
    for (const receipt of receiver.receipts) {
      const id = receipt.payload.reminder.id;
      if (!firstReceipt.has(id)) firstReceipt.set(id, receipt.receivedAt);
    }
    return [...firstReceipt].map(([id, at]) => at - (remindAt.get(id) ?? at)).sort((a, b) => a - b);
  } finally {
    await Promise.all(workers.map(stopWorker));
  }
}

function describeDelays(sorted: number[]): string {
  return `delay remindAt→receipt p50 ${percentile(sorted, 50)} ms, p99 ${percentile(sorted, 99)} ms, max ${sorted[sorted.length - 1]} ms`;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** The built worker, as an operator runs it; ready once it logs its probe port. */
async function startWorker(databaseUrl: string, receiver: WebhookReceiver): Promise<ChildProcess> {
  // BENCH_NODE_ARGS: more flags for the workers' node, e.g. `--cpu-prof` to profile them.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, ['--enable-source-maps', ...nodeArgs, WORKER], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      WORKER_PORT: '0',
      WORKER_HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      REMINDERS_WEBHOOK_URL: receiver.url,
      REMINDERS_WEBHOOK_SECRET: receiver.secret,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stdout = child.stdout;
  if (!stdout) throw new Error('A worker has no stdout');
  let output = '';
  const ready = new Promise<void>((resolve) =>
    stdout.on('data', (chunk) => {
      output += String(chunk);
      if (output.includes('Reminders worker running')) resolve();
    }),
  );
  await Promise.race([
    ready,
    once(child, 'exit').then(() => {
      throw new Error(`A worker exited before it was ready:\n${output}`);
    }),
  ]);
  // Its log lines are not the benchmark's output.
  stdout.removeAllListeners('data');
  stdout.resume();
  return child;
}

async function stopWorker(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const [code] = await exited;
  if (code !== 0) throw new Error(`A worker exited with ${code} on SIGTERM`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
