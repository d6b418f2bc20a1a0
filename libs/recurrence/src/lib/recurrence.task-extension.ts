import { Injectable } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  Sql,
  Task,
  TaskChangeAmender,
  TaskChanges,
  TaskContribution,
  TaskListFilter,
  TaskViewField,
  raw,
} from '@task-api/core';
import { IsIn, IsOptional } from 'class-validator';
import { EntityManager } from 'typeorm';
import { RULE_EXAMPLE } from './dto/recurrence.dto';
import { RecurrenceService } from './recurrence.service';
import { RECURRENCE_OF_TASK, isRecurring } from './task-recurrence.sql';

/** The query parameter the recurrence library adds to `GET /tasks`. */
export class RecurringFilterDto {
  @ApiPropertyOptional({
    type: Boolean,
    description: 'Only tasks with (`true`) or without (`false`) a recurrence.',
    example: true,
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'recurring must be true or false' })
  recurring?: 'true' | 'false';
}

/**
 * How recurrence takes part in tasks: every task view carries its `recurrence` (or null),
 * `GET /tasks` gains `recurring` (both as SQL in core's statement), and a task update is
 * amended before it is written (done → the next occurrence). Ordered before every listener
 * that follows the due date, which then sees the amended change; it knows none of them.
 */
@Injectable()
@TaskContribution({ order: 30 })
export class RecurrenceTaskExtension
  implements TaskViewField, TaskListFilter<RecurringFilterDto>, TaskChangeAmender
{
  readonly field = 'recurrence';
  /** `RecurrenceDto` or null, spelled out: OpenAPI 3.0 has no nullable `$ref`. */
  readonly schema = {
    type: 'object' as const,
    nullable: true,
    description:
      'How the task recurs (as `RecurrenceDto`), or null (contributed by the recurrence library).',
    required: ['rule', 'timezone', 'nextDueAt', 'completedCount'],
    properties: {
      rule: { type: 'string' as const, example: RULE_EXAMPLE },
      timezone: { type: 'string' as const, example: 'Europe/Berlin' },
      nextDueAt: {
        type: 'string' as const,
        format: 'date-time',
        nullable: true,
        example: '2026-12-03T08:00:00.000Z',
      },
      completedCount: { type: 'integer' as const, minimum: 0, example: 2 },
    },
  };
  readonly viewSql = RECURRENCE_OF_TASK;
  readonly newTaskSql = raw('NULL');
  readonly parameters = RecurringFilterDto;
  readonly watches: readonly (keyof Task)[] = ['status', 'dueAt'];

  constructor(private readonly recurrence: RecurrenceService) {}

  where({ recurring }: RecurringFilterDto): Sql | undefined {
    return recurring === undefined ? undefined : isRecurring(recurring === 'true');
  }

  amendTaskUpdate(
    manager: EntityManager,
    before: Readonly<Task>,
    changes: Readonly<TaskChanges>,
  ): Promise<TaskChanges> {
    return this.recurrence.amendTaskUpdate(manager, before, changes);
  }
}
