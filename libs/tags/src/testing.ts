import { TestAppOptions, createTestApp } from '@task-api/core/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TagsModule } from './lib/tags.module';
import { tagsMigrations } from './lib/migrations';

/** Core + tags alone, as the tags e2e suite boots it. */
export function createTagsTestApp(options: TestAppOptions = {}): Promise<NestFastifyApplication> {
  return createTestApp({
    ...options,
    imports: [TagsModule, ...(options.imports ?? [])],
    migrations: [...tagsMigrations, ...(options.migrations ?? [])],
  });
}
