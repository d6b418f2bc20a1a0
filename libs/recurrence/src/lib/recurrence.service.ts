import { Injectable } from '@nestjs/common';
import {
  JsonText,
  Page,
  PageQueryDto,
  Principal,
  Tagged,
  Task,
  TaskChanges,
  TasksService,
  assertIfMatch,
  badRequest,
  etagOfJson,
  notFound,
  unprocessable,
} from '@task-api/core';
import { EntityManager } from 'typeorm';
import { PutRecurrenceDto } from './dto/put-recurrence.dto';
import { RecurrenceCompletionDto } from './dto/recurrence.dto';
import { RecurrenceCompletion } from './recurrence-completion.entity';
import { HISTORY_ORDER, RecurrenceRepository, RecurrenceViewRow } from './recurrence.repository';
import {
  RecurrenceRuleError,
  RecurrenceSchedule,
  assertHasOccurrence,
  canonicalTimeZone,
  nextOccurrence,
  validateSchedule,
} from './rules/recurrence-rule';

@Injectable()
export class RecurrenceService {
  constructor(
    private readonly recurrences: RecurrenceRepository,
    private readonly tasks: TasksService,
  ) {}

  async get(owner: Principal, taskId: string): Promise<Tagged<JsonText>> {
    await this.tasks.require(owner, taskId);
    return tagged(
      taskId,
      await this.recurrences.findView(this.recurrences.autocommit, owner, taskId),
    );
  }

  /**
   * Sets the task's rule, starting at its current due date (DTSTART: COUNT counts from it);
   * a rule already set is replaced and its history kept. 422 for a task without a due date.
   */
  async put(
    owner: Principal,
    taskId: string,
    input: PutRecurrenceDto,
    ifMatch?: string,
  ): Promise<Tagged<JsonText>> {
    const { dueAt } = await this.tasks.require(owner, taskId);
    if (!dueAt) {
      throw unprocessable(`Task ${taskId} has no due date: a recurrence starts at it.`, [
        { field: 'dueAt', message: 'is needed by a recurrence' },
      ]);
    }
    const schedule = scheduleOf(input, dueAt);
    const row = await this.recurrences.transaction(async (manager) => {
      await this.assertCurrent(manager, owner, taskId, ifMatch, false);
      const nextDueAt = nextOccurrence(schedule, dueAt);
      await this.recurrences.upsert(manager, taskId, { ...schedule, nextDueAt });
      return this.recurrences.findView(manager, owner, taskId);
    });
    return tagged(taskId, row);
  }

  async remove(owner: Principal, taskId: string, ifMatch?: string): Promise<void> {
    await this.tasks.require(owner, taskId);
    await this.recurrences.transaction(async (manager) => {
      await this.assertCurrent(manager, owner, taskId, ifMatch, true);
      await this.recurrences.delete(manager, taskId);
    });
  }

  /**
   * Locks the task's recurrence and checks `If-Match` against the ETag of its view; a missing
   * one is a 404 when `required`, else there is nothing to match (a first `PUT`).
   */
  private async assertCurrent(
    manager: EntityManager,
    owner: Principal,
    taskId: string,
    ifMatch: string | undefined,
    required: boolean,
  ): Promise<void> {
    const locked = await this.recurrences.findForUpdate(manager, taskId);
    if (!locked) {
      if (required) throw notFound('Recurrence of task', taskId);
      return;
    }
    if (ifMatch === undefined) return;
    const current = await this.recurrences.findView(manager, owner, taskId);
    assertIfMatch('recurrence', etagOfJson(current?.view ?? ''), ifMatch);
  }

  /** The completed occurrences, oldest first (none for a task that does not recur). */
  async history(
    owner: Principal,
    taskId: string,
    query: PageQueryDto,
  ): Promise<Page<RecurrenceCompletionDto>> {
    await this.tasks.require(owner, taskId);
    const after = HISTORY_ORDER.decode(query.cursor, taskId);
    const rows = await this.recurrences.findHistoryPage(owner, taskId, after, query.limit);
    return HISTORY_ORDER.page(
      rows,
      query.limit,
      toCompletionDto,
      (completion) => ({ value: completion.completedAt, id: completion.id }),
      taskId,
    );
  }

  /**
   * The amendment of a task update (inside core's transaction, before it is written): a
   * recurring task that becomes done records the completion and moves to its next occurrence
   * instead (due date, status `todo`, `completedAt` cleared); with none left it stays done.
   * Any change of its due date keeps `nextDueAt` current. Removing the due date is refused.
   */
  async amendTaskUpdate(
    manager: EntityManager,
    before: Readonly<Task>,
    changes: Readonly<TaskChanges>,
  ): Promise<TaskChanges> {
    const recurrence = await this.recurrences.findForUpdate(manager, before.id);
    if (!recurrence) return changes;
    const dueAt = changes.dueAt !== undefined ? changes.dueAt : before.dueAt;
    if (!dueAt) {
      throw unprocessable(
        `Task ${before.id} recurs from its due date; delete its recurrence before removing the due date.`,
        [{ field: 'dueAt', message: 'is needed by the recurrence of this task' }],
      );
    }
    let amended: TaskChanges = changes;
    if (changes.status === 'done' && before.status !== 'done') {
      await this.recurrences.appendCompletion(manager, {
        taskId: before.id,
        dueAt,
        completedAt: changes.completedAt ?? new Date(),
      });
      const next = nextOccurrence(recurrence, dueAt);
      if (next) amended = { ...changes, dueAt: next, status: 'todo', completedAt: null };
    }
    const finalDueAt = amended.dueAt ?? dueAt;
    if (finalDueAt.getTime() !== before.dueAt?.getTime()) {
      await this.recurrences.setNextDueAt(
        manager,
        before.id,
        nextOccurrence(recurrence, finalDueAt),
      );
    }
    return amended;
  }
}

/** Validates the rule and the zone: a 400 naming the field that is wrong. */
function scheduleOf(input: PutRecurrenceDto, startsAt: Date): RecurrenceSchedule {
  let timezone: string;
  try {
    timezone = canonicalTimeZone(input.timezone);
  } catch (error) {
    throw fieldProblem('timezone', error);
  }
  const schedule = { rule: input.rule, timezone, startsAt };
  try {
    validateSchedule(schedule);
    assertHasOccurrence(schedule);
  } catch (error) {
    throw fieldProblem('rule', error);
  }
  return schedule;
}

function fieldProblem(field: string, error: unknown) {
  if (!(error instanceof RecurrenceRuleError)) throw error;
  return badRequest('The request is invalid.', [{ field, message: error.message }]);
}

function tagged(taskId: string, row: RecurrenceViewRow | undefined): Tagged<JsonText> {
  if (!row) throw notFound('Recurrence of task', taskId);
  return new Tagged(new JsonText(row.view));
}

function toCompletionDto(completion: RecurrenceCompletion): RecurrenceCompletionDto {
  return {
    id: completion.id,
    dueAt: completion.dueAt.toISOString(),
    completedAt: completion.completedAt.toISOString(),
  };
}
