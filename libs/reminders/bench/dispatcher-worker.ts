import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createStandaloneDispatcher } from '../src/lib/delivery/standalone-dispatcher';

/**
 * One dispatcher process of the benchmark: its own pool, no HTTP server. Prints `ready` once
 * connected; SIGTERM stops it cleanly (the batch in flight finishes, the pool closes).
 */
async function main(): Promise<void> {
  // stdout carries `ready` to the benchmark; the dispatcher's own lines stay off it.
  Logger.overrideLogger(['error']);
  const env = process.env;
  const worker = await createStandaloneDispatcher({
    databaseUrl: env.BENCH_DATABASE_URL ?? '',
    poolSize: Number(env.BENCH_POOL_SIZE ?? 10),
    webhook: { url: env.BENCH_WEBHOOK_URL ?? '', secret: env.BENCH_WEBHOOK_SECRET ?? '' },
    dispatcher: {
      pollIntervalMs: Number(env.REMINDERS_POLL_INTERVAL_MS ?? 1_000),
      batchSize: Number(env.REMINDERS_BATCH_SIZE ?? 50),
    },
  });
  process.once('SIGTERM', () => {
    worker.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
  worker.dispatcher.start();
  process.stdout.write('ready\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
