import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { IsInstant } from '../../http/instant';
import { PageQueryDto } from '../../http/pagination';
import { TextLength } from '../../http/text';
import { commaList } from '../../http/validation';
import { TASK_PRIORITIES, TASK_STATUSES, TaskPriority, TaskStatus } from '../task.entity';

export const TASK_SORTS = [
  'createdAt',
  '-createdAt',
  'dueAt',
  '-dueAt',
  'priority',
  '-priority',
] as const;
export type TaskSort = (typeof TASK_SORTS)[number];

export class ListTasksQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'One or several statuses, comma-separated or repeated.',
    type: [String],
    enum: TASK_STATUSES,
    example: ['todo', 'in_progress'],
  })
  @IsOptional()
  @Transform(commaList)
  @IsIn(TASK_STATUSES, { each: true })
  status?: TaskStatus[];

  @ApiPropertyOptional({
    description: 'One or several priorities, comma-separated or repeated.',
    type: [String],
    enum: TASK_PRIORITIES,
    example: ['high', 'urgent'],
  })
  @IsOptional()
  @Transform(commaList)
  @IsIn(TASK_PRIORITIES, { each: true })
  priority?: TaskPriority[];

  @ApiPropertyOptional({
    description: 'Only tasks due strictly before this instant.',
    format: 'date-time',
    example: '2026-12-31T00:00:00Z',
  })
  @IsOptional()
  @IsInstant()
  dueBefore?: Date;

  @ApiPropertyOptional({
    description: 'Only tasks due at or after this instant.',
    format: 'date-time',
    example: '2026-12-01T00:00:00Z',
  })
  @IsOptional()
  @IsInstant()
  dueAfter?: Date;

  @ApiPropertyOptional({
    description: 'Case-insensitive search in title and description.',
    example: 'passport',
  })
  @IsOptional()
  @IsString()
  @TextLength(0, 200)
  q?: string;

  @ApiPropertyOptional({
    enum: TASK_SORTS,
    default: '-createdAt',
    description:
      'Sort key; `-` for descending. Ties are broken by id; tasks without a due date come last.',
  })
  @IsOptional()
  @IsIn(TASK_SORTS)
  sort: TaskSort = '-createdAt';
}
