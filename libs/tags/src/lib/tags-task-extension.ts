import { Injectable } from '@nestjs/common';
import { getSchemaPath } from '@nestjs/swagger';
import {
  Principal,
  Sql,
  TaskContribution,
  TaskListFilter,
  TaskViewField,
  badRequest,
  joinSql,
  raw,
} from '@task-api/core';
import { TagSummaryDto } from './dto/tag.dto';
import { TaskTagsFilterDto } from './dto/task-tags-filter.dto';
import { TAGS_OF_TASK, taskTagConditions } from './task-tags.sql';
import { TagsRepository } from './tags.repository';

/**
 * What the tags library adds to tasks through core's extension point: the `tags` field of
 * every task view and the tag filters of `GET /tasks`, both as SQL inside core's statement.
 */
@Injectable()
@TaskContribution({ order: 10 })
export class TagsTaskExtension implements TaskViewField, TaskListFilter<TaskTagsFilterDto> {
  readonly field = 'tags';
  readonly schema = {
    type: 'array' as const,
    description: 'The tags of the task, sorted by name (contributed by the tags library).',
    items: { $ref: getSchemaPath(TagSummaryDto) },
  };
  readonly viewSql = TAGS_OF_TASK;
  readonly newTaskSql = raw(`'[]'::json`);
  readonly parameters = TaskTagsFilterDto;

  constructor(private readonly tags: TagsRepository) {}

  async where(filter: TaskTagsFilterDto, owner: Principal): Promise<Sql | undefined> {
    if (filter.tagMatch !== undefined && filter.tags === undefined) {
      throw badRequest('tagMatch says how the names in tags combine: send tags with it.', [
        { field: 'tagMatch', message: 'needs tags' },
      ]);
    }
    const conditions = taskTagConditions({
      // One statement: the owner's tags' names to ids, so the page query compares ids the planner
      // has statistics on.
      tags: filter.tags ? await this.tags.resolveNames(owner, filter.tags) : undefined,
      match: filter.tagMatch ?? 'any',
      untagged: filter.untagged,
    });
    return conditions.length > 0 ? joinSql(conditions, ' AND ') : undefined;
  }
}
