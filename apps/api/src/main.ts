import 'reflect-metadata';
import { DatabaseStartupError, createApp } from '@task-api/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { EnvironmentError, loadEnvironment } from './config/environment';

async function bootstrap(): Promise<void> {
  const started = performance.now();
  const env = loadEnvironment();
  const app = await createApp(AppModule.forRoot(env), { bodyLimit: env.BODY_LIMIT_BYTES });
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
