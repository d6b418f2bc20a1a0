import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '@task-api/core';
import { REMINDER_STATUSES, Reminder, ReminderStatus } from '../reminder.entity';

/** A reminder as the API shows it (and as the webhook payload carries it). */
export class ReminderDto {
  @ApiProperty({ format: 'uuid', example: '5f0c9a7e-2b1d-4c3e-8f9a-0b1c2d3e4f5a' })
  id: string;

  @ApiProperty({ format: 'uuid', example: '0b6f2a8e-3c1d-4e5f-9a7b-1c2d3e4f5a6b' })
  taskId: string;

  @ApiProperty({
    format: 'date-time',
    description: 'When it fires; for a relative reminder, `offsetMinutes` before the due date.',
    example: '2026-12-01T08:30:00.000Z',
  })
  remindAt: string;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Relative reminder: minutes before the task is due; it follows the due date.',
    example: 30,
  })
  offsetMinutes: number | null;

  @ApiProperty({ type: String, nullable: true, maxLength: 500, example: 'Bring the photos.' })
  note: string | null;

  @ApiProperty({ enum: REMINDER_STATUSES, example: 'scheduled' })
  status: ReminderStatus;

  @ApiProperty({ description: 'Delivery attempts of the current firing so far.', example: 0 })
  attempts: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null })
  deliveredAt: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Why the last attempt failed.',
    example: null,
  })
  lastError: string | null;

  @ApiProperty({ format: 'date-time', example: '2026-11-29T10:00:00.000Z' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-29T10:00:00.000Z' })
  updatedAt: string;
}

export class ReminderPageDto extends PageOf(ReminderDto) {}

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

export function toReminderDto(reminder: Reminder): ReminderDto {
  return {
    id: reminder.id,
    taskId: reminder.taskId,
    remindAt: reminder.remindAt.toISOString(),
    offsetMinutes: reminder.offsetMinutes,
    note: reminder.note,
    status: reminder.status,
    attempts: reminder.attempts,
    deliveredAt: iso(reminder.deliveredAt),
    lastError: reminder.lastError,
    createdAt: reminder.createdAt.toISOString(),
    updatedAt: reminder.updatedAt.toISOString(),
  };
}
