import { Principal } from '../http/principal';
import { Sql, raw, sql } from '../query/sql';

/**
 * "The task that `taskId` names is the owner's": the one condition that scopes what belongs to a
 * user through its task (a reminder and its deliveries, a recurrence, any feature's rows that
 * hang off a task). `taskId` is SQL written in the code (a column: `reminder.task_id`), never
 * input. Served by the tasks' primary key; usable in composed SQL and, through `Sql.boundBy`,
 * in a TypeORM query builder.
 */
export function ownedTask(owner: Principal, taskId: string): Sql {
  return sql`EXISTS (SELECT 1 FROM tasks owned_task
    WHERE owned_task.id = ${raw(taskId)} AND owned_task.owner_id = ${owner.userId})`;
}
