import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '@task-api/core';
import { BODY_EXAMPLE } from './create-recurrence.dto';

export class RecurrenceDto {
  @ApiProperty({ format: 'uuid', example: '7c1f9e2a-3b4d-4c5e-8f6a-0b1c2d3e4f5a' })
  id: string;

  @ApiProperty({ format: 'uuid', example: '0b5e3c1a-7f2d-4e8a-9c6b-1d2e3f4a5b6c' })
  taskId: string;

  @ApiProperty({ example: BODY_EXAMPLE })
  body: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-29T10:00:00.000Z' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-29T10:00:00.000Z' })
  updatedAt: string;
}

export class RecurrencePageDto extends PageOf(RecurrenceDto) {}
