import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { TASK_PRIORITIES, Task } from './task.entity';
import { TaskSort } from './dto/list-tasks-query.dto';

export type NewTask = Pick<
  Task,
  'title' | 'description' | 'status' | 'priority' | 'dueAt' | 'completedAt'
>;
export type TaskChanges = Partial<NewTask>;

/** Where a page ends: the sort it was made for, the sort key of its last task, and its id. */
export interface TaskCursor {
  sort: TaskSort;
  value: string | null;
  id: string;
}

export interface TaskListCriteria {
  statuses?: readonly string[];
  priorities?: readonly string[];
  dueBefore?: Date;
  dueAfter?: Date;
  search?: string;
  sort: TaskSort;
  after?: TaskCursor;
  limit: number;
}

interface SortKey {
  column: string;
  property: keyof Task;
  nullable: boolean;
  cast: string;
}

const SORT_KEYS: Record<string, SortKey> = {
  createdAt: {
    column: 'task.created_at',
    property: 'createdAt',
    nullable: false,
    cast: 'timestamptz',
  },
  dueAt: { column: 'task.due_at', property: 'dueAt', nullable: true, cast: 'timestamptz' },
  priority: {
    column: 'task.priority',
    property: 'priority',
    nullable: false,
    cast: 'task_priority',
  },
};

export function parseSort(sort: TaskSort): { key: SortKey; descending: boolean } {
  const descending = sort.startsWith('-');
  return { key: SORT_KEYS[descending ? sort.slice(1) : sort], descending };
}

/** The sort key of a task as it is written into a cursor. */
export function sortValueOf(task: Task, sort: TaskSort): string | null {
  const value = task[parseSort(sort).key.property];
  return value instanceof Date ? value.toISOString() : ((value as string | null) ?? null);
}

export function isValidSortValue(sort: TaskSort, value: unknown): boolean {
  const { key } = parseSort(sort);
  if (value === null) return key.nullable;
  if (typeof value !== 'string') return false;
  if (key.cast === 'task_priority') return (TASK_PRIORITIES as readonly string[]).includes(value);
  return !Number.isNaN(Date.parse(value));
}

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (char) => `\\${char}`);

@Injectable()
export class TasksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `work` in one transaction; every write of a task change goes through it. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  async insert(task: NewTask): Promise<Task> {
    const result = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(Task)
      .values(task)
      .returning('*')
      .execute();
    return this.dataSource.manager.create(Task, this.fromRaw(result.raw[0]));
  }

  findById(id: string): Promise<Task | null> {
    return this.dataSource.manager.findOneBy(Task, { id });
  }

  /** Locks the row for the rest of the transaction, so concurrent changes queue up. */
  findForUpdate(manager: EntityManager, id: string): Promise<Task | null> {
    return manager
      .createQueryBuilder(Task, 'task')
      .setLock('pessimistic_write')
      .where('task.id = :id', { id })
      .getOne();
  }

  async update(manager: EntityManager, id: string, changes: TaskChanges): Promise<Task> {
    // TypeORM's update also bumps `version` and `updated_at`.
    const result = await manager
      .createQueryBuilder()
      .update(Task)
      .set(changes)
      .where('id = :id', { id })
      .returning('*')
      .execute();
    return manager.create(Task, this.fromRaw(result.raw[0]));
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.delete(Task, { id });
  }

  /**
   * One page in keyset order: `(sortKey, id)` compared with the cursor, so a page costs the
   * same at any depth and rows inserted meanwhile never shift it. `extend` lets feature
   * filters add their own conditions.
   */
  async findPage(
    criteria: TaskListCriteria,
    extend: (query: SelectQueryBuilder<Task>) => Promise<void>,
  ): Promise<Task[]> {
    const query = this.dataSource.manager.createQueryBuilder(Task, 'task');
    this.applyCriteria(query, criteria);
    await extend(query);
    this.applyKeyset(query, criteria);
    return query
      .take(undefined)
      .limit(criteria.limit + 1)
      .getMany();
  }

  private applyCriteria(query: SelectQueryBuilder<Task>, criteria: TaskListCriteria): void {
    if (criteria.statuses?.length)
      query.andWhere('task.status IN (:...statuses)', { statuses: criteria.statuses });
    if (criteria.priorities?.length) {
      query.andWhere('task.priority IN (:...priorities)', { priorities: criteria.priorities });
    }
    if (criteria.dueBefore)
      query.andWhere('task.due_at < :dueBefore', { dueBefore: criteria.dueBefore });
    if (criteria.dueAfter)
      query.andWhere('task.due_at >= :dueAfter', { dueAfter: criteria.dueAfter });
    if (criteria.search) {
      query.andWhere(
        new Brackets((either) =>
          either.where('task.title ILIKE :search').orWhere('task.description ILIKE :search'),
        ),
        { search: `%${escapeLike(criteria.search)}%` },
      );
    }
  }

  private applyKeyset(query: SelectQueryBuilder<Task>, criteria: TaskListCriteria): void {
    const { key, descending } = parseSort(criteria.sort);
    const direction = descending ? 'DESC' : 'ASC';
    const after = criteria.after;
    if (after) {
      const comparison = descending ? '<' : '>';
      const position = { cursorValue: after.value, cursorId: after.id };
      if (after.value === null) {
        // Only tasks without a sort value remain (they sort last), ordered by id.
        query.andWhere(`${key.column} IS NULL AND task.id ${comparison} :cursorId`, position);
      } else {
        const afterRow = `(${key.column}, task.id) ${comparison} (CAST(:cursorValue AS ${key.cast}), CAST(:cursorId AS uuid))`;
        query.andWhere(
          key.nullable ? `(${afterRow} OR ${key.column} IS NULL)` : afterRow,
          position,
        );
      }
    }
    // `NULLS LAST` only where a column can be null: on a NOT NULL column it changes no result,
    // but PostgreSQL would no longer match the order to the (column, id) index read backward
    // (`DESC` means `NULLS FIRST` there) and sort the whole table for every page instead.
    query
      .orderBy(key.column, direction, key.nullable ? 'NULLS LAST' : undefined)
      .addOrderBy('task.id', direction);
  }

  /** `RETURNING *` gives column names; map them onto the entity's properties. */
  private fromRaw(row: Record<string, unknown>): Partial<Task> {
    const columns = this.dataSource.getMetadata(Task).columns;
    return Object.fromEntries(
      columns.map((column) => [column.propertyName, row[column.databaseName]]),
    );
  }
}
