import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  INSTANT_KEY,
  Position,
  Principal,
  keyset,
  namedParameters,
  ownedTask,
  runStatement,
  sql,
  SqlRepository,
} from '@task-api/core';
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
 * A recurrence is its task's owner's: the reads for a request go through core's `ownedTask`.
 * Writes follow a read of the task under its owner (`TasksService.require`), or run inside
 * core's own transaction of a task it found under its owner (the amendment).
 */
@Injectable()
export class RecurrenceRepository extends SqlRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  async findView(
    manager: EntityManager,
    owner: Principal,
    taskId: string,
  ): Promise<RecurrenceViewRow | undefined> {
    const statement = sql`SELECT ${recurrenceJson('recurrence')}::text AS view, recurrence.version
      FROM recurrences recurrence
      WHERE recurrence.task_id = ${taskId} AND ${ownedTask(owner, 'recurrence.task_id')}`;
    const [row]: RecurrenceViewRow[] = await runStatement(manager, statement);
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

  /** One page of the history of one of the owner's tasks, in keyset order. */
  findHistoryPage(owner: Principal, taskId: string, after: Position | undefined, limit: number) {
    const owned = namedParameters('owned');
    const query = this.dataSource.manager
      .createQueryBuilder(RecurrenceCompletion, 'completion')
      .where('completion.task_id = :taskId', { taskId })
      .andWhere(ownedTask(owner, 'completion.task_id').boundBy(owned.bind), owned.parameters);
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
