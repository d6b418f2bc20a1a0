import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsInstant, TextLength } from '@task-api/core';
import { IsInt, IsOptional, IsString, IsUUID, Max, Min } from 'class-validator';
import { MAX_OFFSET_MINUTES } from '../reminder.entity';

/** Exactly one of `remindAt` and `offsetMinutes` (checked by the service, which names both). */
export class CreateReminderDto {
  @ApiProperty({ format: 'uuid', example: '0b6f2a8e-3c1d-4e5f-9a7b-1c2d3e4f5a6b' })
  @IsUUID()
  taskId: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    description: 'Absolute time, in the future, with an offset. Not with `offsetMinutes`.',
    example: '2026-12-01T08:30:00Z',
  })
  @IsOptional()
  @IsInstant()
  remindAt?: Date;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: MAX_OFFSET_MINUTES,
    description:
      'Relative: minutes before the task is due (422 if it has no due date). Not with `remindAt`; ' +
      '`null` says "not relative", so it may come with a `remindAt`.',
    example: 30,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_OFFSET_MINUTES)
  offsetMinutes?: number | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 500,
    example: 'Bring the photos.',
  })
  @IsOptional()
  @IsString()
  @TextLength(0, 500)
  note?: string | null;
}

/** The body of `POST /tasks/:taskId/reminders`: the task comes from the path. */
export class CreateTaskReminderDto extends OmitType(CreateReminderDto, ['taskId'] as const) {}
