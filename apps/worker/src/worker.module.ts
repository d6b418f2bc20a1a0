import { DynamicModule, Module } from '@nestjs/common';
import { CoreModule, coreMigrations } from '@task-api/core';
import { RemindersModule, remindersMigrations, remindersOptionsFrom } from '@task-api/reminders';
import { TagsModule, tagsMigrations } from '@task-api/tags';
import { WorkerEnvironment } from './config/environment';

/**
 * The worker: core's database and the features, as the API composes them (so that a webhook
 * carries the task exactly as the API shows it), with the reminders' dispatcher always on. No
 * HTTP server is created, so the controllers stay unrouted.
 */
@Module({})
export class WorkerModule {
  static forRoot(env: WorkerEnvironment): DynamicModule {
    const reminders = remindersOptionsFrom(env);
    return {
      module: WorkerModule,
      imports: [
        CoreModule.forRoot({
          database: {
            url: env.DATABASE_URL,
            // Migrated under the advisory lock, like the API: whichever starts first migrates.
            migrations: [...coreMigrations, ...tagsMigrations, ...remindersMigrations],
            poolSize: env.DB_POOL_SIZE,
          },
          logLevel: env.LOG_LEVEL,
        }),
        RemindersModule.forRoot({
          ...reminders,
          dispatcher: { ...reminders.dispatcher, enabled: true },
        }),
        TagsModule,
      ],
    };
  }
}
