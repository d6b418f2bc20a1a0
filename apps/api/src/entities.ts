import { IdempotencyRecord, Task } from '@task-api/core';
import { Reminder, ReminderDelivery } from '@task-api/reminders';
import { Tag, TaskTag } from '@task-api/tags';

/** Every library's entities, for the TypeORM CLI and the schema drift check. */
export const entities = [Task, IdempotencyRecord, Tag, TaskTag, Reminder, ReminderDelivery];
