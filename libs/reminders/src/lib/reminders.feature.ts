import type { FeatureManifest } from '@task-api/core';
import { remindersMigrations } from './migrations';
import { ReminderDelivery } from './reminder-delivery.entity';
import { Reminder } from './reminder.entity';
import { RemindersModule } from './reminders.module';

/** The variables of the app's validated environment that configure reminders. */
export interface RemindersEnvironment {
  REMINDERS_DISPATCHER_ENABLED: boolean;
  REMINDERS_WEBHOOK_URL?: string;
  REMINDERS_WEBHOOK_SECRET?: string;
  REMINDERS_POLL_INTERVAL_MS: number;
  REMINDERS_BATCH_SIZE: number;
  REMINDERS_LEASE_MS: number;
  REMINDERS_MAX_ATTEMPTS: number;
  REMINDERS_TIMEOUT_MS: number;
  REMINDERS_BACKOFF_BASE_MS: number;
}

/** The reminders feature, as an app composes it: configured from its environment. */
export const remindersFeature: FeatureManifest<RemindersEnvironment> = {
  project: 'reminders',
  module: (env) =>
    RemindersModule.forRoot({
      webhook: env.REMINDERS_WEBHOOK_URL
        ? { url: env.REMINDERS_WEBHOOK_URL, secret: env.REMINDERS_WEBHOOK_SECRET ?? '' }
        : undefined,
      dispatcher: {
        enabled: env.REMINDERS_DISPATCHER_ENABLED,
        pollIntervalMs: env.REMINDERS_POLL_INTERVAL_MS,
        batchSize: env.REMINDERS_BATCH_SIZE,
        leaseMs: env.REMINDERS_LEASE_MS,
        maxAttempts: env.REMINDERS_MAX_ATTEMPTS,
        timeoutMs: env.REMINDERS_TIMEOUT_MS,
        backoffBaseMs: env.REMINDERS_BACKOFF_BASE_MS,
      },
    }),
  entities: [Reminder, ReminderDelivery],
  migrations: remindersMigrations,
};
