import { Sql, raw, sql } from '@task-api/core';
import { TagMatch } from './dto/task-tags-filter.dto';

/**
 * The SQL the tags library contributes to core's task statements, on the alias `task`: the
 * `tags` field of a view and the conditions of the `GET /tasks` tag filters.
 */

/**
 * `tags` of a task view: its tags sorted by name, as PostgreSQL builds them. Each tag is found
 * by its primary key (`LIMIT 1` keeps it a parameterised index probe): written as a plain join,
 * the planner may hash the whole `tags` table once per task of a page.
 */
export const TAGS_OF_TASK: Sql = raw(`coalesce((
    SELECT json_agg(json_build_object('id', tag.id, 'name', tag.name, 'color', tag.color)
                    ORDER BY lower(tag.name), tag.id)
      FROM task_tags link
      CROSS JOIN LATERAL (SELECT tag.id, tag.name, tag.color FROM tags tag
                           WHERE tag.id = link.tag_id LIMIT 1) tag
     WHERE link.task_id = task.id), '[]'::json)`);

/** The tag names of a `GET /tasks` filter, resolved to the ids of the tags that exist. */
export interface ResolvedTagNames {
  ids: string[];
  /** Every name named a tag (names differing only in case count once). */
  allFound: boolean;
}

/** The `GET /tasks` tag filter, validated and resolved. */
export interface TaskTagFilter {
  tags?: ResolvedTagNames;
  match: TagMatch;
  untagged?: boolean;
}

const carries = (alias: string, condition: Sql): Sql =>
  sql`EXISTS (SELECT 1 FROM task_tags ${raw(alias)} WHERE ${raw(alias)}.task_id = task.id AND ${raw(alias)}.tag_id ${condition})`;

/** The conditions of the tag filter; none when it filters nothing. */
export function taskTagConditions(filter: TaskTagFilter): Sql[] {
  const conditions = filter.tags ? tagMatchConditions(filter.tags, filter.match) : [];
  if (filter.untagged !== undefined) {
    const anyTag = raw(
      'SELECT 1 FROM task_tags untagged_link WHERE untagged_link.task_id = task.id',
    );
    conditions.push(filter.untagged ? sql`NOT EXISTS (${anyTag})` : sql`EXISTS (${anyTag})`);
  }
  return conditions;
}

function tagMatchConditions({ ids, allFound }: ResolvedTagNames, match: TagMatch): Sql[] {
  switch (match) {
    case 'any':
      return [ids.length === 0 ? raw('FALSE') : carries('filter_link', sql`= ANY(${ids}::uuid[])`)];
    case 'none':
      return ids.length === 0
        ? []
        : [sql`NOT ${carries('filter_link', sql`= ANY(${ids}::uuid[])`)}`];
    case 'all':
      // A name that names no tag: no task carries them all. Otherwise one probe of the
      // (task_id, tag_id) key per tag, each with its value, so the planner starts from the
      // rarest tag.
      if (!allFound) return [raw('FALSE')];
      return ids.map((id, i) => carries(`filter_link_${i}`, sql`= ${id}::uuid`));
  }
}
