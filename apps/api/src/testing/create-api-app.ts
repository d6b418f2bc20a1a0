import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '@task-api/core';
import { AppModule } from '../app.module';
import { loadEnvironment } from '../config/environment';

/** The composed app, built from an environment exactly as `main.ts` builds it. */
export function createApiApp(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<NestFastifyApplication> {
  const config = loadEnvironment({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', ...env });
  return createApp(AppModule.forRoot(config), { bodyLimit: config.BODY_LIMIT_BYTES });
}
