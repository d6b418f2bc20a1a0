import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { TextLength } from '@task-api/core';
import { IsOptional, IsString } from 'class-validator';
import { RECURRENCE_BODY_MAX_LENGTH } from '../recurrence.entity';

/** Only the fields sent change; `body` cannot be null (core's validation pipe refuses it). */
export class UpdateRecurrenceDto {
  @ApiPropertyOptional({
    minLength: 1,
    maxLength: RECURRENCE_BODY_MAX_LENGTH,
    example: 'Bring the old passport, two photos and the form.',
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @TextLength(1, RECURRENCE_BODY_MAX_LENGTH)
  body?: string;
}
