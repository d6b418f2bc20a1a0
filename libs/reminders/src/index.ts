export { remindersFeature } from './lib/reminders.feature';
export { RemindersModule, type RemindersModuleOptions } from './lib/reminders.module';
export { remindersMigrations } from './lib/migrations';

// Reminders
export { Reminder, REMINDER_STATUSES, type ReminderStatus } from './lib/reminder.entity';
export { ReminderDelivery } from './lib/reminder-delivery.entity';
export { RemindersService } from './lib/reminders.service';
export { ReminderDto, ReminderPageDto } from './lib/dto/reminder.dto';
export { ReminderDeliveryDto, ReminderDeliveryPageDto } from './lib/dto/reminder-delivery.dto';

// Delivery
export {
  DEFAULT_DISPATCHER_OPTIONS,
  type DispatcherOptions,
  type WebhookOptions,
} from './lib/delivery/dispatcher-options';
export { ReminderDispatcher, type ReminderDuePayload } from './lib/delivery/reminder-dispatcher';
export { ReminderDeliveryModule } from './lib/delivery/delivery.module';
export { DeliveryEnvironment, remindersOptionsFrom } from './lib/delivery/delivery-environment';
