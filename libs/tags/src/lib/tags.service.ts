import { HttpStatus, Injectable } from '@nestjs/common';
import {
  Keyset,
  Page,
  PageQueryDto,
  Principal,
  ProblemException,
  TaskViewPage,
  TasksService,
  notFound,
  Tagged,
  assertIfMatch,
  etagOf,
  problemType,
  sql,
} from '@task-api/core';
import { EntityManager } from 'typeorm';
import { AttachTagByNameDto, CreateTagDto } from './dto/create-tag.dto';
import { ListTagsQueryDto } from './dto/list-tags-query.dto';
import { MAX_TAGS_PER_REPLACE } from './dto/replace-task-tags.dto';
import { TagDto, toTagDto } from './dto/tag.dto';
import { UpdateTagDto } from './dto/update-tag.dto';
import { Tag } from './tag.entity';
import {
  TAGGED_TASK_ORDER,
  TAG_ORDER,
  TASK_TAG_ORDER,
  TagChanges,
  TagWithCount,
  TagsRepository,
  isTagNameConflict,
} from './tags.repository';
import { TaskTagsRepository, missingLinkSide } from './task-tags.repository';

/** A tag as the API answers it, with the ETag of exactly that representation. */
const tagged = (tag: TagWithCount, location?: string): Tagged<TagDto> =>
  new Tagged(toTagDto(tag), location);

/** 409 naming the tag that already has the name, so a client can use it instead. */
export const tagNameConflict = (name: string, existingId: string): ProblemException =>
  new ProblemException(HttpStatus.CONFLICT, `A tag named "${name}" already exists.`, {
    type: problemType('tag-name-taken'),
    existingId,
  });

/** Writes that lose a race with a concurrent delete are retried this many times in all. */
const MAX_ATTEMPTS = 3;

@Injectable()
export class TagsService {
  constructor(
    private readonly tags: TagsRepository,
    private readonly taskTags: TaskTagsRepository,
    private readonly tasks: TasksService,
  ) {}

  async create(owner: Principal, input: CreateTagDto): Promise<Tagged<TagDto>> {
    const tag = await this.refusingTakenName(owner, input.name, () =>
      this.tags.insert(owner, { name: input.name, color: input.color ?? null }),
    );
    return tagged({ ...tag, taskCount: 0 }, `/tags/${tag.id}`);
  }

  async list(owner: Principal, query: ListTagsQueryDto): Promise<Page<TagDto>> {
    const after = TAG_ORDER.decode(query.cursor);
    const rows = await this.tags.findPage(this.tags.autocommit, owner, {
      prefix: query.q,
      order: TAG_ORDER,
      after,
      limit: query.limit,
    });
    return tagPage(TAG_ORDER, rows, query.limit);
  }

  async get(owner: Principal, id: string): Promise<Tagged<TagDto>> {
    return tagged(await this.requireTag(owner, id));
  }

  /** `If-Match` is checked against the ETag of the tag as `GET` shows it (its count included). */
  async update(
    owner: Principal,
    id: string,
    input: UpdateTagDto,
    ifMatch?: string,
  ): Promise<Tagged<TagDto>> {
    await this.refusingTakenName(owner, input.name, () =>
      this.tags.transaction(async (manager) => {
        const before = await this.lockTag(manager, owner, id);
        assertIfMatch('tag', etagOf(toTagDto(before)), ifMatch);
        const changes = changesOf(before, input);
        if (Object.keys(changes).length > 0) await this.tags.update(manager, id, changes);
      }),
    );
    return this.get(owner, id);
  }

  async remove(owner: Principal, id: string, ifMatch?: string): Promise<void> {
    await this.tags.transaction(async (manager) => {
      const tag = await this.lockTag(manager, owner, id);
      assertIfMatch('tag', etagOf(toTagDto(tag)), ifMatch);
      await this.tags.delete(manager, id);
    });
  }

  /**
   * The tasks carrying the tag, as full task views (every feature's fields), in one statement;
   * a second one only when the page is empty, to tell an unknown tag (404) from an unused one.
   */
  async listTagTasks(owner: Principal, tagId: string, query: PageQueryDto): Promise<TaskViewPage> {
    const page = await this.tasks.listWhere(owner, {
      where: sql`EXISTS (SELECT 1 FROM task_tags link WHERE link.task_id = task.id AND link.tag_id = ${tagId})`,
      order: TAGGED_TASK_ORDER,
      cursor: query.cursor,
      scope: tagId,
      limit: query.limit,
    });
    if (page.size === 0 && !(await this.tags.exists(owner, tagId))) throw notFound('Tag', tagId);
    return page;
  }

  async listTaskTags(owner: Principal, taskId: string, query: PageQueryDto): Promise<Page<TagDto>> {
    const after = TASK_TAG_ORDER.decode(query.cursor, taskId);
    await this.tasks.require(owner, taskId);
    const rows = await this.tags.findPage(this.tags.autocommit, owner, {
      taskId,
      order: TASK_TAG_ORDER,
      after,
      limit: query.limit,
    });
    return tagPage(TASK_TAG_ORDER, rows, query.limit, taskId);
  }

  /**
   * Idempotent: attaching a tag the task already carries changes nothing. A tag that is not the
   * owner's (unknown, or another user's) is a 404 and nothing is linked.
   */
  async attachTag(owner: Principal, taskId: string, tagId: string): Promise<void> {
    await this.tasks.require(owner, taskId);
    let owned: number;
    try {
      owned = await this.taskTags.link(this.taskTags.autocommit, owner, taskId, [tagId]);
    } catch (error) {
      throw this.linkError(error, taskId, tagId);
    }
    if (owned === 0) throw notFound('Tag', tagId);
  }

  /** Idempotent: detaching a tag the task does not carry is not an error (both must exist). */
  async detachTag(owner: Principal, taskId: string, tagId: string): Promise<void> {
    await this.tasks.require(owner, taskId);
    // The owner's task links only the owner's tags: no other user's link can be removed here.
    const removed = await this.taskTags.unlink(taskId, tagId);
    if (!removed && !(await this.tags.exists(owner, tagId))) throw notFound('Tag', tagId);
  }

  /**
   * Get-or-create by name among the owner's tags, then attach, without a check-then-insert: the
   * database decides who creates the tag (`ON CONFLICT DO NOTHING` on the unique index), so any
   * number of concurrent calls with one new name create one tag and one link.
   */
  async attachTagByName(
    owner: Principal,
    taskId: string,
    input: AttachTagByNameDto,
  ): Promise<{ tag: Tagged<TagDto>; created: boolean }> {
    await this.tasks.require(owner, taskId);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const result = await this.getOrCreateAndLink(owner, taskId, input).catch((error: unknown) => {
        // The tag was deleted between being found and being linked: try again.
        if (missingLinkSide(error) === 'tag') return undefined;
        throw this.linkError(error, taskId);
      });
      if (result) {
        const location = result.created ? `/tags/${result.tag.id}` : undefined;
        return { tag: tagged(result.tag, location), created: result.created };
      }
    }
    throw new ProblemException(
      HttpStatus.CONFLICT,
      `The tag "${input.name}" kept being deleted while it was attached; retry.`,
      { type: problemType('conflict') },
    );
  }

  /** One try of `attachTagByName`: `undefined` if the tag vanished under it. */
  private getOrCreateAndLink(
    owner: Principal,
    taskId: string,
    input: AttachTagByNameDto,
  ): Promise<{ tag: TagWithCount; created: boolean } | undefined> {
    return this.tags.transaction(async (manager) => {
      const created = await this.tags.insertIfAbsent(manager, owner, {
        name: input.name,
        color: input.color ?? null,
      });
      const found = created ?? (await this.tags.findByName(manager, owner, input.name));
      if (!found) return undefined;
      await this.taskTags.link(manager, owner, taskId, [found.id]);
      const tag = await this.tags.findById(manager, owner, found.id);
      return tag ? { tag, created: created !== null } : undefined;
    });
  }

  /**
   * Replaces the task's whole set in one transaction; an unknown id (or another user's tag)
   * changes nothing.
   */
  async replaceTaskTags(
    owner: Principal,
    taskId: string,
    tagIds: readonly string[],
  ): Promise<Page<TagDto>> {
    const wanted = [...new Set(tagIds.map((id) => id.toLowerCase()))];
    const rows = await this.tags.transaction(async (manager) => {
      await this.tasks.requireLocked(manager, owner, taskId, 'key');
      const existing = new Set(await this.tags.lockExistingIds(manager, owner, wanted));
      const missing = wanted.filter((id) => !existing.has(id));
      if (missing.length > 0) throw unknownTags(missing);
      await this.taskTags.unlinkAllBut(manager, taskId, wanted);
      await this.taskTags.link(manager, owner, taskId, wanted);
      return this.tags.findPage(manager, owner, {
        taskId,
        order: TASK_TAG_ORDER,
        limit: MAX_TAGS_PER_REPLACE,
      });
    });
    return tagPage(TASK_TAG_ORDER, rows, MAX_TAGS_PER_REPLACE, taskId);
  }

  private async requireTag(owner: Principal, id: string): Promise<TagWithCount> {
    const tag = await this.tags.findById(this.tags.autocommit, owner, id);
    if (!tag) throw notFound('Tag', id);
    return tag;
  }

  /** Locks the owner's tag for the rest of the transaction and reads it with its count; 404 if gone. */
  private async lockTag(
    manager: EntityManager,
    owner: Principal,
    id: string,
  ): Promise<TagWithCount> {
    const locked = await this.tags.findForUpdate(manager, owner, id);
    const tag = locked && (await this.tags.findById(manager, owner, id));
    if (!tag) throw notFound('Tag', id);
    return tag;
  }

  /**
   * The one place where the unique index's refusal (SQLSTATE 23505) becomes a 409 naming the
   * owner's existing tag. If that tag is deleted before it can be named, the write is simply
   * retried.
   */
  private async refusingTakenName<T>(
    owner: Principal,
    name: string | undefined,
    write: () => Promise<T>,
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await write();
      } catch (error) {
        if (name === undefined || !isTagNameConflict(error)) throw error;
        const existing = await this.tags.findByName(this.tags.autocommit, owner, name);
        if (existing) throw tagNameConflict(existing.name, existing.id);
        if (attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /** A link refused by a foreign key: 404 for the side that does not exist. */
  private linkError(error: unknown, taskId: string, tagId?: string): unknown {
    const side = missingLinkSide(error);
    if (side === 'task') return notFound('Task', taskId);
    if (side === 'tag' && tagId) return notFound('Tag', tagId);
    return error;
  }
}

function tagPage(order: Keyset, rows: TagWithCount[], limit: number, scope?: string): Page<TagDto> {
  return order.page(rows, limit, toTagDto, (tag) => ({ value: tag.name, id: tag.id }), scope);
}

function unknownTags(ids: string[]): ProblemException {
  return new ProblemException(
    HttpStatus.NOT_FOUND,
    `${ids.length === 1 ? `Tag ${ids[0]} does` : `Tags ${ids.join(', ')} do`} not exist.`,
    { type: problemType('not-found'), missingIds: ids },
  );
}

/** Only the fields that really change; a rename in another case is a change. */
function changesOf(before: Tag, input: UpdateTagDto): TagChanges {
  const changes: TagChanges = {};
  if (input.name !== undefined && input.name !== before.name) changes.name = input.name;
  if (input.color !== undefined && input.color !== before.color) changes.color = input.color;
  return changes;
}
