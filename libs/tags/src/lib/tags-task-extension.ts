import { Injectable, OnModuleInit } from '@nestjs/common';
import { getSchemaPath } from '@nestjs/swagger';
import {
  Task,
  TaskExtensions,
  TaskFilterParameter,
  TaskListFilter,
  TaskViewEnricher,
  badRequest,
  validatePlain,
} from '@task-api/core';
import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { TagSummaryDto } from './dto/tag.dto';
import { MAX_FILTER_TAGS, TAG_MATCHES, TaskTagsFilterDto } from './dto/task-tags-filter.dto';
import { TagSummary, TagsRepository } from './tags.repository';

const FILTER_PARAMETERS: TaskFilterParameter[] = [
  {
    name: 'tags',
    description: `Tag names, comma-separated or repeated (case-insensitive, at most ${MAX_FILTER_TAGS}); how they combine is \`tagMatch\`.`,
    schema: { type: 'string' },
    example: 'urgent,home',
  },
  {
    name: 'tagMatch',
    description:
      'With `tags`: `any` (at least one of them, the default), `all` (every one) or `none` (none of them; untagged tasks included).',
    schema: { type: 'string', enum: [...TAG_MATCHES], default: 'any' },
    example: 'all',
  },
  {
    name: 'untagged',
    description: '`true`: only tasks without any tag; `false`: only tasks with at least one.',
    schema: { type: 'boolean' },
    example: true,
  },
];

/**
 * What the tags library adds to tasks through core's extension point: the `tags` field of
 * every task view (one statement for a whole page) and the tag filters of `GET /tasks`
 * (SQL conditions on the alias `task`).
 */
@Injectable()
export class TagsTaskExtension
  implements OnModuleInit, TaskViewEnricher<TagSummary[]>, TaskListFilter
{
  readonly field = 'tags';
  readonly schema = {
    type: 'array' as const,
    description: 'The tags of the task, sorted by name (contributed by the tags library).',
    items: { $ref: getSchemaPath(TagSummaryDto) },
  };
  readonly parameters = FILTER_PARAMETERS;

  constructor(
    private readonly extensions: TaskExtensions,
    private readonly tags: TagsRepository,
  ) {}

  onModuleInit(): void {
    this.extensions.addViewEnricher(this);
    this.extensions.addListFilter(this);
  }

  load(taskIds: readonly string[], manager: EntityManager): Promise<Map<string, TagSummary[]>> {
    return this.tags.summariesOfTasks(taskIds, manager);
  }

  emptyValue(): TagSummary[] {
    return [];
  }

  async apply(
    params: Readonly<Record<string, unknown>>,
    query: SelectQueryBuilder<Task>,
  ): Promise<void> {
    const filter = validatePlain(TaskTagsFilterDto, params);
    if (filter.tagMatch !== undefined && filter.tags === undefined) {
      throw badRequest('tagMatch says how the names in tags combine: send tags with it.', [
        { field: 'tagMatch', message: 'needs tags' },
      ]);
    }
    this.tags.applyTaskFilter(query, {
      // One statement: names to ids, so the page query compares ids the planner has statistics on.
      tags: filter.tags ? await this.tags.resolveNames(filter.tags) : undefined,
      match: filter.tagMatch ?? 'any',
      untagged: filter.untagged,
    });
  }
}
