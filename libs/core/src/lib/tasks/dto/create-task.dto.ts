import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { IsInstant } from '../../http/instant';
import { TextLength } from '../../http/text';
import { TASK_PRIORITIES, TASK_STATUSES, TaskPriority, TaskStatus } from '../task.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateTaskDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Renew passport' })
  @Transform(trim)
  @IsString()
  @TextLength(1, 200)
  title: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 10000, example: 'Photos first.' })
  @IsOptional()
  @IsString()
  @TextLength(0, 10000)
  description?: string | null;

  @ApiPropertyOptional({ enum: TASK_STATUSES, default: 'todo', example: 'todo' })
  @IsOptional()
  @IsIn(TASK_STATUSES)
  status?: TaskStatus;

  @ApiPropertyOptional({ enum: TASK_PRIORITIES, default: 'normal', example: 'high' })
  @IsOptional()
  @IsIn(TASK_PRIORITIES)
  priority?: TaskPriority;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'RFC 3339 instant with an offset; a naive date-time is refused.',
    example: '2026-12-01T09:00:00Z',
  })
  @IsOptional()
  @IsInstant()
  dueAt?: Date | null;
}
