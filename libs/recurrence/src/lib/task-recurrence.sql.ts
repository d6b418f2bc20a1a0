import { Sql, jsonInstant, raw, sql } from '@task-api/core';

/**
 * The SQL the recurrence library contributes to core's task statements, on the alias `task`:
 * the `recurrence` field of a view and the `recurring` condition of `GET /tasks`. The same
 * JSON is the body of `GET /tasks/:taskId/recurrence`, so the two can never differ.
 */

/** A recurrence as `RecurrenceDto` shows it, built by PostgreSQL. */
export const recurrenceJson = (r: string): Sql => sql`json_build_object(
    'rule', ${raw(r)}.rule, 'timezone', ${raw(r)}.timezone,
    'nextDueAt', ${jsonInstant(`${r}.next_due_at`)},
    'completedCount', (SELECT count(*)::int FROM recurrence_completions completion
                        WHERE completion.task_id = ${raw(r)}.task_id))`;

/** `recurrence` of a task view: the object, or null. */
export const RECURRENCE_OF_TASK: Sql = sql`(
    SELECT ${recurrenceJson('recurrence')} FROM recurrences recurrence
     WHERE recurrence.task_id = task.id)`;

const RECURRING = raw(`SELECT 1 FROM recurrences recurring WHERE recurring.task_id = task.id`);

export const isRecurring = (wanted: boolean): Sql =>
  wanted ? sql`EXISTS (${RECURRING})` : sql`NOT EXISTS (${RECURRING})`;
