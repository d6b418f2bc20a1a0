import 'reflect-metadata';
import { DatabaseStartupError, createApp, drainConnections, stopOnSignals } from '@task-api/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { EnvironmentError, loadEnvironment } from './config/environment';

async function bootstrap(): Promise<void> {
  const started = performance.now();
  const env = loadEnvironment();
  const app = await createApp(AppModule.forRoot(env), { bodyLimit: env.BODY_LIMIT_BYTES });
  // SIGTERM: not ready and `Connection: close` at once, connections drain, requests in flight
  // finish, the dispatcher gives back what it has not sent, the pool closes; bounded.
  stopOnSignals(app, {
    timeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    drain: () => drainConnections(app, env.SHUTDOWN_DRAIN_MS),
  });
  await app.listen(env.PORT, env.HOST);
  const bootMs = Math.round(performance.now() - started);
  app
    .get(Logger)
    .log(
      `Task API listening on ${await app.getUrl()} (Swagger UI at /docs), booted in ${bootMs} ms`,
    );
}

bootstrap().catch((error: unknown) => {
  // An invalid environment or a database that cannot be used is the operator's to fix: name
  // the variable or the directory, skip the stack.
  const forOperator = error instanceof EnvironmentError || error instanceof DatabaseStartupError;
  console.error(forOperator ? error.message : error);
  process.exit(1);
});
