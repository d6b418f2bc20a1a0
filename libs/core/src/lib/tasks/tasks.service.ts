import { Injectable } from '@nestjs/common';
import { SelectQueryBuilder } from 'typeorm';
import { TaskExtensions } from '../extension/task-extensions';
import { assertIfMatch } from '../http/etag';
import { notFound } from '../http/problem';
import { Page } from '../http/pagination';
import { validatePlain } from '../http/validation';
import { CreateTaskDto } from './dto/create-task.dto';
import { ListTasksQueryDto } from './dto/list-tasks-query.dto';
import { TaskDto, toTaskDto } from './dto/task.dto';
import { UpdateTaskDto } from './dto/update-task.dto';
import { Task } from './task.entity';
import { TASK_ORDERS, TaskChanges, TasksRepository, sortPropertyOf } from './tasks.repository';

/** A task view with its ETag, for the controller to put in the header. */
export interface TaskWithEtag {
  task: TaskDto;
  etag: string;
}

export const etagOf = (task: Pick<Task, 'version'>): string => `"${task.version}"`;

@Injectable()
export class TasksService {
  constructor(
    private readonly tasks: TasksRepository,
    private readonly extensions: TaskExtensions,
  ) {}

  async create(input: CreateTaskDto): Promise<TaskWithEtag> {
    const status = input.status ?? 'todo';
    const task = await this.tasks.insert({
      title: input.title,
      description: input.description ?? null,
      status,
      priority: input.priority ?? 'normal',
      dueAt: input.dueAt ?? null,
      completedAt: status === 'done' ? new Date() : null,
    });
    return { task: this.newTaskView(task), etag: etagOf(task) };
  }

  async get(id: string): Promise<TaskWithEtag> {
    const task = await this.tasks.findById(id);
    if (!task) throw notFound('Task', id);
    return this.withEtag(task);
  }

  /** Loads a task or answers 404: for feature libraries' nested routes (`/tasks/:id/...`). */
  async require(id: string): Promise<Task> {
    const task = await this.tasks.findById(id);
    if (!task) throw notFound('Task', id);
    return task;
  }

  async update(id: string, input: UpdateTaskDto, ifMatch?: string): Promise<TaskWithEtag> {
    const updated = await this.tasks.transaction(async (manager) => {
      const before = await this.tasks.findForUpdate(manager, id);
      if (!before) throw notFound('Task', id);
      assertIfMatch('task', etagOf(before), ifMatch);
      const changes = changesOf(before, input);
      if (Object.keys(changes).length === 0) return before;
      const after = await this.tasks.update(manager, id, changes);
      await this.extensions.notifyUpdated({ before, after }, manager);
      return after;
    });
    return this.withEtag(updated);
  }

  async remove(id: string, ifMatch?: string): Promise<void> {
    await this.tasks.transaction(async (manager) => {
      const task = await this.tasks.findForUpdate(manager, id);
      if (!task) throw notFound('Task', id);
      assertIfMatch('task', etagOf(task), ifMatch);
      await this.extensions.notifyDeleted(task, manager);
      await this.tasks.delete(manager, id);
    });
  }

  /**
   * `rawQuery` is the whole query string: core validates its own parameters, each feature
   * filter validates the ones it declared, and any other parameter is a 400.
   */
  async list(rawQuery: Record<string, unknown>): Promise<Page<TaskDto>> {
    const featureParams = this.extensions.filterParameterNames();
    const coreRaw = Object.fromEntries(
      Object.entries(rawQuery).filter(([name]) => !featureParams.includes(name)),
    );
    const query = validatePlain(ListTasksQueryDto, coreRaw);
    const order = TASK_ORDERS[query.sort];
    const after = order.decode(query.cursor);
    const rows = await this.tasks.findPage(
      {
        statuses: query.status,
        priorities: query.priority,
        dueBefore: query.dueBefore,
        dueAfter: query.dueAfter,
        search: query.q,
        order,
        after,
        limit: query.limit,
      },
      (builder) => this.applyFeatureFilters(rawQuery, builder),
    );
    const sortProperty = sortPropertyOf(query.sort);
    const page = order.page(
      rows,
      query.limit,
      (task) => task,
      (task) => ({ value: task[sortProperty], id: task.id }),
    );
    return { items: await this.toViews(page.items), nextCursor: page.nextCursor };
  }

  /** Task views with every feature's fields, one load per feature for the whole list. */
  /**
   * The view of a task just created: no feature can have rows for it yet (its id was unknown
   * until now and features take part in changes, not creation), so every feature field is
   * empty without a query.
   */
  private newTaskView(task: Task): TaskDto {
    const view = toTaskDto(task);
    for (const enricher of this.extensions.viewEnrichers())
      view[enricher.field] = enricher.emptyValue();
    return view;
  }

  async toViews(tasks: readonly Task[]): Promise<TaskDto[]> {
    const views = tasks.map(toTaskDto);
    const ids = tasks.map((task) => task.id);
    for (const enricher of this.extensions.viewEnrichers()) {
      const values = ids.length > 0 ? await enricher.load(ids, this.tasks.manager) : new Map();
      for (const view of views) view[enricher.field] = values.get(view.id) ?? enricher.emptyValue();
    }
    return views;
  }

  private async withEtag(task: Task): Promise<TaskWithEtag> {
    const [view] = await this.toViews([task]);
    return { task: view, etag: etagOf(task) };
  }

  private async applyFeatureFilters(
    rawQuery: Record<string, unknown>,
    builder: SelectQueryBuilder<Task>,
  ): Promise<void> {
    for (const filter of this.extensions.listFilters()) {
      const own = filter.parameters
        .filter(({ name }) => rawQuery[name] !== undefined)
        .map(({ name }) => [name, rawQuery[name]] as const);
      if (own.length > 0) await filter.apply(Object.fromEntries(own), builder);
    }
  }
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
