import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { TASK_PRIORITIES, Task } from './task.entity';
import { INSTANT_KEY, Keyset, Position, SortKey, keyset, namedParameters } from '../query/keyset';
import { TASK_SORTS, TaskSort } from './dto/list-tasks-query.dto';

export type NewTask = Pick<
  Task,
  'title' | 'description' | 'status' | 'priority' | 'dueAt' | 'completedAt'
>;
export type TaskChanges = Partial<NewTask>;

export interface TaskListCriteria {
  statuses?: readonly string[];
  priorities?: readonly string[];
  dueBefore?: Date;
  dueAfter?: Date;
  search?: string;
  order: Keyset;
  after?: Position;
  limit: number;
}

/** The sort keys of tasks, named as the task properties they sort by. */
const SORT_KEYS = {
  createdAt: { sql: 'task.created_at', type: INSTANT_KEY },
  dueAt: { sql: 'task.due_at', type: INSTANT_KEY, nullable: true },
  priority: {
    sql: 'task.priority',
    type: { kind: 'enum', values: TASK_PRIORITIES, sqlType: 'task_priority' },
  },
} satisfies Record<string, SortKey>;

/** The task property a sort orders by: `-dueAt` → `dueAt`. */
export const sortPropertyOf = (sort: TaskSort): keyof typeof SORT_KEYS =>
  sort.replace(/^-/, '') as keyof typeof SORT_KEYS;

/** The order and cursors of `GET /tasks` for each `sort`. */
export const TASK_ORDERS = Object.fromEntries(
  TASK_SORTS.map((sort) => {
    const order = keyset({
      list: 'GET /tasks',
      sort,
      key: SORT_KEYS[sortPropertyOf(sort)],
      id: 'task.id',
      descending: sort.startsWith('-'),
    });
    return [sort, order];
  }),
) as Record<TaskSort, Keyset>;

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
    const { bind, parameters } = namedParameters();
    const after = criteria.order.after(criteria.after, bind);
    if (after) query.andWhere(after, parameters);
    const { key, descending } = criteria.order.definition;
    const direction = descending ? 'DESC' : 'ASC';
    query
      .orderBy(key.sql, direction, key.nullable ? 'NULLS LAST' : undefined)
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
