import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsInstant } from '@task-api/core';
import {
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
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
    minimum: 0,
    maximum: MAX_OFFSET_MINUTES,
    description:
      'Relative: minutes before the task is due (422 if it has no due date). Not with `remindAt`.',
    example: 30,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_OFFSET_MINUTES)
  offsetMinutes?: number;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 500,
    example: 'Bring the photos.',
  })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string | null;
}

/** The body of `POST /tasks/:taskId/reminders`: the task comes from the path. */
export class CreateTaskReminderDto extends OmitType(CreateReminderDto, ['taskId'] as const) {}
