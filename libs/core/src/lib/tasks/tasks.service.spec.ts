import { DiscoveryService } from '@nestjs/core';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import { EntityManager } from 'typeorm';
import { TaskExtensions } from '../extension/task-extensions';
import { etagOfJson } from '../http/etag';
import { ProblemException } from '../http/problem';
import { sql } from '../query/sql';
import { Task } from './task.entity';
import { TASK_ORDERS, TaskViewRow, TasksRepository } from './tasks.repository';
import { TasksService } from './tasks.service';

/** The manager a repository gives for statements outside any transaction. */
const AUTOCOMMIT = { autocommit: true } as unknown as EntityManager;

const manager = {} as EntityManager;
/** Who asks: every call of the service names it, and hands it to the repository. */
const OWNER = { userId: '5d1f8c2e-7a4b-4c3d-9e8f-0a1b2c3d4e5f', administrator: false };

function aTask(overrides: Partial<Task> = {}): Task {
  return Object.assign(new Task(), {
    id: '0b6f2a8e-3c1d-4e5f-9a7b-1c2d3e4f5a6b',
    title: 'Renew passport',
    description: null,
    status: 'todo',
    priority: 'normal',
    dueAt: null,
    completedAt: null,
    createdAt: new Date('2026-11-29T10:00:00Z'),
    updatedAt: new Date('2026-11-29T10:00:00Z'),
    version: 3,
    ...overrides,
  });
}

const aRow = (version = 3): TaskViewRow => ({ id: aTask().id, view: `{"version":${version}}` });
/** A task as the repository locks or writes it: the entity and its view. */
const withView = (task: Task) => ({ task, view: `{"version":${task.version}}` });

function newRepositoryMock(): jest.Mocked<TasksRepository> {
  return {
    transaction: jest.fn((work: (m: EntityManager) => Promise<unknown>) => work(manager)),
    insert: jest.fn(),
    findById: jest.fn(),
    findView: jest.fn(async () => aRow()),
    autocommit: AUTOCOMMIT,
    findViewPage: jest.fn(async () => []),
    conditionsOf: jest.fn(() => []),
    findForUpdate: jest.fn(),
    update: jest.fn(),
    delete: jest.fn(),
  } as unknown as jest.Mocked<TasksRepository>;
}

/** Extensions as discovery finds them: each contribution with its order. */
function extensionsOf(...contributions: [object, number][]): TaskExtensions {
  const discovery = {
    getProviders: () =>
      contributions.map(([instance, order]) => ({
        instance,
        order,
        metatype: instance.constructor,
      })),
    getMetadataByDecorator: (_: unknown, wrapper: { order: number }) => ({ order: wrapper.order }),
  } as unknown as DiscoveryService;
  const extensions = new TaskExtensions(discovery);
  extensions.onModuleInit();
  return extensions;
}

class LabelFilter {
  @ApiPropertyOptional({ type: String })
  @IsString()
  label?: string;
}

class StatusFilter {
  @ApiPropertyOptional({ type: String })
  @IsString()
  status?: string;
}

describe(TasksService.name, () => {
  let sut: TasksService;
  let repository: jest.Mocked<TasksRepository>;
  let extensions: TaskExtensions;

  beforeEach(() => {
    repository = newRepositoryMock();
    extensions = extensionsOf();
    sut = new TasksService(repository, extensions);
  });

  describe('create', () => {
    it('applies the defaults and sets completedAt only for a task created done', async () => {
      repository.insert.mockResolvedValue(aRow(1));
      await sut.create(OWNER, { title: 'a' });
      expect(repository.insert).toHaveBeenLastCalledWith(
        OWNER,
        expect.objectContaining({
          status: 'todo',
          priority: 'normal',
          completedAt: null,
          dueAt: null,
        }),
      );
      await sut.create(OWNER, { title: 'b', status: 'done' });
      expect(repository.insert.mock.calls[1][1].completedAt).toBeInstanceOf(Date);
    });
  });

  describe('update', () => {
    it('writes only the changed fields and answers the view it wrote, with its ETag', async () => {
      repository.findForUpdate.mockResolvedValue(withView(aTask()));
      repository.update.mockResolvedValue(withView(aTask({ priority: 'high', version: 4 })));
      const result = await sut.update(OWNER, aTask().id, {
        title: 'Renew passport',
        priority: 'high',
      });
      expect(repository.findForUpdate).toHaveBeenCalledWith(manager, OWNER, aTask().id);
      expect(repository.update).toHaveBeenCalledWith(manager, aTask().id, { priority: 'high' });
      expect(result.body.json).toBe('{"version":4}');
      expect(result.etag).toBe(etagOfJson('{"version":4}'));
      // No listener watches priority: the statement that wrote it gave the view.
      expect(repository.findView).not.toHaveBeenCalled();
    });

    it('writes nothing when nothing changes, and answers the current view', async () => {
      repository.findForUpdate.mockResolvedValue(withView(aTask()));
      const result = await sut.update(OWNER, aTask().id, { title: 'Renew passport' });
      expect(repository.update).not.toHaveBeenCalled();
      expect(result.body.json).toBe('{"version":3}');
    });

    it('sets completedAt entering done and clears it leaving done', async () => {
      repository.findForUpdate.mockResolvedValueOnce(withView(aTask()));
      repository.update.mockResolvedValue(withView(aTask()));
      await sut.update(OWNER, aTask().id, { status: 'done' });
      expect(repository.update.mock.calls[0][2]).toEqual({
        status: 'done',
        completedAt: expect.any(Date),
      });

      repository.findForUpdate.mockResolvedValueOnce(
        withView(aTask({ status: 'done', completedAt: new Date() })),
      );
      await sut.update(OWNER, aTask().id, { status: 'todo' });
      expect(repository.update.mock.calls[1][2]).toEqual({ status: 'todo', completedAt: null });
    });

    it('checks If-Match against the ETag of the whole current view, before writing', async () => {
      repository.findForUpdate.mockResolvedValue(withView(aTask({ version: 3 })));
      await expect(sut.update(OWNER, aTask().id, { title: 'x' }, '"stale"')).rejects.toMatchObject({
        status: 412,
      });
      expect(repository.update).not.toHaveBeenCalled();
      repository.update.mockResolvedValue(withView(aTask({ version: 4 })));
      const current = etagOfJson('{"version":3}');
      for (const ifMatch of [current, `"x", ${current}`, '*']) {
        await expect(
          sut.update(OWNER, aTask().id, { title: `t ${ifMatch}` }, ifMatch),
        ).resolves.toMatchObject({ etag: etagOfJson('{"version":4}') });
      }
    });

    it('answers 404 for a missing task', async () => {
      repository.findForUpdate.mockResolvedValue(undefined);
      await expect(sut.update(OWNER, aTask().id, { title: 'x' })).rejects.toBeInstanceOf(
        ProblemException,
      );
      await expect(sut.update(OWNER, aTask().id, { title: 'x' })).rejects.toMatchObject({
        status: 404,
      });
    });

    it('tells the listeners watching a changed property the task before and after, in order, then reads the view again', async () => {
      const before = aTask();
      const after = aTask({ title: 'new', version: 4 });
      repository.findForUpdate.mockResolvedValue(withView(before));
      repository.update.mockResolvedValue(withView(after));
      repository.findView.mockResolvedValue({ id: before.id, view: '{"after":"listeners"}' });
      const calls: string[] = [];
      const listener = (name: string, watches: (keyof Task)[]) => ({
        watches,
        onTaskUpdated: jest.fn(async () => void calls.push(name)),
      });
      const second = listener('second', ['title']);
      const first = listener('first', ['title', 'status']);
      const unconcerned = listener('unconcerned', ['dueAt']);
      sut = new TasksService(repository, extensionsOf([second, 20], [unconcerned, 5], [first, 10]));
      const result = await sut.update(OWNER, before.id, { title: 'new' });
      expect(calls).toEqual(['first', 'second']);
      expect(first.onTaskUpdated).toHaveBeenCalledWith(manager, { before, after });
      expect(unconcerned.onTaskUpdated).not.toHaveBeenCalled();
      expect(repository.findView).toHaveBeenCalledWith(manager, OWNER, before.id);
      expect(result.body.json).toBe('{"after":"listeners"}');
    });
    it('lets amenders amend the change in order before the one write; listeners see the final change', async () => {
      const before = aTask();
      repository.findForUpdate.mockResolvedValue(withView(before));
      repository.update.mockImplementation(async (_m, _id, changes) => withView(aTask(changes)));
      repository.findView.mockResolvedValue({ id: before.id, view: '{"after":"listeners"}' });
      const amender = (watches: (keyof Task)[], amend: (changes: object) => object) => ({
        watches,
        amendTaskUpdate: jest.fn(async (_m: unknown, _b: unknown, changes: object) =>
          amend(changes),
        ),
      });
      // Ordered after the first, it sees the priority the first one added.
      const second = amender(['priority'], (changes) => ({ ...changes, description: 'escalated' }));
      const first = amender(['title'], (changes) => ({ ...changes, priority: 'urgent' }));
      const onTaskUpdated = jest.fn().mockResolvedValue(undefined);
      sut = new TasksService(
        repository,
        extensionsOf([second, 20], [first, 10], [{ watches: ['description'], onTaskUpdated }, 30]),
      );
      await sut.update(OWNER, before.id, { title: 'new' });
      const final: Partial<Task> = { title: 'new', priority: 'urgent', description: 'escalated' };
      expect(repository.update).toHaveBeenCalledTimes(1);
      expect(repository.update).toHaveBeenCalledWith(manager, before.id, final);
      expect(onTaskUpdated).toHaveBeenCalledWith(manager, { before, after: aTask(final) });
    });

    it('writes nothing when the amended change equals the task as it was', async () => {
      const before = aTask();
      repository.findForUpdate.mockResolvedValue(withView(before));
      repository.findView.mockResolvedValue({ id: before.id, view: '{"amended":"elsewhere"}' });
      const undo = {
        watches: ['title'] as (keyof Task)[],
        amendTaskUpdate: jest.fn(async () => ({ title: before.title })),
      };
      sut = new TasksService(repository, extensionsOf([undo, 1]));
      const result = await sut.update(OWNER, before.id, { title: 'new' });
      expect(undo.amendTaskUpdate).toHaveBeenCalled();
      expect(repository.update).not.toHaveBeenCalled();
      // The amender may have written its own rows: the view is read again.
      expect(result.body.json).toBe('{"amended":"elsewhere"}');
    });
  });

  describe('remove', () => {
    it('tells listeners, then deletes', async () => {
      const task = aTask();
      repository.findForUpdate.mockResolvedValue(withView(task));
      const onTaskDeleted = jest.fn().mockResolvedValue(undefined);
      sut = new TasksService(repository, extensionsOf([{ watches: [], onTaskDeleted }, 1]));
      await sut.remove(OWNER, task.id);
      expect(repository.findForUpdate).toHaveBeenCalledWith(manager, OWNER, task.id);
      expect(onTaskDeleted).toHaveBeenCalledWith(manager, task);
      expect(repository.delete).toHaveBeenCalledWith(manager, task.id);
    });
  });

  describe('extensions', () => {
    it('refuses a feature filter that claims a core parameter or another feature’s', () => {
      const filter = (parameters: new () => object) => ({ parameters, where: jest.fn() });
      expect(() => extensionsOf([filter(StatusFilter), 1])).toThrow(/"status" is registered twice/);
      expect(() => extensionsOf([filter(LabelFilter), 1], [filter(LabelFilter), 2])).toThrow(
        /"label" is registered twice/,
      );
    });
  });

  describe('list', () => {
    it('hands feature parameters, validated, to their filter and validates the rest itself', async () => {
      const condition = sql`label = ${'home'}`;
      const where = jest.fn(() => condition);
      sut = new TasksService(repository, extensionsOf([{ parameters: LabelFilter, where }, 1]));
      const page = await sut.list(OWNER, { label: 'home', status: 'todo' });
      expect(JSON.parse(page.json)).toEqual({ items: [], nextCursor: null });
      expect(where).toHaveBeenCalledWith(expect.objectContaining({ label: 'home' }), OWNER);
      expect(repository.conditionsOf).toHaveBeenCalledWith(
        expect.objectContaining({ statuses: ['todo'] }),
      );
      expect(repository.findViewPage).toHaveBeenCalledWith(OWNER, {
        where: [condition],
        order: TASK_ORDERS['-createdAt'],
        after: undefined,
        limit: 50,
      });
      await expect(sut.list(OWNER, { owner: 'me' })).rejects.toMatchObject({ status: 400 });
      await expect(sut.list(OWNER, { label: 42 })).rejects.toMatchObject({ status: 400 });
    });

    it('makes the next cursor from the last row PostgreSQL gave', async () => {
      const id = aTask().id;
      repository.findViewPage.mockResolvedValue([
        { view: '{"n":1}', cursor_value: '1000', id },
        { view: '{"n":2}', cursor_value: '2000', id },
      ]);
      const page = JSON.parse((await sut.list(OWNER, { limit: '1' })).json);
      expect(page.items).toEqual([{ n: 1 }]);
      expect(TASK_ORDERS['-createdAt'].decode(page.nextCursor)).toEqual({ value: '1000', id });
    });
  });
});
