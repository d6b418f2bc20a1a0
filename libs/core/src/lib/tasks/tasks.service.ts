import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TaskExtensions } from '../extension/task-extensions';
import { Tagged, assertIfMatch, etagOfJson } from '../http/etag';
import { JsonText, jsonPage } from '../http/json-text';
import { Principal } from '../http/principal';
import { notFound } from '../http/problem';
import { validatePlain } from '../http/validation';
import { Keyset } from '../query/keyset';
import { Sql } from '../query/sql';
import { CreateTaskDto } from './dto/create-task.dto';
import { ListTasksQueryDto } from './dto/list-tasks-query.dto';
import { TaskDto } from './dto/task.dto';
import { UpdateTaskDto } from './dto/update-task.dto';
import { Task } from './task.entity';
import {
  TASK_ORDERS,
  TaskChanges,
  TaskLock,
  TaskPageRow,
  TasksRepository,
} from './tasks.repository';

/** A page of task views, and how many it holds (an empty page may call for a 404). */
export class TaskViewPage extends JsonText {
  constructor(
    json: string,
    readonly size: number,
  ) {
    super(json);
  }
}

/** A task view as a webhook carries it, with the id of the user it belongs to. */
export interface OwnedTaskView {
  ownerId: string;
  task: TaskDto;
}

/** A page of tasks a feature lists (`GET /tags/:id/tasks`): its condition, order and cursor. */
export interface TaskPageRequest {
  /** A condition on the alias `task`. */
  where: Sql;
  order: Keyset;
  cursor?: string;
  /** What the cursor is bound to besides the list and sort (the parent's id). */
  scope?: string;
  limit: number;
}

/**
 * A task view as PostgreSQL built it, with its ETag: a digest of that very text, so it covers
 * every field of the view, the features' (tags, reminders) included.
 */
const taggedView = (view: string, location?: string): Tagged<JsonText> =>
  new Tagged(new JsonText(view), location);

@Injectable()
export class TasksService {
  constructor(
    private readonly tasks: TasksRepository,
    private readonly extensions: TaskExtensions,
  ) {}

  /** One statement: the insert returns the view, built by PostgreSQL (no transaction). */
  async create(owner: Principal, input: CreateTaskDto): Promise<Tagged<JsonText>> {
    const status = input.status ?? 'todo';
    const row = await this.tasks.insert(owner, {
      title: input.title,
      description: input.description ?? null,
      status,
      priority: input.priority ?? 'normal',
      dueAt: input.dueAt ?? null,
      completedAt: status === 'done' ? new Date() : null,
    });
    return taggedView(row.view, `/tasks/${row.id}`);
  }

  async get(owner: Principal, id: string): Promise<Tagged<JsonText>> {
    const row = await this.tasks.findView(this.tasks.autocommit, owner, id);
    if (!row) throw notFound('Task', id);
    return taggedView(row.view);
  }

  /**
   * The views of these tasks exactly as the API returns them, with their owners, in one
   * statement, by id: for what carries a task outside a response (a webhook's payload), sent by
   * the system rather than for a user. Unknown ids are left out.
   */
  async ownedViews(ids: readonly string[]): Promise<Map<string, OwnedTaskView>> {
    const rows = await this.tasks.findOwnedViews([...new Set(ids)]);
    return new Map(
      rows.map((row) => [row.id, { ownerId: row.owner_id, task: JSON.parse(row.view) as TaskDto }]),
    );
  }

  /**
   * One of the owner's tasks, or a 404 (also when it is another user's): for feature libraries'
   * nested routes (`/tasks/:taskId/...`).
   */
  async require(owner: Principal, id: string): Promise<Task> {
    const task = await this.tasks.findById(owner, id);
    if (!task) throw notFound('Task', id);
    return task;
  }

  /**
   * One of the owner's tasks, locked for the rest of the transaction, or a 404: for a feature
   * that writes rows of the task (`share`: it reads the task's fields, which cannot change
   * meanwhile; `key`: it links rows to the task, which cannot be deleted meanwhile).
   */
  async requireLocked(
    manager: EntityManager,
    owner: Principal,
    id: string,
    lock: TaskLock,
  ): Promise<Task> {
    const task = await this.tasks.findLocked(manager, owner, id, lock);
    if (!task) throw notFound('Task', id);
    return task;
  }

  /**
   * In one transaction: lock the task and check `If-Match` against the ETag of its whole view,
   * let the amenders amend the change, write it, which returns the new view in the same
   * statement; only when listeners watch a changed property do they run (seeing the final
   * change), and the view is read again after them.
   */
  async update(
    owner: Principal,
    id: string,
    input: UpdateTaskDto,
    ifMatch?: string,
  ): Promise<Tagged<JsonText>> {
    const view = await this.tasks.transaction(async (manager) => {
      const current = await this.tasks.findForUpdate(manager, owner, id);
      if (!current) throw notFound('Task', id);
      assertIfMatch('task', etagOfJson(current.view), ifMatch);
      const proposed = changesOf(current.task, input);
      if (Object.keys(proposed).length === 0) return current.view;
      // Amenders first: the row is written once, and listeners see the final change.
      const amended = await this.extensions.amend(manager, current.task, proposed);
      const changes = realChanges(current.task, amended);
      const changed = Object.keys(changes) as (keyof Task)[];
      if (changed.length === 0) {
        return amended === proposed
          ? current.view
          : ((await this.tasks.findView(manager, owner, id))?.view ?? current.view);
      }
      const written = await this.tasks.update(manager, id, changes);
      const listeners = this.extensions.listenersOf(changed);
      if (listeners.length === 0) return written.view;
      await this.extensions.notifyUpdated(
        manager,
        { before: current.task, after: written.task },
        listeners,
      );
      return (await this.tasks.findView(manager, owner, id))?.view ?? written.view;
    });
    return taggedView(view);
  }

  async remove(owner: Principal, id: string, ifMatch?: string): Promise<void> {
    await this.tasks.transaction(async (manager) => {
      const current = await this.tasks.findForUpdate(manager, owner, id);
      if (!current) throw notFound('Task', id);
      assertIfMatch('task', etagOfJson(current.view), ifMatch);
      await this.extensions.notifyDeleted(manager, current.task);
      await this.tasks.delete(manager, id);
    });
  }

  /**
   * `rawQuery` is the whole query string: core validates its own parameters, each feature
   * filter validates the ones it declared, and any other parameter is a 400. The page is one
   * statement (after a filter's own lookup, if it has one).
   */
  async list(owner: Principal, rawQuery: Record<string, unknown>): Promise<TaskViewPage> {
    const featureParams = this.extensions.filterParameterNames();
    const coreRaw = Object.fromEntries(
      Object.entries(rawQuery).filter(([name]) => !featureParams.includes(name)),
    );
    const query = validatePlain(ListTasksQueryDto, coreRaw);
    const order = TASK_ORDERS[query.sort];
    const after = order.decode(query.cursor);
    const where = [
      ...this.tasks.conditionsOf({
        statuses: query.status,
        priorities: query.priority,
        dueBefore: query.dueBefore,
        dueAfter: query.dueAfter,
        search: query.q,
      }),
      ...(await this.featureConditions(owner, rawQuery)),
    ];
    const rows = await this.tasks.findViewPage(owner, { where, order, after, limit: query.limit });
    return toPage(rows, order, query.limit);
  }

  /** A page of the owner's task views chosen by a feature, in one statement: lists that embed tasks. */
  async listWhere(owner: Principal, request: TaskPageRequest): Promise<TaskViewPage> {
    const { order, limit, scope } = request;
    const after = order.decode(request.cursor, scope);
    const rows = await this.tasks.findViewPage(owner, {
      where: [request.where],
      order,
      after,
      limit,
    });
    return toPage(rows, order, limit, scope);
  }

  /** The conditions of the feature filters whose parameters the request carries, in order. */
  private async featureConditions(
    owner: Principal,
    rawQuery: Record<string, unknown>,
  ): Promise<Sql[]> {
    const conditions: Sql[] = [];
    for (const { filter, names } of this.extensions.listFilters()) {
      const own = names.filter((name) => rawQuery[name] !== undefined);
      if (own.length === 0) continue;
      const params = validatePlain(
        filter.parameters,
        Object.fromEntries(own.map((name) => [name, rawQuery[name]])),
      );
      const condition = await filter.where(params, owner);
      if (condition) conditions.push(condition);
    }
    return conditions;
  }
}

function toPage(rows: TaskPageRow[], order: Keyset, limit: number, scope?: string): TaskViewPage {
  const page = order.page(
    rows,
    limit,
    (row) => row.view,
    (row) => ({ value: row.cursor_value, id: row.id }),
    scope,
  );
  return new TaskViewPage(jsonPage(page.items, page.nextCursor).json, page.items.length);
}

/** What an amendment left that really differs from the task as it was. */
function realChanges(before: Task, changes: TaskChanges): TaskChanges {
  const differs = ([property, value]: [string, unknown]): boolean => {
    const was = before[property as keyof TaskChanges];
    return value instanceof Date || was instanceof Date
      ? !(value instanceof Date && was instanceof Date && value.getTime() === was.getTime())
      : value !== was;
  };
  return Object.fromEntries(Object.entries(changes).filter(differs)) as TaskChanges;
}

/** Only the fields that really change; `completedAt` follows the status in and out of done. */
function changesOf(before: Task, input: UpdateTaskDto): TaskChanges {
  const changes: TaskChanges = {};
  if (input.title !== undefined && input.title !== before.title) changes.title = input.title;
  if (input.description !== undefined && input.description !== before.description) {
    changes.description = input.description;
  }
  if (input.priority !== undefined && input.priority !== before.priority)
    changes.priority = input.priority;
  if (input.dueAt !== undefined && input.dueAt?.getTime() !== before.dueAt?.getTime()) {
    changes.dueAt = input.dueAt;
  }
  if (input.status !== undefined && input.status !== before.status) {
    changes.status = input.status;
    changes.completedAt = input.status === 'done' ? new Date() : null;
  }
  return changes;
}
