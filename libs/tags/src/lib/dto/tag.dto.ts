import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '@task-api/core';
import type { TagWithCount } from '../tags.repository';
import { COLOR_EXAMPLE, NAME_EXAMPLE } from './tag-fields';

/** A tag as it appears inside a task view (`task.tags`). */
export class TagSummaryDto {
  @ApiProperty({ format: 'uuid', example: '6a0c2d5e-8f1b-4c3d-9e7f-2a4b6c8d0e1f' })
  id: string;

  @ApiProperty({ description: 'As first spelled.', example: NAME_EXAMPLE })
  name: string;

  @ApiProperty({ type: String, nullable: true, example: COLOR_EXAMPLE })
  color: string | null;
}

export class TagDto extends TagSummaryDto {
  @ApiProperty({ description: 'Number of tasks carrying the tag.', example: 3 })
  taskCount: number;

  @ApiProperty({ format: 'date-time', example: '2026-11-29T10:00:00.000Z' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-29T10:00:00.000Z' })
  updatedAt: string;
}

export class TagPageDto extends PageOf(TagDto) {}

/** A tag with its count, as the API shows it. */
export function toTagDto(tag: TagWithCount): TagDto {
  return {
    id: tag.id,
    name: tag.name,
    color: tag.color,
    taskCount: tag.taskCount,
    createdAt: tag.createdAt.toISOString(),
    updatedAt: tag.updatedAt.toISOString(),
  };
}
