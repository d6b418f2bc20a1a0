import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '@task-api/core';
import { AppModule } from '../app.module';
import { loadEnvironment } from '../config/environment';

/**
 * The composed app, built from an environment exactly as `main.ts` builds it. No rate limit unless
 * the test sets `RATE_LIMIT_PER_MINUTE`: suites send bursts far above any person's rate, and a
 * limit they reach on a fast machine but not on a slow one would make them flaky.
 */
export function createApiApp(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<NestFastifyApplication> {
  const config = loadEnvironment({
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '0',
    ...env,
  });
  return createApp(AppModule.forRoot(config), { bodyLimit: config.BODY_LIMIT_BYTES });
}
