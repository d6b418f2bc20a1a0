import { ProblemException, Task, TasksService, etagOf } from '@task-api/core';
import { EntityManager } from 'typeorm';
import { TAG_ORDER, TagWithCount, TagsRepository } from './tags.repository';
import { toTagDto } from './dto/tag.dto';
import { TagsService } from './tags.service';
import { TaskTagsRepository } from './task-tags.repository';

/** The manager a repository gives for statements outside any transaction. */
const AUTOCOMMIT = { autocommit: true } as unknown as EntityManager;

const TASK_ID = '11111111-1111-4111-8111-111111111111';
const TAG_ID = '22222222-2222-4222-8222-222222222222';
const OTHER_ID = '33333333-3333-4333-8333-333333333333';
/** Who asks: the service hands it to every repository call that reads or writes a tag. */
const OWNER = { userId: '44444444-4444-4444-8444-444444444444', administrator: false };

const aTag = (overrides: Partial<TagWithCount> = {}): TagWithCount => ({
  id: TAG_ID,
  ownerId: OWNER.userId,
  name: 'Urgent',
  color: '#e5484d',
  createdAt: new Date('2026-11-29T10:00:00.000Z'),
  updatedAt: new Date('2026-11-29T10:00:00.000Z'),
  taskCount: 0,
  ...overrides,
});

/** A driver error as pg reports it (TypeORM wraps it; `sqlState` walks the chain). */
const pgError = (code: string, constraint: string) =>
  Object.assign(new Error('driver message'), { driverError: { code, constraint } });
const nameTaken = () => pgError('23505', 'tags_owner_id_name_lower_key');

const newTagsRepositoryMock = (): jest.Mocked<TagsRepository> =>
  ({
    transaction: jest.fn(),
    autocommit: AUTOCOMMIT,
    insert: jest.fn(),
    insertIfAbsent: jest.fn(),
    findByName: jest.fn(),
    exists: jest.fn(),
    findById: jest.fn(),
    findPage: jest.fn(),
    findForUpdate: jest.fn(),
    update: jest.fn(),
    delete: jest.fn(),
    lockExistingIds: jest.fn(),
  }) as unknown as jest.Mocked<TagsRepository>;

const newTaskTagsRepositoryMock = (): jest.Mocked<TaskTagsRepository> =>
  ({
    autocommit: AUTOCOMMIT,
    link: jest.fn(),
    unlink: jest.fn(),
    unlinkAllBut: jest.fn(),
  }) as unknown as jest.Mocked<TaskTagsRepository>;

const newTasksServiceMock = (): jest.Mocked<
  Pick<TasksService, 'require' | 'requireLocked' | 'listWhere'>
> => ({
  require: jest.fn(),
  requireLocked: jest.fn(),
  listWhere: jest.fn(),
});

/** Resolves to the problem a call was refused with. */
async function problemOf(call: Promise<unknown>): Promise<ProblemException> {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof ProblemException)) throw new Error(`expected a problem, got ${error}`);
  return error;
}

describe(TagsService.name, () => {
  let sut: TagsService;
  let tags: jest.Mocked<TagsRepository>;
  let taskTags: jest.Mocked<TaskTagsRepository>;
  let tasks: ReturnType<typeof newTasksServiceMock>;
  const manager = {} as EntityManager;

  beforeEach(() => {
    tags = newTagsRepositoryMock();
    taskTags = newTaskTagsRepositoryMock();
    tasks = newTasksServiceMock();
    tags.transaction.mockImplementation((work) => work(manager) as never);
    tasks.require.mockResolvedValue({ id: TASK_ID } as Task);
    tasks.requireLocked.mockResolvedValue({ id: TASK_ID } as Task);
    taskTags.link.mockResolvedValue(1);
    sut = new TagsService(tags, taskTags, tasks as unknown as TasksService);
  });

  describe('createTag', () => {
    it('inserts the tag (no color means null) and returns it with no tasks and its ETag', async () => {
      const stored = aTag({ color: null });
      tags.insert.mockResolvedValue(stored);
      const result = await sut.create(OWNER, { name: 'Urgent' });
      expect(tags.insert).toHaveBeenCalledWith(OWNER, { name: 'Urgent', color: null });
      expect(result.body).toEqual(
        expect.objectContaining({ id: TAG_ID, name: 'Urgent', color: null, taskCount: 0 }),
      );
      expect(result.etag).toBe(etagOf(toTagDto({ ...stored, taskCount: 0 })));
      expect(result.location).toBe(`/tags/${TAG_ID}`);
    });

    it('turns the unique index refusal into a 409 naming the existing tag', async () => {
      tags.insert.mockRejectedValue(nameTaken());
      tags.findByName.mockResolvedValue(aTag({ id: OTHER_ID, name: 'urgent' }));
      const problem = await problemOf(sut.create(OWNER, { name: 'URGENT' }));
      expect(problem.getStatus()).toBe(409);
      expect(problem.extras.existingId).toBe(OTHER_ID);
      expect(tags.findByName).toHaveBeenCalledWith(AUTOCOMMIT, OWNER, 'URGENT');
    });

    it('retries when the clashing tag is deleted before it can be named', async () => {
      tags.insert.mockRejectedValueOnce(nameTaken()).mockResolvedValueOnce(aTag());
      tags.findByName.mockResolvedValue(null);
      await expect(sut.create(OWNER, { name: 'Urgent' })).resolves.toMatchObject({
        body: { id: TAG_ID },
      });
      expect(tags.insert).toHaveBeenCalledTimes(2);
    });

    it('lets other database errors through untouched', async () => {
      const failure = pgError('23514', 'tags_color_hex');
      tags.insert.mockRejectedValue(failure);
      await expect(sut.create(OWNER, { name: 'x' })).rejects.toBe(failure);
      expect(tags.findByName).not.toHaveBeenCalled();
    });
  });

  describe('updateTag', () => {
    it('is a 404 for an unknown tag', async () => {
      tags.findForUpdate.mockResolvedValue(null);
      expect((await problemOf(sut.update(OWNER, TAG_ID, { name: 'x' }))).getStatus()).toBe(404);
      expect(tags.update).not.toHaveBeenCalled();
    });

    it('writes only what changes, and nothing when nothing does', async () => {
      const before = aTag();
      tags.findForUpdate.mockResolvedValue(before);
      tags.findById.mockResolvedValue(before);
      await sut.update(OWNER, TAG_ID, { name: 'Urgent', color: '#e5484d' });
      expect(tags.update).not.toHaveBeenCalled();
      await sut.update(OWNER, TAG_ID, { name: 'URGENT', color: '#e5484d' });
      expect(tags.update).toHaveBeenCalledWith(manager, TAG_ID, { name: 'URGENT' });
      await sut.update(OWNER, TAG_ID, { color: null });
      expect(tags.update).toHaveBeenLastCalledWith(manager, TAG_ID, { color: null });
    });

    it('refuses a stale If-Match with 412 and accepts the current ETag or *', async () => {
      const before = aTag();
      tags.findForUpdate.mockResolvedValue(before);
      tags.findById.mockResolvedValue(before);
      const problem = await problemOf(sut.update(OWNER, TAG_ID, { name: 'x' }, '"stale"'));
      expect(problem.getStatus()).toBe(412);
      expect(tags.update).not.toHaveBeenCalled();
      await sut.update(OWNER, TAG_ID, { name: 'x' }, etagOf(toTagDto(before)));
      await sut.update(OWNER, TAG_ID, { name: 'y' }, '*');
      expect(tags.update).toHaveBeenCalledTimes(2);
    });

    it('answers 409 with the existing id when the new name is taken', async () => {
      tags.findForUpdate.mockResolvedValue(aTag());
      tags.findById.mockResolvedValue(aTag());
      tags.update.mockRejectedValue(nameTaken());
      tags.findByName.mockResolvedValue(aTag({ id: OTHER_ID, name: 'Home' }));
      const problem = await problemOf(sut.update(OWNER, TAG_ID, { name: 'home' }));
      expect(problem.getStatus()).toBe(409);
      expect(problem.extras.existingId).toBe(OTHER_ID);
    });
  });

  describe('attachTagByName', () => {
    it('creates the tag, links it and says it was created', async () => {
      const created = aTag();
      tags.insertIfAbsent.mockResolvedValue(created);
      tags.findById.mockResolvedValue({ ...created, taskCount: 1 });
      const result = await sut.attachTagByName(OWNER, TASK_ID, {
        name: 'Urgent',
        color: '#e5484d',
      });
      expect(result).toMatchObject({ created: true, tag: { body: { id: TAG_ID, taskCount: 1 } } });
      expect(result.tag.location).toBe(`/tags/${TAG_ID}`);
      expect(tags.insertIfAbsent).toHaveBeenCalledWith(manager, OWNER, {
        name: 'Urgent',
        color: '#e5484d',
      });
      expect(tags.findByName).not.toHaveBeenCalled();
      expect(taskTags.link).toHaveBeenCalledWith(manager, OWNER, TASK_ID, [TAG_ID]);
    });

    it('uses the existing tag when the insert did nothing', async () => {
      tags.insertIfAbsent.mockResolvedValue(null);
      tags.findByName.mockResolvedValue(aTag());
      tags.findById.mockResolvedValue(aTag({ taskCount: 4 }));
      const result = await sut.attachTagByName(OWNER, TASK_ID, { name: 'urgent' });
      expect(result).toMatchObject({
        created: false,
        tag: { body: { name: 'Urgent', taskCount: 4 }, location: undefined },
      });
      expect(tags.findByName).toHaveBeenCalledWith(manager, OWNER, 'urgent');
      expect(taskTags.link).toHaveBeenCalledWith(manager, OWNER, TASK_ID, [TAG_ID]);
    });

    it('tries again when the tag is deleted before it is linked', async () => {
      tags.insertIfAbsent.mockResolvedValue(null);
      tags.findByName.mockResolvedValue(aTag());
      taskTags.link
        .mockRejectedValueOnce(pgError('23503', 'FK_task_tags_tag'))
        .mockResolvedValueOnce(1);
      tags.findById.mockResolvedValue(aTag({ taskCount: 1 }));
      await expect(sut.attachTagByName(OWNER, TASK_ID, { name: 'urgent' })).resolves.toMatchObject({
        created: false,
      });
      expect(tags.transaction).toHaveBeenCalledTimes(2);
    });

    it('is a 404 when the task is gone, checked first or deleted meanwhile', async () => {
      tasks.require.mockRejectedValueOnce(new ProblemException(404, 'Task gone'));
      expect(
        (await problemOf(sut.attachTagByName(OWNER, TASK_ID, { name: 'x' }))).getStatus(),
      ).toBe(404);
      expect(tags.insertIfAbsent).not.toHaveBeenCalled();

      tags.insertIfAbsent.mockResolvedValue(aTag());
      taskTags.link.mockRejectedValue(pgError('23503', 'FK_task_tags_task'));
      const problem = await problemOf(sut.attachTagByName(OWNER, TASK_ID, { name: 'x' }));
      expect(problem.getStatus()).toBe(404);
      expect(problem.message).toContain(TASK_ID);
    });
  });

  describe('replaceTaskTags', () => {
    it('is a 404 naming the unknown ids, and changes nothing', async () => {
      tags.lockExistingIds.mockResolvedValue([TAG_ID]);
      const problem = await problemOf(sut.replaceTaskTags(OWNER, TASK_ID, [TAG_ID, OTHER_ID]));
      expect(problem.getStatus()).toBe(404);
      expect(problem.extras.missingIds).toEqual([OTHER_ID]);
      expect(taskTags.unlinkAllBut).not.toHaveBeenCalled();
      expect(taskTags.link).not.toHaveBeenCalled();
    });

    it('is a 404 for an unknown task', async () => {
      tasks.requireLocked.mockRejectedValue(new ProblemException(404, 'Task gone'));
      expect((await problemOf(sut.replaceTaskTags(OWNER, TASK_ID, []))).getStatus()).toBe(404);
      expect(tags.lockExistingIds).not.toHaveBeenCalled();
    });

    it('keeps each id once, in any case, and writes the set in one transaction', async () => {
      tags.lockExistingIds.mockResolvedValue([TAG_ID]);
      tags.findPage.mockResolvedValue([aTag({ taskCount: 1 })]);
      const page = await sut.replaceTaskTags(OWNER, TASK_ID, [TAG_ID, TAG_ID.toUpperCase()]);
      expect(tasks.requireLocked).toHaveBeenCalledWith(manager, OWNER, TASK_ID, 'key');
      expect(tags.lockExistingIds).toHaveBeenCalledWith(manager, OWNER, [TAG_ID]);
      expect(taskTags.unlinkAllBut).toHaveBeenCalledWith(manager, TASK_ID, [TAG_ID]);
      expect(taskTags.link).toHaveBeenCalledWith(manager, OWNER, TASK_ID, [TAG_ID]);
      expect(tags.transaction).toHaveBeenCalledTimes(1);
      expect(page).toEqual({ items: [expect.objectContaining({ id: TAG_ID })], nextCursor: null });
    });
  });

  describe('attachTag and detachTag', () => {
    it("attaching a tag that is not the owner's (unknown, or another user's) is a 404", async () => {
      taskTags.link.mockResolvedValue(0);
      const problem = await problemOf(sut.attachTag(OWNER, TASK_ID, OTHER_ID));
      expect(problem.getStatus()).toBe(404);
      expect(problem.message).toContain(OTHER_ID);
      expect(taskTags.link).toHaveBeenCalledWith(AUTOCOMMIT, OWNER, TASK_ID, [OTHER_ID]);
    });

    it('attaching a tag deleted meanwhile is a 404 from the foreign key', async () => {
      taskTags.link.mockRejectedValue(pgError('23503', 'FK_task_tags_tag'));
      const problem = await problemOf(sut.attachTag(OWNER, TASK_ID, OTHER_ID));
      expect(problem.getStatus()).toBe(404);
      expect(problem.message).toContain(OTHER_ID);
    });

    it('detaching is idempotent for a known tag and a 404 for an unknown one', async () => {
      taskTags.unlink.mockResolvedValue(false);
      tags.exists.mockResolvedValueOnce(true).mockResolvedValueOnce(false);
      await expect(sut.detachTag(OWNER, TASK_ID, TAG_ID)).resolves.toBeUndefined();
      expect((await problemOf(sut.detachTag(OWNER, TASK_ID, OTHER_ID))).getStatus()).toBe(404);
    });
  });

  describe('listTags', () => {
    it('refuses a cursor it did not make with a 400', async () => {
      const problem = await problemOf(sut.list(OWNER, { limit: 50, cursor: 'bm9wZQ' }));
      expect(problem.getStatus()).toBe(400);
      expect(tags.findPage).not.toHaveBeenCalled();
    });

    it('fetches one more than the page to know whether another follows', async () => {
      tags.findPage.mockResolvedValue([aTag({ name: 'a' }), aTag({ name: 'b', id: OTHER_ID })]);
      const page = await sut.list(OWNER, { limit: 1, q: 'A' });
      expect(tags.findPage).toHaveBeenCalledWith(AUTOCOMMIT, OWNER, {
        prefix: 'A',
        order: TAG_ORDER,
        after: undefined,
        limit: 1,
      });
      expect(page.items.map((tag) => tag.name)).toEqual(['a']);
      await sut.list(OWNER, { limit: 1, cursor: page.nextCursor! });
      expect(tags.findPage).toHaveBeenLastCalledWith(AUTOCOMMIT, OWNER, {
        prefix: undefined,
        order: TAG_ORDER,
        after: { value: 'a', id: TAG_ID },
        limit: 1,
      });
    });
  });
});
