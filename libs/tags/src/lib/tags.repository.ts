import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  INSTANT_KEY,
  Keyset,
  PG_UNIQUE_VIOLATION,
  Position,
  Principal,
  SortKey,
  escapeLike,
  keyset,
  namedParameters,
  sqlState,
  violatedConstraint,
  SqlRepository,
} from '@task-api/core';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { ResolvedTagNames } from './task-tags.sql';
import { TAG_NAME_MAX_LENGTH, TAG_NAME_UNIQUE_INDEX, Tag } from './tag.entity';

export type NewTag = Pick<Tag, 'name' | 'color'>;
export type TagChanges = Partial<NewTag>;

/** A tag with the number of tasks carrying it, counted in the same statement. */
export interface TagWithCount extends Tag {
  taskCount: number;
}

/** What a task view shows of each of its tags. */
export type TagSummary = Pick<Tag, 'id' | 'name' | 'color'>;

/** Tags are listed by name, case-insensitively, then id (`GET /tags`, `GET /tasks/:id/tags`). */
const BY_NAME: SortKey = {
  sql: 'lower(tag.name)',
  type: { kind: 'text', maxLength: TAG_NAME_MAX_LENGTH },
  fromParameter: (parameter) => `lower(${parameter})`,
};
export const TAG_ORDER = keyset({
  list: 'GET /tags',
  sort: 'name',
  key: BY_NAME,
  id: 'tag.id',
  descending: false,
});
export const TASK_TAG_ORDER = keyset({
  list: 'GET /tasks/:taskId/tags',
  sort: 'name',
  key: BY_NAME,
  id: 'tag.id',
  descending: false,
});

/** The tasks carrying a tag, newest first (`GET /tags/:id/tasks`). */
export const TAGGED_TASK_ORDER = keyset({
  list: 'GET /tags/:id/tasks',
  sort: '-createdAt',
  key: { sql: 'task.created_at', type: INSTANT_KEY },
  id: 'task.id',
  descending: true,
});

export interface TagListCriteria {
  /** Case-insensitive name prefix. */
  prefix?: string;
  /** Only the tags of this task. */
  taskId?: string;
  order: Keyset;
  after?: Position;
  limit: number;
}

/** A write refused because another tag of the owner already has the name (in any case). */
export const isTagNameConflict = (error: unknown): boolean =>
  sqlState(error) === PG_UNIQUE_VIOLATION && violatedConstraint(error) === TAG_NAME_UNIQUE_INDEX;

/**
 * Every read and write of a tag names its owner: a tag of another user is not found and cannot
 * be changed. The links between tasks and tags are `TaskTagsRepository`'s.
 */
@Injectable()
export class TagsRepository extends SqlRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** Inserts a tag; a name the owner uses already, in any case, fails with 23505. */
  async insert(owner: Principal, tag: NewTag): Promise<Tag> {
    const result = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(Tag)
      .values({ ...tag, ownerId: owner.userId })
      .returning('*')
      .execute();
    return this.fromRaw(this.dataSource.manager, result.raw[0]);
  }

  /**
   * Inserts the tag unless the owner has one with the same name (in any case): `null` then.
   * Concurrent callers with one new name wait on the unique index for the first, and get `null`.
   */
  async insertIfAbsent(manager: EntityManager, owner: Principal, tag: NewTag): Promise<Tag | null> {
    const rows: Record<string, unknown>[] = await manager.query(
      `INSERT INTO tags (owner_id, name, color) VALUES ($1, $2, $3)
       ON CONFLICT (owner_id, (lower(name))) DO NOTHING
       RETURNING *`,
      [owner.userId, tag.name, tag.color],
    );
    return rows.length > 0 ? this.fromRaw(manager, rows[0]) : null;
  }

  findByName(manager: EntityManager, owner: Principal, name: string): Promise<Tag | null> {
    return manager
      .createQueryBuilder(Tag, 'tag')
      .where('tag.owner_id = :ownerId', { ownerId: owner.userId })
      .andWhere('lower(tag.name) = lower(:name)', { name })
      .getOne();
  }

  async exists(owner: Principal, id: string): Promise<boolean> {
    return this.dataSource.manager.existsBy(Tag, { id, ownerId: owner.userId });
  }

  async findById(
    manager: EntityManager,
    owner: Principal,
    id: string,
  ): Promise<TagWithCount | null> {
    const row = await this.selectWithCount(manager, owner)
      .andWhere('tag.id = :id', { id })
      .getRawOne();
    return row ? this.withCount(row) : null;
  }

  /** One page of the owner's tags ordered by `lower(name)`, id: keyset, so inserts never shift it. */
  async findPage(
    manager: EntityManager,
    owner: Principal,
    criteria: TagListCriteria,
  ): Promise<TagWithCount[]> {
    const query = this.selectWithCount(manager, owner);
    if (criteria.prefix) {
      query.andWhere(`lower(tag.name) LIKE (lower(:prefix) || '%')`, {
        prefix: escapeLike(criteria.prefix),
      });
    }
    if (criteria.taskId) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM task_tags on_task WHERE on_task.tag_id = tag.id AND on_task.task_id = :taskId)',
        { taskId: criteria.taskId },
      );
    }
    const { bind, parameters } = namedParameters();
    const after = criteria.order.after(criteria.after, bind);
    if (after) query.andWhere(after, parameters);
    const rows = await query
      .orderBy('lower(tag.name)', 'ASC')
      .addOrderBy('tag.id', 'ASC')
      .limit(criteria.limit + 1)
      .getRawMany();
    return rows.map((row) => this.withCount(row));
  }

  /** Locks the owner's tag for the rest of the transaction, so concurrent changes queue up. */
  findForUpdate(manager: EntityManager, owner: Principal, id: string): Promise<Tag | null> {
    return manager
      .createQueryBuilder(Tag, 'tag')
      .setLock('pessimistic_write')
      .where('tag.id = :id', { id })
      .andWhere('tag.owner_id = :ownerId', { ownerId: owner.userId })
      .getOne();
  }

  /** Writes a tag found for update under its owner in this transaction. */
  async update(manager: EntityManager, id: string, changes: TagChanges): Promise<Tag> {
    const result = await manager
      .createQueryBuilder()
      .update(Tag)
      .set(changes)
      .where('id = :id', { id })
      .returning('*')
      .execute();
    return this.fromRaw(manager, result.raw[0]);
  }

  /** Deletes a tag found for update under its owner; the links go with it (ON DELETE CASCADE). */
  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.delete(Tag, { id });
  }

  /** Which of `ids` are the owner's tags; they cannot be deleted until the transaction ends. */
  async lockExistingIds(
    manager: EntityManager,
    owner: Principal,
    ids: readonly string[],
  ): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows: { id: string }[] = await manager
      .createQueryBuilder(Tag, 'tag')
      .select('tag.id', 'id')
      .where('tag.id = ANY(CAST(:ids AS uuid[]))', { ids })
      .andWhere('tag.owner_id = :ownerId', { ownerId: owner.userId })
      .setLock('for_key_share')
      .getRawMany();
    return rows.map((row) => row.id);
  }

  /**
   * The ids of the owner's tags named (case-insensitively, lowered by PostgreSQL as the unique
   * index does). The `GET /tasks` filter resolves names first so that its conditions compare
   * `tag_id` with real values: PostgreSQL then knows from its statistics which tag is rare and
   * drives the query from it.
   */
  async resolveNames(owner: Principal, names: readonly string[]): Promise<ResolvedTagNames> {
    const [row]: { ids: string[] | null; distinct_names: number }[] = await this.dataSource.query(
      `SELECT (SELECT array_agg(id) FROM tags
                WHERE owner_id = $2
                  AND lower(name) IN (SELECT lower(n) FROM unnest($1::text[]) AS n)) AS ids,
              (SELECT count(DISTINCT lower(n))::int FROM unnest($1::text[]) AS n) AS distinct_names`,
      [names, owner.userId],
    );
    const ids = row.ids ?? [];
    return { ids, allFound: ids.length === row.distinct_names };
  }

  /**
   * The owner's tags: columns plus `task_count`, a correlated count served by the
   * (tag_id, task_id) index.
   */
  private selectWithCount(manager: EntityManager, owner: Principal): SelectQueryBuilder<Tag> {
    return manager
      .createQueryBuilder(Tag, 'tag')
      .where('tag.owner_id = :ownerId', { ownerId: owner.userId })
      .select('tag.id', 'id')
      .addSelect('tag.name', 'name')
      .addSelect('tag.color', 'color')
      .addSelect('tag.created_at', 'created_at')
      .addSelect('tag.updated_at', 'updated_at')
      .addSelect(
        '(SELECT count(*) FROM task_tags counted WHERE counted.tag_id = tag.id)::int',
        'task_count',
      );
  }

  private withCount(row: Record<string, unknown>): TagWithCount {
    return { ...this.fromRaw(this.dataSource.manager, row), taskCount: Number(row.task_count) };
  }

  /** Raw rows use column names; map them onto the entity's properties. */
  private fromRaw(manager: EntityManager, row: Record<string, unknown>): Tag {
    const columns = this.dataSource.getMetadata(Tag).columns;
    return manager.create(
      Tag,
      Object.fromEntries(columns.map((column) => [column.propertyName, row[column.databaseName]])),
    );
  }
}
