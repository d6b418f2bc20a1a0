import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '@task-api/core';

export const RULE_EXAMPLE = 'FREQ=WEEKLY;BYDAY=MO,TH';

/** A task's recurrence, as `GET /tasks/:taskId/recurrence` and every task view show it. */
export class RecurrenceDto {
  @ApiProperty({
    description: 'An RFC 5545 RRULE value: FREQ (HOURLY to YEARLY), COUNT or UNTIL (UTC).',
    example: RULE_EXAMPLE,
  })
  rule: string;

  @ApiProperty({ description: 'The IANA zone the rule is evaluated in.', example: 'Europe/Berlin' })
  timezone: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'The occurrence after the task’s current `dueAt`; null when the rule has none.',
    example: '2026-12-03T08:00:00.000Z',
  })
  nextDueAt: string | null;

  @ApiProperty({ description: 'Occurrences completed so far.', example: 2 })
  completedCount: number;
}

/** One completed occurrence. */
export class RecurrenceCompletionDto {
  @ApiProperty({ format: 'uuid', example: '7c1f9e2a-3b4d-4c5e-8f6a-0b1c2d3e4f5a' })
  id: string;

  @ApiProperty({
    format: 'date-time',
    description: 'The occurrence completed: the task’s `dueAt` then.',
    example: '2026-11-30T08:00:00.000Z',
  })
  dueAt: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-30T09:12:44.120Z' })
  completedAt: string;
}

export class RecurrenceHistoryPageDto extends PageOf(RecurrenceCompletionDto) {}
