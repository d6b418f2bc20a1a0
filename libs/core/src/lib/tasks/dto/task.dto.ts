import { ApiProperty } from '@nestjs/swagger';
import { TASK_PRIORITIES, TASK_STATUSES, Task, TaskPriority, TaskStatus } from '../task.entity';

/**
 * A task as the API shows it. Feature libraries add fields (`tags`, `reminders`) through
 * `TaskViewEnricher`; the OpenAPI document lists them too.
 */
export class TaskDto {
  @ApiProperty({ format: 'uuid', example: '0b6f2a8e-3c1d-4e5f-9a7b-1c2d3e4f5a6b' })
  id: string;

  @ApiProperty({ example: 'Renew passport' })
  title: string;

  @ApiProperty({ type: String, nullable: true, example: 'Photos first.' })
  description: string | null;

  @ApiProperty({ enum: TASK_STATUSES, example: 'todo' })
  status: TaskStatus;

  @ApiProperty({ enum: TASK_PRIORITIES, example: 'high' })
  priority: TaskPriority;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2026-12-01T09:00:00.000Z',
  })
  dueAt: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Set by the server when the status becomes done; cleared when it leaves done.',
    example: null,
  })
  completedAt: string | null;

  @ApiProperty({ format: 'date-time', example: '2026-11-29T10:00:00.000Z' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-29T10:00:00.000Z' })
  updatedAt: string;

  @ApiProperty({
    description: 'Increments on every change; the ETag is derived from it.',
    example: 1,
  })
  version: number;

  [feature: string]: unknown;
}

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

export function toTaskDto(task: Task): TaskDto {
  return {
    id: task.id,
    title: task.title,
    description: task.description,
    status: task.status,
    priority: task.priority,
    dueAt: iso(task.dueAt),
    completedAt: iso(task.completedAt),
    createdAt: task.createdAt.toISOString(),
    updatedAt: task.updatedAt.toISOString(),
    version: task.version,
  };
}
