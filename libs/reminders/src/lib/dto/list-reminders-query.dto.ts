import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsInstant, PageQueryDto, commaList } from '@task-api/core';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { REMINDER_STATUSES, ReminderStatus } from '../reminder.entity';

/** Reminders are listed by `remindAt`, then id. */
export class ListRemindersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', example: '0b6f2a8e-3c1d-4e5f-9a7b-1c2d3e4f5a6b' })
  @IsOptional()
  @IsUUID()
  taskId?: string;

  @ApiPropertyOptional({
    description: 'One or several statuses, comma-separated or repeated.',
    type: [String],
    enum: REMINDER_STATUSES,
    example: ['scheduled', 'failed'],
  })
  @IsOptional()
  @Transform(commaList)
  @IsIn(REMINDER_STATUSES, { each: true })
  status?: ReminderStatus[];

  @ApiPropertyOptional({
    description: 'Only reminders firing strictly before this instant.',
    format: 'date-time',
    example: '2026-12-31T00:00:00Z',
  })
  @IsOptional()
  @IsInstant()
  dueBefore?: Date;

  @ApiPropertyOptional({
    description: 'Only reminders firing at or after this instant.',
    format: 'date-time',
    example: '2026-12-01T00:00:00Z',
  })
  @IsOptional()
  @IsInstant()
  dueAfter?: Date;
}

export class ListTaskRemindersQueryDto extends OmitType(ListRemindersQueryDto, [
  'taskId',
] as const) {}
