import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { stopOnSignals } from '@task-api/core';
import { Logger } from 'nestjs-pino';
import { EnvironmentError, loadWorkerEnvironment } from './config/environment';
import { ProbeServer } from './probe-server';
import { WorkerModule } from './worker.module';

/**
 * The reminders worker: delivers due reminders, no API. Run as many as needed next to API
 * processes started with `REMINDERS_DISPATCHER_ENABLED=false`.
 */
async function bootstrap(): Promise<void> {
  const started = performance.now();
  const env = loadWorkerEnvironment();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(env), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  // The probes answer from the start: live at once, ready once the dispatcher runs.
  const probes = await ProbeServer.start(app, env.WORKER_PORT, env.WORKER_HOST);
  // SIGTERM: not ready, no more claims, unsent claims given back, calls in flight finish.
  stopOnSignals(app, { timeoutMs: env.SHUTDOWN_TIMEOUT_MS, afterClose: () => probes.close() });
  await app.init();
  app
    .get(Logger)
    .log(
      `Reminders worker running (probes and metrics on port ${probes.port}), booted in ${Math.round(performance.now() - started)} ms`,
    );
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof EnvironmentError ? error.message : error);
  process.exit(1);
});
