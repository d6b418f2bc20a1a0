import { Injectable } from '@nestjs/common';
import { ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import {
  Sql,
  Task,
  TaskChange,
  TaskChangeListener,
  TaskContribution,
  TaskListFilter,
  TaskViewField,
  unprocessable,
  raw,
} from '@task-api/core';
import { IsIn, IsOptional } from 'class-validator';
import { EntityManager } from 'typeorm';
import { Clock } from './clock';
import { ReminderDto } from './dto/reminder.dto';
import { RemindersRepository } from './reminders.repository';
import { REMINDERS_OF_TASK, hasPendingReminder } from './task-reminders.sql';

/** The query parameter the reminders library adds to `GET /tasks`. */
export class PendingReminderFilterDto {
  @ApiPropertyOptional({
    type: Boolean,
    description: 'Only tasks with (`true`) or without (`false`) a scheduled reminder.',
    example: true,
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'hasPendingReminder must be true or false' })
  hasPendingReminder?: 'true' | 'false';
}

/**
 * How reminders take part in tasks (SPEC §4): every task view carries its `reminders`,
 * `GET /tasks` gains `hasPendingReminder` (both as SQL in core's statement), and changes of a
 * task's status or due date carry its reminders along inside the task's transaction.
 */
@Injectable()
@TaskContribution({ order: 20 })
export class RemindersTaskExtension
  implements TaskViewField, TaskListFilter<PendingReminderFilterDto>, TaskChangeListener
{
  readonly field = 'reminders';
  readonly schema = {
    type: 'array' as const,
    items: { $ref: getSchemaPath(ReminderDto) },
    description: 'The reminders of the task, by `remindAt`.',
  };
  readonly viewSql = REMINDERS_OF_TASK;
  readonly newTaskSql = raw(`'[]'::json`);
  readonly parameters = PendingReminderFilterDto;
  readonly watches: readonly (keyof Task)[] = ['status', 'dueAt'];

  constructor(
    private readonly reminders: RemindersRepository,
    private readonly clock: Clock,
  ) {}

  where({ hasPendingReminder: wanted }: PendingReminderFilterDto): Sql | undefined {
    return wanted === undefined ? undefined : hasPendingReminder(wanted === 'true');
  }

  /**
   * A relative reminder follows every change of the due date, whoever makes it (a client, or
   * another feature amending the change): see `RemindersRepository.followDueDate`.
   * Done cancels the scheduled reminders first, so a task that is finished and loses its due
   * date in one change is not refused. Removing the due date of a task that still has scheduled
   * relative reminders is refused (422): they would have nothing to follow, and cancelling them
   * silently would lose what the client asked for. It deletes them or makes them absolute first.
   */
  async onTaskUpdated(manager: EntityManager, { before, after }: TaskChange): Promise<void> {
    if (after.status === 'done' && before.status !== 'done') {
      await this.reminders.cancelScheduled(manager, after.id);
    }
    // A done task has no scheduled reminders left, and none of its reminders fires again.
    if (after.status === 'done' || sameInstant(before.dueAt, after.dueAt)) return;
    if (after.dueAt) {
      await this.reminders.followDueDate(manager, after.id, after.dueAt, this.clock.now());
    } else if ((await this.reminders.countScheduledRelative(manager, after.id)) > 0) {
      throw unprocessable(
        `Task ${after.id} has scheduled reminders relative to its due date; delete them or give them an absolute remindAt before removing the due date.`,
        [{ field: 'dueAt', message: 'is needed by relative reminders of this task' }],
      );
    }
  }
}

const sameInstant = (a: Date | null, b: Date | null): boolean => a?.getTime() === b?.getTime();
