import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { TextLength } from '@task-api/core';
import { IsString, IsUUID } from 'class-validator';
import { RECURRENCE_BODY_MAX_LENGTH } from '../recurrence.entity';

export const BODY_EXAMPLE = 'Bring the old passport and two photos.';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** `POST /tasks/:taskId/recurrence`: the task is in the path. */
export class CreateTaskRecurrenceDto {
  @ApiProperty({
    minLength: 1,
    maxLength: RECURRENCE_BODY_MAX_LENGTH,
    description: 'Trimmed; not blank.',
    example: BODY_EXAMPLE,
  })
  @Transform(trim)
  @IsString()
  @TextLength(1, RECURRENCE_BODY_MAX_LENGTH)
  body: string;
}

/** `POST /recurrence`: the task is named in the body. */
export class CreateRecurrenceDto extends CreateTaskRecurrenceDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The task it belongs to; 404 if it does not exist.',
    example: '0b5e3c1a-7f2d-4e8a-9c6b-1d2e3f4a5b6c',
  })
  @IsUUID('all')
  taskId: string;
}
