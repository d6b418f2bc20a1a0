import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { Task, coreMigrations, postgresOptions, runMigrationsLocked } from '@task-api/core';
import { createTestDatabase } from '@task-api/core/testing';
import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { remindersMigrations } from '../src/lib/migrations';
import { WebhookReceiver, eventually } from '../src/testing';

/**
 * `npm run bench:reminders`: N reminders (default 10,000, `BENCH_REMINDERS`) due at one instant,
 * delivered by 1 and then by 3 dispatcher processes to a local receiver that verifies every
 * signature. Prints reminders/s and the delay from `remindAt` to receipt (p50, p99).
 * Needs PostgreSQL: `DATABASE_URL` (a fresh database is created on that server and dropped).
 */
const COUNT = Number(process.env.BENCH_REMINDERS ?? 10_000);
const PROCESS_COUNTS = (process.env.BENCH_PROCESSES ?? '1,3').split(',').map(Number);
const LEAD_MS = 1_000;

async function main(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl)
    throw new Error('Set DATABASE_URL to a PostgreSQL server (the benchmark runs on PostgreSQL)');
  Logger.overrideLogger(['error']);
  const database = await createTestDatabase(serverUrl);
  const receiver = await WebhookReceiver.start();
  receiver.respond = () => ({ status: 204 });
  const dataSource = await new DataSource({
    ...postgresOptions(database.url, [...coreMigrations, ...remindersMigrations], 2),
    entities: [Task],
  }).initialize();
  try {
    await runMigrationsLocked(dataSource);
    console.log(
      `Reminders benchmark: ${COUNT} reminders due at once, poll ${process.env.REMINDERS_POLL_INTERVAL_MS ?? 1_000} ms, batch ${process.env.REMINDERS_BATCH_SIZE ?? 50}, on PostgreSQL ${(await dataSource.query('SHOW server_version'))[0].server_version}`,
    );
    for (const processes of PROCESS_COUNTS) {
      await dataSource.query('TRUNCATE reminders, reminder_deliveries, tasks CASCADE');
      receiver.reset();
      receiver.respond = () => ({ status: 204 });
      console.log(await run(processes, dataSource, receiver, database.url));
    }
  } finally {
    await dataSource.destroy();
    await receiver.close();
    await database.drop();
  }
}

async function run(
  processes: number,
  dataSource: DataSource,
  receiver: WebhookReceiver,
  databaseUrl: string,
): Promise<string> {
  const workers: ChildProcess[] = [];
  try {
    for (let i = 0; i < processes; i++) workers.push(await startWorker(databaseUrl, receiver));
    const [{ id: taskId }] = await dataSource.query(
      `INSERT INTO tasks (title) VALUES ('Benchmark') RETURNING id`,
    );
    const [{ due }] = await dataSource.query(
      `WITH due AS (SELECT now() + $3 * interval '1 millisecond' AS at),
            inserted AS (
              INSERT INTO reminders (task_id, remind_at, next_attempt_at, firing_id)
              SELECT $1, due.at, due.at, gen_random_uuid() FROM due, generate_series(1, $2)
              RETURNING remind_at)
       SELECT min(remind_at) AS due FROM inserted`,
      [taskId, COUNT, LEAD_MS],
    );
    await eventually(() => receiver.byReminder().size >= COUNT, {
      timeoutMs: 10 * 60_000,
      intervalMs: 50,
      what: `${COUNT} receipts`,
    });
    const remindAt = (due as Date).getTime();
    const delays = receiver.receipts
      .map((receipt) => receipt.receivedAt - remindAt)
      .sort((a, b) => a - b);
    const lastMs = delays[delays.length - 1];
    const duplicates = receiver.receipts.length - receiver.byReminder().size;
    const rate = Math.round((COUNT / Math.max(lastMs, 1)) * 1_000);
    return (
      `${processes} dispatcher process${processes > 1 ? 'es' : ''}: ${rate} reminders/s ` +
      `(all ${COUNT} in ${(lastMs / 1_000).toFixed(2)} s after remindAt); delay remindAt→receipt ` +
      `p50 ${percentile(delays, 50)} ms, p99 ${percentile(delays, 99)} ms; ` +
      `duplicates ${duplicates}, bad signatures ${receiver.invalid}`
    );
  } finally {
    await Promise.all(workers.map(stopWorker));
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function startWorker(databaseUrl: string, receiver: WebhookReceiver): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join(__dirname, 'dispatcher-worker.ts')],
    {
      env: {
        ...process.env,
        BENCH_DATABASE_URL: databaseUrl,
        BENCH_WEBHOOK_URL: receiver.url,
        BENCH_WEBHOOK_SECRET: receiver.secret,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const stdout = child.stdout;
  if (!stdout) throw new Error('A dispatcher process has no stdout');
  const [chunk] = await Promise.race([
    once(stdout, 'data'),
    once(child, 'exit').then(() => {
      throw new Error('A dispatcher process exited before it was ready');
    }),
  ]);
  if (!String(chunk).includes('ready')) {
    child.kill('SIGKILL');
    throw new Error(`Unexpected worker output: ${chunk}`);
  }
  return child;
}

async function stopWorker(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const [code] = await exited;
  if (code !== 0) throw new Error(`A dispatcher process exited with ${code} on SIGTERM`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
