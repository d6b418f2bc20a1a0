import { EntityManager } from 'typeorm';
import { TaskExtensions } from '../extension/task-extensions';
import { ProblemException } from '../http/problem';
import { Task } from './task.entity';
import { TASK_ORDERS, TasksRepository } from './tasks.repository';
import { TasksService } from './tasks.service';

const manager = {} as EntityManager;

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

function newRepositoryMock(): jest.Mocked<TasksRepository> {
  return {
    transaction: jest.fn((work: (m: EntityManager) => Promise<unknown>) => work(manager)),
    insert: jest.fn(),
    findById: jest.fn(),
    findForUpdate: jest.fn(),
    update: jest.fn(),
    delete: jest.fn(),
    findPage: jest.fn(),
    manager,
  } as unknown as jest.Mocked<TasksRepository>;
}

describe(TasksService.name, () => {
  let sut: TasksService;
  let repository: jest.Mocked<TasksRepository>;
  let extensions: TaskExtensions;

  beforeEach(() => {
    repository = newRepositoryMock();
    extensions = new TaskExtensions();
    sut = new TasksService(repository, extensions);
  });

  describe('create', () => {
    it('applies the defaults and sets completedAt only for a task created done', async () => {
      repository.insert.mockImplementation(async (task) => aTask({ ...task, version: 1 }));
      await sut.create({ title: 'a' });
      expect(repository.insert).toHaveBeenLastCalledWith(
        expect.objectContaining({
          status: 'todo',
          priority: 'normal',
          completedAt: null,
          dueAt: null,
        }),
      );
      await sut.create({ title: 'b', status: 'done' });
      expect(repository.insert.mock.calls[1][0].completedAt).toBeInstanceOf(Date);
    });
  });

  describe('update', () => {
    it('writes only the changed fields and derives the ETag from the new version', async () => {
      repository.findForUpdate.mockResolvedValue(aTask());
      repository.update.mockResolvedValue(aTask({ priority: 'high', version: 4 }));
      const result = await sut.update(aTask().id, { title: 'Renew passport', priority: 'high' });
      expect(repository.update).toHaveBeenCalledWith(manager, aTask().id, { priority: 'high' });
      expect(result.etag).toBe('"4"');
    });

    it('sets completedAt entering done and clears it leaving done', async () => {
      repository.findForUpdate.mockResolvedValueOnce(aTask());
      repository.update.mockResolvedValue(aTask());
      await sut.update(aTask().id, { status: 'done' });
      expect(repository.update.mock.calls[0][2]).toEqual({
        status: 'done',
        completedAt: expect.any(Date),
      });

      repository.findForUpdate.mockResolvedValueOnce(
        aTask({ status: 'done', completedAt: new Date() }),
      );
      await sut.update(aTask().id, { status: 'todo' });
      expect(repository.update.mock.calls[1][2]).toEqual({ status: 'todo', completedAt: null });
    });

    it('refuses a stale If-Match with 412 before writing', async () => {
      repository.findForUpdate.mockResolvedValue(aTask({ version: 3 }));
      await expect(sut.update(aTask().id, { title: 'x' }, '"2"')).rejects.toMatchObject({
        status: 412,
      });
      expect(repository.update).not.toHaveBeenCalled();
    });

    it('accepts the current ETag, a list containing it, and *', async () => {
      repository.findForUpdate.mockResolvedValue(aTask({ version: 3 }));
      repository.update.mockResolvedValue(aTask({ version: 4 }));
      for (const ifMatch of ['"3"', '"1", "3"', '*']) {
        await expect(
          sut.update(aTask().id, { title: `t ${ifMatch}` }, ifMatch),
        ).resolves.toMatchObject({ etag: '"4"' });
      }
    });

    it('answers 404 for a missing task', async () => {
      repository.findForUpdate.mockResolvedValue(null);
      await expect(sut.update(aTask().id, { title: 'x' })).rejects.toBeInstanceOf(ProblemException);
      await expect(sut.update(aTask().id, { title: 'x' })).rejects.toMatchObject({ status: 404 });
    });

    it('tells change listeners the task before and after, in the transaction', async () => {
      const before = aTask();
      const after = aTask({ title: 'new', version: 4 });
      repository.findForUpdate.mockResolvedValue(before);
      repository.update.mockResolvedValue(after);
      const onTaskUpdated = jest.fn().mockResolvedValue(undefined);
      extensions.addChangeListener({ onTaskUpdated });
      await sut.update(before.id, { title: 'new' });
      expect(onTaskUpdated).toHaveBeenCalledWith({ before, after }, manager);
    });
  });

  describe('remove', () => {
    it('tells listeners, then deletes', async () => {
      const task = aTask();
      repository.findForUpdate.mockResolvedValue(task);
      const onTaskDeleted = jest.fn().mockResolvedValue(undefined);
      extensions.addChangeListener({ onTaskDeleted });
      await sut.remove(task.id);
      expect(onTaskDeleted).toHaveBeenCalledWith(task, manager);
      expect(repository.delete).toHaveBeenCalledWith(manager, task.id);
    });
  });

  describe('extensions', () => {
    it('refuses a feature filter that claims a core parameter or another feature’s', () => {
      const filter = (name: string) => ({
        parameters: [{ name, description: '', schema: {} }],
        apply: jest.fn(),
      });
      expect(() => extensions.addListFilter(filter('status'))).toThrow(
        /"status" is registered twice/,
      );
      extensions.addListFilter(filter('label'));
      expect(() => extensions.addListFilter(filter('label'))).toThrow(
        /"label" is registered twice/,
      );
    });
  });

  describe('list', () => {
    it('hands feature parameters to their filter and validates the rest itself', async () => {
      repository.findPage.mockImplementation(async (_criteria, extend) => {
        await extend({} as never);
        return [];
      });
      const apply = jest.fn();
      extensions.addListFilter({
        parameters: [{ name: 'label', description: '', schema: {} }],
        apply,
      });
      await expect(sut.list({ label: 'home', status: 'todo' })).resolves.toEqual({
        items: [],
        nextCursor: null,
      });
      expect(apply).toHaveBeenCalledWith({ label: 'home' }, {});
      expect(repository.findPage.mock.calls[0][0]).toMatchObject({
        statuses: ['todo'],
        limit: 50,
        order: TASK_ORDERS['-createdAt'],
      });
      await expect(sut.list({ owner: 'me' })).rejects.toMatchObject({ status: 400 });
    });
  });
});
