import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TestAppOptions, createTestApp } from '@task-api/core/testing';
import { recurrenceMigrations } from './lib/migrations';
import { RecurrenceModule } from './lib/recurrence.module';

/** Core + recurrence alone (plus what `options` adds), as the recurrence e2e suites boot it. */
export function createRecurrenceTestApp(
  options: TestAppOptions = {},
): Promise<NestFastifyApplication> {
  return createTestApp({
    ...options,
    imports: [RecurrenceModule, ...(options.imports ?? [])],
    migrations: [...recurrenceMigrations, ...(options.migrations ?? [])],
  });
}
