import { Injectable, OnModuleInit } from '@nestjs/common';
import { getSchemaPath } from '@nestjs/swagger';
import {
  Task,
  TaskChange,
  TaskChangeListener,
  TaskExtensions,
  TaskListFilter,
  TaskViewEnricher,
  unprocessable,
  validatePlain,
} from '@task-api/core';
import { IsIn, IsOptional } from 'class-validator';
import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { ReminderDto, toReminderDto } from './dto/reminder.dto';
import { PENDING_REMINDER_SQL, RemindersRepository } from './reminders.repository';

class PendingReminderQuery {
  @IsOptional()
  @IsIn(['true', 'false'])
  hasPendingReminder?: 'true' | 'false';
}

/**
 * How reminders take part in tasks (SPEC §4): every task view carries its `reminders` (one
 * statement per page), `GET /tasks` gains `hasPendingReminder`, and task changes carry their
 * reminders along inside the task's transaction.
 */
@Injectable()
export class RemindersTaskExtension
  implements OnModuleInit, TaskViewEnricher<ReminderDto[]>, TaskListFilter, TaskChangeListener
{
  readonly field = 'reminders';
  readonly schema = {
    type: 'array' as const,
    items: { $ref: getSchemaPath(ReminderDto) },
    description: 'The reminders of the task, by `remindAt`.',
  };
  readonly parameters = [
    {
      name: 'hasPendingReminder',
      description: 'Only tasks with (`true`) or without (`false`) a scheduled reminder.',
      schema: { type: 'boolean' as const },
      example: true,
    },
  ];

  constructor(
    private readonly extensions: TaskExtensions,
    private readonly reminders: RemindersRepository,
  ) {}

  onModuleInit(): void {
    this.extensions.addViewEnricher(this);
    this.extensions.addListFilter(this);
    this.extensions.addChangeListener(this);
  }

  async load(
    taskIds: readonly string[],
    manager: EntityManager,
  ): Promise<ReadonlyMap<string, ReminderDto[]>> {
    const byTask = new Map<string, ReminderDto[]>();
    for (const reminder of await this.reminders.findByTaskIds(manager, taskIds)) {
      const list = byTask.get(reminder.taskId) ?? [];
      list.push(toReminderDto(reminder));
      byTask.set(reminder.taskId, list);
    }
    return byTask;
  }

  emptyValue(): ReminderDto[] {
    return [];
  }

  apply(params: Readonly<Record<string, unknown>>, query: SelectQueryBuilder<Task>): void {
    const { hasPendingReminder } = validatePlain(PendingReminderQuery, params);
    if (hasPendingReminder === undefined) return;
    query.andWhere(
      `${hasPendingReminder === 'true' ? '' : 'NOT '}EXISTS (${PENDING_REMINDER_SQL})`,
    );
  }

  /**
   * Done cancels the scheduled reminders first, so a task that is finished and loses its due
   * date in one change is not refused. Removing the due date of a task that still has scheduled
   * relative reminders is refused (422): they would have nothing to follow, and cancelling them
   * silently would lose what the client asked for. It deletes them or makes them absolute first.
   */
  async onTaskUpdated({ before, after }: TaskChange, manager: EntityManager): Promise<void> {
    if (after.status === 'done' && before.status !== 'done') {
      await this.reminders.cancelScheduled(manager, after.id);
    }
    if (sameInstant(before.dueAt, after.dueAt)) return;
    if (after.dueAt) {
      await this.reminders.followDueDate(manager, after.id, after.dueAt);
    } else if ((await this.reminders.countScheduledRelative(manager, after.id)) > 0) {
      throw unprocessable(
        `Task ${after.id} has scheduled reminders relative to its due date; delete them or give them an absolute remindAt before removing the due date.`,
        [{ field: 'dueAt', message: 'is needed by relative reminders of this task' }],
      );
    }
  }
}

const sameInstant = (a: Date | null, b: Date | null): boolean => a?.getTime() === b?.getTime();
