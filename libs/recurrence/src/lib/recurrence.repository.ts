import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { INSTANT_KEY, Position, keyset, namedParameters, sql } from '@task-api/core';
import { DataSource, EntityManager } from 'typeorm';
import { RecurrenceCompletion } from './recurrence-completion.entity';
import { Recurrence } from './recurrence.entity';
import { recurrenceJson } from './task-recurrence.sql';

export type RecurrenceFields = Pick<Recurrence, 'rule' | 'timezone' | 'startsAt' | 'nextDueAt'>;

/** A recurrence as its view shows it (JSON built by PostgreSQL), with its version. */
export interface RecurrenceViewRow {
  view: string;
  version: number;
}

/** The history of a task, oldest completion first (`GET /tasks/:taskId/recurrence/history`). */
export const HISTORY_ORDER = keyset({
  list: 'GET /tasks/:taskId/recurrence/history',
  sort: 'completedAt',
  key: { sql: 'completion.completed_at', type: INSTANT_KEY },
  id: 'completion.id',
  descending: false,
});

/**
 * Every read here names a task that the caller has just loaded through core's `TasksService`
 * (or is core's own task transaction), so what applies to tasks applies to these rows.
 */
@Injectable()
export class RecurrenceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async findView(
    taskId: string,
    manager = this.dataSource.manager,
  ): Promise<RecurrenceViewRow | undefined> {
    const statement = sql`SELECT ${recurrenceJson('recurrence')}::text AS view, recurrence.version
      FROM recurrences recurrence WHERE recurrence.task_id = ${taskId}`;
    const [row]: RecurrenceViewRow[] = await manager.query(statement.text, [...statement.values]);
    return row;
  }

  /** Locks the row for the rest of the transaction, so concurrent changes queue up. */
  findForUpdate(manager: EntityManager, taskId: string): Promise<Recurrence | null> {
    return manager
      .createQueryBuilder(Recurrence, 'recurrence')
      .setLock('pessimistic_write')
      .where('recurrence.task_id = :taskId', { taskId })
      .getOne();
  }

  /** Creates the task's recurrence or replaces its rule; its history stays. */
  async upsert(manager: EntityManager, taskId: string, fields: RecurrenceFields): Promise<void> {
    await manager.query(
      `INSERT INTO recurrences (task_id, rule, timezone, starts_at, next_due_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (task_id) DO UPDATE
         SET rule = excluded.rule, timezone = excluded.timezone, starts_at = excluded.starts_at,
             next_due_at = excluded.next_due_at, version = recurrences.version + 1,
             updated_at = now()`,
      [taskId, fields.rule, fields.timezone, fields.startsAt, fields.nextDueAt],
    );
  }

  async setNextDueAt(
    manager: EntityManager,
    taskId: string,
    nextDueAt: Date | null,
  ): Promise<void> {
    await manager.query(
      `UPDATE recurrences SET next_due_at = $2, version = version + 1, updated_at = now()
        WHERE task_id = $1`,
      [taskId, nextDueAt],
    );
  }

  async appendCompletion(
    manager: EntityManager,
    completion: Pick<RecurrenceCompletion, 'taskId' | 'dueAt' | 'completedAt'>,
  ): Promise<void> {
    await manager.insert(RecurrenceCompletion, completion);
  }

  async delete(manager: EntityManager, taskId: string): Promise<void> {
    await manager.delete(Recurrence, { taskId });
  }

  /** One page of a task's history in keyset order. */
  findHistoryPage(taskId: string, after: Position | undefined, limit: number) {
    const query = this.dataSource.manager
      .createQueryBuilder(RecurrenceCompletion, 'completion')
      .where('completion.task_id = :taskId', { taskId });
    const { bind, parameters } = namedParameters();
    const condition = HISTORY_ORDER.after(after, bind);
    if (condition) query.andWhere(condition, parameters);
    return query
      .orderBy('completion.completed_at', 'ASC')
      .addOrderBy('completion.id', 'ASC')
      .limit(limit + 1)
      .getMany();
  }
}
