import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SqlRepository } from '../database/sql-repository';
import { runStatement } from '../database/statements';
import { TaskExtensions } from '../extension/task-extensions';
import { Principal } from '../http/principal';
import { TASK_PRIORITIES, Task } from './task.entity';
import { INSTANT_KEY, Keyset, Position, SortKey, keyset } from '../query/keyset';
import { Sql, escapeLike, joinSql, jsonInstant, raw, sql, template } from '../query/sql';
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
}

/** A page of task views to read: its conditions (on the alias `task`), order and position. */
export interface TaskPageQuery {
  where: readonly Sql[];
  order: Keyset;
  after?: Position;
  limit: number;
}

/** A task view as PostgreSQL built it (JSON text), with what a response needs beside it. */
export interface TaskViewRow {
  id: string;
  view: string;
}

/** A task view with its owner's id, for what carries a task outside a response (a webhook). */
export interface OwnedTaskViewRow extends TaskViewRow {
  owner_id: string;
}

/** How a feature locks a task it writes under: `share` (it reads the task's fields), or `key` (it links rows to the task). */
export type TaskLock = 'share' | 'key';

const LOCK_CLAUSES: Record<TaskLock, string> = {
  // The due date and status cannot change until the transaction ends.
  share: 'FOR SHARE',
  // Neither can the task be deleted, nor another transaction take this lock; its fields may change.
  key: 'FOR NO KEY UPDATE',
};

/** A task locked or written in a transaction, with its view as of that statement. */
export interface TaskWithView {
  task: Task;
  view: string;
}

/** A row of a page: the view, and the position a cursor after it holds. */
export interface TaskPageRow {
  view: string;
  cursor_value: string | null;
  id: string;
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

/** The order and cursors of `GET /tasks` for each `sort`. */
export const TASK_ORDERS = Object.fromEntries(
  TASK_SORTS.map((sort) => {
    const order = keyset({
      list: 'GET /tasks',
      sort,
      key: SORT_KEYS[sort.replace(/^-/, '') as keyof typeof SORT_KEYS],
      id: 'task.id',
      descending: sort.startsWith('-'),
    });
    return [sort, order];
  }),
) as Record<TaskSort, Keyset>;

/** A view field's name goes into the statement as a JSON key: plain identifiers only. */
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9]*$/;

@Injectable()
export class TasksRepository extends SqlRepository {
  private readonly composedViews = new Map<boolean, Sql>();

  /** A new task of an owner, returning its view (features' fields as for a task no row refers to). */
  private readonly insertStatement = template<
    [string, string, string | null, string, string, Date | null, Date | null]
  >(7, (ownerId, title, description, status, priority, dueAt, completedAt) => {
    return sql`INSERT INTO tasks AS task
        (owner_id, title, description, status, priority, due_at, completed_at)
      VALUES (${ownerId}, ${title}, ${description}, ${status}, ${priority}, ${dueAt}, ${completedAt})
      RETURNING task.id, ${this.view(true)}::text AS view`;
  });

  /** The page statements, by their conditions and order (the view is the same in all). */
  private readonly pageShapes = Sql.shapes();

  /** One task view of an owner by id. */
  private readonly viewByIdStatement = template<[string, string]>(2, (ownerId, id) => {
    const conditions = [ownedBy(ownerId), sql`task.id = ${id}`];
    return sql`SELECT task.id, ${this.view()}::text AS view
      FROM tasks task WHERE ${joinSql(conditions, ' AND ')}`;
  });

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly extensions: TaskExtensions,
  ) {
    super(dataSource);
  }

  /** Inserts a task of `owner` and returns its view, built by PostgreSQL in the same statement. */
  async insert(owner: Principal, task: NewTask): Promise<TaskViewRow> {
    const statement = this.insertStatement(
      owner.userId,
      task.title,
      task.description,
      task.status,
      task.priority,
      task.dueAt,
      task.completedAt,
    );
    const [row]: TaskViewRow[] = await runStatement(this.autocommit, statement);
    return row;
  }

  findById(owner: Principal, id: string): Promise<Task | null> {
    return this.dataSource.manager.findOneBy(Task, { id, ownerId: owner.userId });
  }

  /** One of the owner's task views, every feature's field included, in one statement. */
  async findView(
    manager: EntityManager,
    owner: Principal,
    id: string,
  ): Promise<TaskViewRow | undefined> {
    const [row]: TaskViewRow[] = await runStatement(
      manager,
      this.viewByIdStatement(owner.userId, id),
    );
    return row;
  }

  /**
   * The views of several tasks, whoever owns them, with their owners, in one statement: for the
   * system itself (the dispatcher, which acts for no user), never for a request.
   */
  findOwnedViews(ids: readonly string[]): Promise<OwnedTaskViewRow[]> {
    const statement = sql`SELECT task.id, task.owner_id, ${this.view()}::text AS view
      FROM tasks task WHERE task.id = ANY(${[...ids]}::uuid[])`;
    return runStatement(this.autocommit, statement);
  }

  /**
   * Locks one of the owner's tasks for the rest of the transaction, in the mode a feature writes
   * under; null when the owner has no such task.
   */
  async findLocked(
    manager: EntityManager,
    owner: Principal,
    id: string,
    lock: TaskLock,
  ): Promise<Task | null> {
    const statement = sql`SELECT task.* FROM tasks task
      WHERE ${joinSql(this.scoped(owner, [sql`task.id = ${id}`]), ' AND ')} ${raw(LOCK_CLAUSES[lock])}`;
    const [row]: Record<string, unknown>[] = await runStatement(manager, statement);
    return row ? this.toEntity(manager, row) : null;
  }

  /**
   * One page of task views in one statement, in keyset order: `(sortKey, id)` compared with the
   * cursor, so a page costs the same at any depth and rows inserted meanwhile never shift it.
   * The page is chosen first and the views built for its rows only.
   */
  findViewPage(owner: Principal, query: TaskPageQuery): Promise<TaskPageRow[]> {
    const { order, after, limit } = query;
    const conditions = this.scoped(owner, [...query.where, ...optional(order.condition(after))]);
    const where = sql`WHERE ${joinSql(conditions, ' AND ')}`;
    const orderBy = order.orderBy();
    const statement = sql`SELECT ${this.view()}::text AS view,
        ${raw(order.valueSql())} AS cursor_value, task.id
      FROM (SELECT * FROM tasks task ${where} ORDER BY ${raw(orderBy)} LIMIT ${limit + 1}) task
      ORDER BY ${raw(orderBy)}`;
    const shape = `${where.text}\n${orderBy}\n${order.valueSql()}`;
    return runStatement(this.autocommit, this.pageShapes(shape, statement));
  }

  /** Core's own filters of `GET /tasks` as conditions on the alias `task`. */
  conditionsOf(criteria: TaskListCriteria): Sql[] {
    const conditions: Sql[] = [];
    if (criteria.statuses?.length)
      conditions.push(sql`task.status = ANY(${criteria.statuses}::task_status[])`);
    if (criteria.priorities?.length)
      conditions.push(sql`task.priority = ANY(${criteria.priorities}::task_priority[])`);
    if (criteria.dueBefore) conditions.push(sql`task.due_at < ${criteria.dueBefore}`);
    if (criteria.dueAfter) conditions.push(sql`task.due_at >= ${criteria.dueAfter}`);
    if (criteria.search) {
      const pattern = `%${escapeLike(criteria.search)}%`;
      conditions.push(sql`(task.title ILIKE ${pattern} OR task.description ILIKE ${pattern})`);
    }
    return conditions;
  }

  /**
   * Locks the task for the rest of the transaction (concurrent changes queue up) and reads it
   * with its current view, whose ETag a write's `If-Match` is checked against.
   */
  async findForUpdate(
    manager: EntityManager,
    owner: Principal,
    id: string,
  ): Promise<TaskWithView | undefined> {
    const statement = sql`SELECT task.*, ${this.view()}::text AS view
      FROM tasks task WHERE ${joinSql(this.scoped(owner, [sql`task.id = ${id}`]), ' AND ')}
      FOR UPDATE OF task`;
    const [row]: Record<string, unknown>[] = await runStatement(manager, statement);
    return row && { task: this.toEntity(manager, row), view: String(row.view) };
  }

  /**
   * Writes the changes, bumps `version` and `updated_at`, and returns the task as written with
   * its view, built in the same statement (feature fields as they were when it started).
   */
  async update(manager: EntityManager, id: string, changes: TaskChanges): Promise<TaskWithView> {
    const columns = this.dataSource.getMetadata(Task);
    const assignments = Object.entries(changes).map(([property, value]) => {
      const column = columns.findColumnWithPropertyName(property);
      if (!column) throw new Error(`Task has no property ${property}`);
      return sql`${raw(column.databaseName)} = ${value}`;
    });
    const statement = sql`UPDATE tasks AS task
         SET ${joinSql(assignments, ', ')}, version = task.version + 1, updated_at = now()
       WHERE task.id = ${id}
      RETURNING task.*, ${this.view()}::text AS view`;
    const [row]: Record<string, unknown>[] = await runStatement(manager, statement);
    return { task: this.toEntity(manager, row), view: String(row.view) };
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.delete(Task, { id });
  }

  /**
   * Every read of tasks for a request passes here (or, for the read by id, composed once, through
   * `ownedBy` directly): the one place that adds the condition every such read must have, that
   * the task is the owner's. A task of another user is then simply not found (a 404, as for an
   * id that does not exist). Each sort of `GET /tasks` has an index that starts with the owner.
   */
  private scoped(owner: Principal, conditions: readonly Sql[]): Sql[] {
    return [ownedBy(owner.userId), ...conditions];
  }

  /**
   * The JSON of a task view on the alias `task`: core's columns, then every feature's field in
   * its contribution order. Composed once: the features are known after boot. For a task the
   * statement creates, a feature's field may be its `newTaskSql` (no row refers to it yet).
   */
  private view(forNewTask = false): Sql {
    let composed = this.composedViews.get(forNewTask);
    if (!composed) {
      composed = this.composeView(forNewTask);
      this.composedViews.set(forNewTask, composed);
    }
    return composed;
  }

  private composeView(forNewTask: boolean): Sql {
    return sql`json_build_object(
      'id', task.id, 'title', task.title, 'description', task.description,
      'status', task.status, 'priority', task.priority,
      'dueAt', ${jsonInstant('task.due_at')}, 'completedAt', ${jsonInstant('task.completed_at')},
      'createdAt', ${jsonInstant('task.created_at')}, 'updatedAt', ${jsonInstant('task.updated_at')},
      'version', task.version${joinSql(
        this.extensions.viewFields().map(({ field, viewSql, newTaskSql }) => {
          if (!FIELD_NAME.test(field))
            throw new Error(`Task view field "${field}" is not a plain name`);
          return sql`, '${raw(field)}', ${(forNewTask && newTaskSql) || viewSql}`;
        }),
        '',
      )})`;
  }

  /** A row of `tasks` (column names, as `pg` parsed them) as the entity. */
  private toEntity(manager: EntityManager, row: Record<string, unknown>): Task {
    const columns = this.dataSource.getMetadata(Task).columns;
    return manager.create(
      Task,
      Object.fromEntries(columns.map((column) => [column.propertyName, row[column.databaseName]])),
    );
  }
}

/** The condition every read of tasks for a request has (see `scoped`): the task is the owner's. */
const ownedBy = (ownerId: string | Sql): Sql => sql`task.owner_id = ${ownerId}`;

const optional = <T>(value: T | undefined): T[] => (value === undefined ? [] : [value]);
