import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TestAppOptions, createTestApp } from '@task-api/core/testing';
import { RecurrenceModule } from './lib/recurrence.module';
import { recurrenceMigrations } from './lib/migrations';

/** Core + recurrence alone, as the recurrence e2e suite boots it. */
export function createRecurrenceTestApp(
  options: TestAppOptions = {},
): Promise<NestFastifyApplication> {
  return createTestApp({
    ...options,
    imports: [RecurrenceModule, ...(options.imports ?? [])],
    migrations: [...recurrenceMigrations, ...(options.migrations ?? [])],
  });
}
