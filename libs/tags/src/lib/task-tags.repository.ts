import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  PG_FOREIGN_KEY_VIOLATION,
  Principal,
  SqlRepository,
  sqlState,
  violatedConstraint,
} from '@task-api/core';
import { DataSource, EntityManager } from 'typeorm';
import { TaskTag } from './task-tag.entity';

/** Foreign keys of `task_tags` (foundation migration): which side of a link was missing. */
export const TASK_FOREIGN_KEY = 'FK_task_tags_task';
export const TAG_FOREIGN_KEY = 'FK_task_tags_tag';

/** The foreign key a link insert violated (the task or the tag is gone), if that was the error. */
export const missingLinkSide = (error: unknown): 'task' | 'tag' | undefined => {
  if (sqlState(error) !== PG_FOREIGN_KEY_VIOLATION) return undefined;
  const constraint = violatedConstraint(error);
  if (constraint === TASK_FOREIGN_KEY) return 'task';
  if (constraint === TAG_FOREIGN_KEY) return 'tag';
  return undefined;
};

/**
 * The links between tasks and tags (`task_tags`). Links are only ever made between a task and a
 * tag of one owner (the task is locked or found through core under the owner first, the tags
 * are checked in the statement that links them), so what goes through a link (a tag's
 * `taskCount`, the tasks carrying it) is the owner's too.
 */
@Injectable()
export class TaskTagsRepository extends SqlRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /**
   * Links the task (the owner's: found or locked under the owner first) to those of `tagIds`
   * that are the owner's tags, in one statement; idempotent: linking twice leaves one link.
   * Answers how many of `tagIds` are the owner's tags, so a caller can tell an unknown (or
   * foreign) tag from one already linked. Fails with 23503 if the task or a tag is deleted
   * meanwhile.
   */
  async link(
    manager: EntityManager,
    owner: Principal,
    taskId: string,
    tagIds: readonly string[],
  ): Promise<number> {
    if (tagIds.length === 0) return 0;
    const [row]: { owned: number }[] = await manager.query(
      `WITH owned AS (
         SELECT id FROM tags WHERE id = ANY($2::uuid[]) AND owner_id = $3
       ), linked AS (
         INSERT INTO task_tags (task_id, tag_id) SELECT $1, id FROM owned
         ON CONFLICT DO NOTHING
       )
       SELECT count(*)::int AS owned FROM owned`,
      [taskId, [...tagIds], owner.userId],
    );
    return row.owned;
  }

  /** Idempotent; answers whether a link was there. */
  async unlink(taskId: string, tagId: string): Promise<boolean> {
    const result = await this.dataSource.manager.delete(TaskTag, { taskId, tagId });
    return (result.affected ?? 0) > 0;
  }

  /** Removes every link of the task to a tag not in `keepTagIds`. */
  async unlinkAllBut(
    manager: EntityManager,
    taskId: string,
    keepTagIds: readonly string[],
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .delete()
      .from(TaskTag)
      .where('task_id = :taskId', { taskId })
      .andWhere('tag_id <> ALL(CAST(:keepTagIds AS uuid[]))', { keepTagIds })
      .execute();
  }
}
