import { Injectable, OnModuleInit, Type } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { ReferenceObject, SchemaObject } from '@nestjs/swagger';
import { EntityManager } from 'typeorm';
import { queryParameterNamesOf } from '../http/openapi-parameters';
import { Principal } from '../http/principal';
import { Sql } from '../query/sql';
import { Task } from '../tasks/task.entity';
import type { TaskChanges } from '../tasks/tasks.repository';

/**
 * The extension point through which feature libraries take part in tasks without core knowing
 * them. A feature marks a provider with `@TaskContribution({ order })`; core discovers every
 * such provider at boot and uses it by the kinds it implements:
 *
 * - `TaskViewField`: a field of every task view, as SQL inside core's one read statement;
 * - `TaskListFilter`: query parameters of `GET /tasks`, as a SQL condition of that statement;
 * - `TaskChangeAmender`: may amend an update before it is written, in its transaction;
 * - `TaskChangeListener`: takes part in task updates and deletes, in their transaction, and sees
 *   the change as the amenders left it.
 *
 * `order` decides the order of the fields in a view, of the filters' conditions, of the
 * amenders' and of the listeners' calls (lowest first; ties by class name), never the order
 * modules were imported.
 */

export interface TaskContributionOptions {
  order: number;
}

/** Marks a provider as a contribution to tasks; `order` is explicit (lowest first). */
export const TaskContribution = DiscoveryService.createDecorator<TaskContributionOptions>();

/** A field of every task view (`tags`): PostgreSQL builds it inside the task's own statement. */
export interface TaskViewField {
  readonly field: string;
  /** OpenAPI schema of the field, merged into the task schema of the document. */
  readonly schema: SchemaObject | ReferenceObject;
  /**
   * A scalar expression on the alias `task` yielding the field's JSON (typically a correlated
   * subquery with `json_agg`, coalesced to `'[]'::json`), with its parameters.
   */
  readonly viewSql: Sql;
  /**
   * The field of a task the statement that creates it returns, when no row of the feature can
   * refer to the task yet (`'[]'::json`, `NULL`): a create then runs no subquery. Left out when
   * the field does not follow from the feature's rows alone; `viewSql` then serves there too.
   */
  readonly newTaskSql?: Sql;
}

/**
 * Query parameters of `GET /tasks`. One DTO class (class-validator rules and `@ApiProperty`)
 * declares them: core validates the request's values with it and documents them from it.
 */
export interface TaskListFilter<Params extends object = object> {
  readonly parameters: Type<Params>;
  /**
   * The condition on the alias `task` for the parameters the request carries (already
   * validated), or `undefined` for none. It may first run one constant lookup of its own
   * (the tag filter resolves names to ids, so the planner sees values it has statistics on),
   * which must be the owner's: the tasks are the owner's already (core adds that condition).
   */
  where(params: Params, owner: Principal): Sql | undefined | Promise<Sql | undefined>;
}

export interface TaskChange {
  before: Readonly<Task>;
  after: Readonly<Task>;
}

/**
 * Amends a task update before it is written, inside its transaction (recurrence turns "done"
 * into "the next occurrence"). It returns the changes to write instead of `changes` (the same
 * object when it has nothing to add); every listener then sees the amended change. Throwing a
 * `ProblemException` refuses the update and rolls everything back.
 */
export interface TaskChangeAmender {
  /** The task properties whose change concerns this amender (as for listeners). */
  readonly watches: readonly (keyof Task)[];
  amendTaskUpdate(
    manager: EntityManager,
    before: Readonly<Task>,
    changes: Readonly<TaskChanges>,
  ): Promise<TaskChanges>;
}

/**
 * Takes part in task changes inside the same transaction: throwing a `ProblemException`
 * refuses the change and rolls everything back.
 */
export interface TaskChangeListener {
  /**
   * The task properties whose change concerns this listener: an update changing none of them
   * does not call it (and can then read its view back in the statement that writes it).
   */
  readonly watches: readonly (keyof Task)[];
  onTaskUpdated?(manager: EntityManager, change: TaskChange): Promise<void>;
  onTaskDeleted?(manager: EntityManager, task: Readonly<Task>): Promise<void>;
}

/** The query parameters of `GET /tasks` that core itself owns. */
const CORE_LIST_PARAMETERS = [
  'limit',
  'cursor',
  'status',
  'priority',
  'dueBefore',
  'dueAfter',
  'q',
  'sort',
];

const isViewField = (value: object): value is TaskViewField =>
  'field' in value && 'viewSql' in value;
const isListFilter = (value: object): value is TaskListFilter =>
  'parameters' in value && 'where' in value;
const isChangeAmender = (value: object): value is TaskChangeAmender =>
  'watches' in value && 'amendTaskUpdate' in value;
const isChangeListener = (value: object): value is TaskChangeListener =>
  'watches' in value && ('onTaskUpdated' in value || 'onTaskDeleted' in value);

@Injectable()
export class TaskExtensions implements OnModuleInit {
  private fields: TaskViewField[] = [];
  private filters: { filter: TaskListFilter; names: string[] }[] = [];
  /** Every filter's parameter names, kept as filters register: each list request asks for them. */
  private readonly parameterNames: string[] = [];
  private amenders: TaskChangeAmender[] = [];
  private listeners: TaskChangeListener[] = [];

  constructor(private readonly discovery: DiscoveryService) {}

  /** Every provider's instance exists before any `onModuleInit` runs: discover them all. */
  onModuleInit(): void {
    const contributions = this.discovery
      .getProviders({ metadataKey: TaskContribution.KEY })
      .filter((wrapper) => wrapper.instance)
      .map((wrapper) => ({
        instance: wrapper.instance as object,
        order: this.discovery.getMetadataByDecorator(TaskContribution, wrapper)?.order ?? 0,
        name: wrapper.metatype?.name ?? wrapper.name,
      }))
      .sort((a, b) => a.order - b.order || String(a.name).localeCompare(String(b.name)))
      .map(({ instance }) => instance);
    this.register(contributions);
  }

  /** Registers contributions in the order given; a field or parameter claimed twice fails boot. */
  private register(contributions: readonly object[]): void {
    for (const contribution of contributions) {
      if (isViewField(contribution)) {
        this.assertFree(
          'field',
          [contribution.field],
          this.fields.map((field) => field.field),
        );
        this.fields.push(contribution);
      }
      if (isListFilter(contribution)) {
        const names = queryParameterNamesOf(contribution.parameters);
        this.assertFree('query parameter', names, [
          ...CORE_LIST_PARAMETERS,
          ...this.parameterNames,
        ]);
        this.filters.push({ filter: contribution, names });
        this.parameterNames.push(...names);
      }
      if (isChangeAmender(contribution)) this.amenders.push(contribution);
      if (isChangeListener(contribution)) this.listeners.push(contribution);
    }
  }

  viewFields(): readonly TaskViewField[] {
    return this.fields;
  }

  listFilters(): readonly { filter: TaskListFilter; names: readonly string[] }[] {
    return this.filters;
  }

  filterParameterNames(): readonly string[] {
    return this.parameterNames;
  }

  /** Each amender the changes concern, in order, amends what the previous ones left. */
  async amend(
    manager: EntityManager,
    before: Readonly<Task>,
    changes: TaskChanges,
  ): Promise<TaskChanges> {
    let amended = changes;
    for (const amender of this.amenders) {
      const changed = Object.keys(amended) as (keyof Task)[];
      if (amender.watches.some((property) => changed.includes(property))) {
        amended = await amender.amendTaskUpdate(manager, before, amended);
      }
    }
    return amended;
  }

  /** The listeners an update of these properties concerns, in order. */
  listenersOf(changed: readonly (keyof Task)[]): TaskChangeListener[] {
    return this.listeners.filter(
      (listener) =>
        listener.onTaskUpdated && listener.watches.some((property) => changed.includes(property)),
    );
  }

  async notifyUpdated(
    manager: EntityManager,
    change: TaskChange,
    listeners: readonly TaskChangeListener[],
  ): Promise<void> {
    for (const listener of listeners) await listener.onTaskUpdated?.(manager, change);
  }

  async notifyDeleted(manager: EntityManager, task: Task): Promise<void> {
    for (const listener of this.listeners) await listener.onTaskDeleted?.(manager, task);
  }

  /** Two features claiming one field or parameter is a composition bug: fail at boot. */
  private assertFree(kind: string, names: readonly string[], taken: readonly string[]): void {
    const clash = names.find((name) => taken.includes(name));
    if (clash) throw new Error(`Task extension ${kind} "${clash}" is registered twice`);
  }
}
