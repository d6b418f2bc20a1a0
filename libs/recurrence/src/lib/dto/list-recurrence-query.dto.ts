import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@task-api/core';
import { IsOptional, IsUUID } from 'class-validator';

export class ListRecurrenceQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only the recurrence of this task.',
    example: '0b5e3c1a-7f2d-4e8a-9c6b-1d2e3f4a5b6c',
  })
  @IsOptional()
  @IsUUID('all')
  taskId?: string;
}
