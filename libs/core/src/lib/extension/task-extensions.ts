import { Injectable } from '@nestjs/common';
import type { ReferenceObject, SchemaObject } from '@nestjs/swagger';
import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { Task } from '../tasks/task.entity';

/**
 * The extension point through which feature libraries take part in tasks without core
 * knowing them. A feature module registers its implementations in `onModuleInit`.
 */

/** Adds one field (e.g. `tags`) to every task view. */
export interface TaskViewEnricher<Value = unknown> {
  readonly field: string;
  /** OpenAPI schema of the field, merged into the task schema of the document. */
  readonly schema: SchemaObject | ReferenceObject;
  /** Loads the field for a whole page of tasks in a constant number of statements. */
  load(taskIds: readonly string[], manager: EntityManager): Promise<ReadonlyMap<string, Value>>;
  /** The value for a task that `load` returned nothing for, and for a task just created. */
  emptyValue(): Value;
}

/** A documented query parameter of `GET /tasks` contributed by a feature. */
export interface TaskFilterParameter {
  name: string;
  description: string;
  schema: SchemaObject;
  example?: unknown;
}

/** Adds query parameters to `GET /tasks`, applied as SQL conditions on the alias `task`. */
export interface TaskListFilter {
  readonly parameters: readonly TaskFilterParameter[];
  /**
   * Receives only the parameters it declared that the request carries, validates them (a
   * `ProblemException` 400 for bad values) and adds its conditions to the query. It may first
   * run a constant number of statements of its own (e.g. resolve names to ids, so that the
   * planner sees real values and their statistics).
   */
  apply(
    params: Readonly<Record<string, unknown>>,
    query: SelectQueryBuilder<Task>,
  ): void | Promise<void>;
}

export interface TaskChange {
  before: Readonly<Task>;
  after: Readonly<Task>;
}

/**
 * Takes part in task changes inside the same transaction: throwing a `ProblemException`
 * refuses the change and rolls everything back.
 */
export interface TaskChangeListener {
  onTaskUpdated?(change: TaskChange, manager: EntityManager): Promise<void>;
  onTaskDeleted?(task: Readonly<Task>, manager: EntityManager): Promise<void>;
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

@Injectable()
export class TaskExtensions {
  private readonly enrichers: TaskViewEnricher[] = [];
  private readonly filters: TaskListFilter[] = [];
  private readonly listeners: TaskChangeListener[] = [];

  addViewEnricher(enricher: TaskViewEnricher): void {
    this.assertFree(
      'field',
      enricher.field,
      this.enrichers.map((e) => e.field),
    );
    this.enrichers.push(enricher);
  }

  addListFilter(filter: TaskListFilter): void {
    const taken = [...CORE_LIST_PARAMETERS, ...this.filterParameterNames()];
    for (const { name } of filter.parameters) this.assertFree('query parameter', name, taken);
    this.filters.push(filter);
  }

  addChangeListener(listener: TaskChangeListener): void {
    this.listeners.push(listener);
  }

  viewEnrichers(): readonly TaskViewEnricher[] {
    return this.enrichers;
  }

  listFilters(): readonly TaskListFilter[] {
    return this.filters;
  }

  filterParameterNames(): string[] {
    return this.filters.flatMap((filter) => filter.parameters.map((parameter) => parameter.name));
  }

  async notifyUpdated(change: TaskChange, manager: EntityManager): Promise<void> {
    for (const listener of this.listeners) await listener.onTaskUpdated?.(change, manager);
  }

  async notifyDeleted(task: Task, manager: EntityManager): Promise<void> {
    for (const listener of this.listeners) await listener.onTaskDeleted?.(task, manager);
  }

  /** Two features claiming one field or parameter is a composition bug: fail at boot. */
  private assertFree(kind: string, name: string, taken: readonly string[]): void {
    if (taken.includes(name))
      throw new Error(`Task extension ${kind} "${name}" is registered twice`);
  }
}
