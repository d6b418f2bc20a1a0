import type { FeatureManifest } from '@task-api/core';
import { DeliveryEnvironment, remindersOptionsFrom } from './delivery/delivery-environment';
import { remindersMigrations } from './migrations';
import { ReminderDelivery } from './reminder-delivery.entity';
import { Reminder } from './reminder.entity';
import { RemindersModule } from './reminders.module';

/** The reminders feature, as an app composes it: configured from its environment. */
export const remindersFeature: FeatureManifest<DeliveryEnvironment> = {
  project: 'reminders',
  module: (env) => RemindersModule.forRoot(remindersOptionsFrom(env)),
  entities: [Reminder, ReminderDelivery],
  migrations: remindersMigrations,
};
