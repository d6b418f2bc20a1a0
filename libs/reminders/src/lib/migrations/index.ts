import { ReminderDelivery1764460000000 } from './1764460000000-ReminderDelivery';

/** The reminders library's own migrations; the app runs them after core's, ordered by timestamp. */
export const remindersMigrations = [ReminderDelivery1764460000000];
