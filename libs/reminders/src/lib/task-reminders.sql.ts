import { Sql, jsonInstant, raw, sql } from '@task-api/core';

/**
 * The SQL the reminders library contributes to core's task statements, on the alias `task`:
 * the `reminders` field of a view and the `hasPendingReminder` condition of `GET /tasks`.
 */

/** A reminder as `ReminderDto` shows it, built by PostgreSQL. */
const reminderJson = (r: string): Sql => sql`json_build_object(
    'id', ${raw(r)}.id, 'taskId', ${raw(r)}.task_id, 'remindAt', ${jsonInstant(`${r}.remind_at`)},
    'offsetMinutes', ${raw(r)}.offset_minutes, 'note', ${raw(r)}.note, 'status', ${raw(r)}.status,
    'attempts', ${raw(r)}.attempts, 'deliveredAt', ${jsonInstant(`${r}.delivered_at`)},
    'lastError', ${raw(r)}.last_error, 'createdAt', ${jsonInstant(`${r}.created_at`)},
    'updatedAt', ${jsonInstant(`${r}.updated_at`)})`;

/** `reminders` of a task view: by `remindAt`, then id. */
export const REMINDERS_OF_TASK: Sql = sql`coalesce((
    SELECT json_agg(${reminderJson('reminder')} ORDER BY reminder.remind_at, reminder.id)
      FROM reminders reminder WHERE reminder.task_id = task.id), '[]'::json)`;

/** Scheduled reminders are "pending". */
const PENDING = raw(
  `SELECT 1 FROM reminders pending WHERE pending.task_id = task.id AND pending.status = 'scheduled'`,
);

export const hasPendingReminder = (wanted: boolean): Sql =>
  wanted ? sql`EXISTS (${PENDING})` : sql`NOT EXISTS (${PENDING})`;
