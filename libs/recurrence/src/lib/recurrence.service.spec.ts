import { ProblemException, Task, TasksService } from '@task-api/core';
import { EntityManager } from 'typeorm';
import { Recurrence } from './recurrence.entity';
import { RecurrenceRepository } from './recurrence.repository';
import { RecurrenceService, etagOfRecurrence } from './recurrence.service';

const TASK_ID = '11111111-1111-4111-8111-111111111111';
const ITEM_ID = '22222222-2222-4222-8222-222222222222';
const OTHER_ID = '33333333-3333-4333-8333-333333333333';

const aRecurrence = (overrides: Partial<Recurrence> = {}): Recurrence =>
  Object.assign(new Recurrence(), {
    id: ITEM_ID,
    taskId: TASK_ID,
    body: 'First draft',
    createdAt: new Date('2026-11-29T10:00:00.000Z'),
    updatedAt: new Date('2026-11-29T10:00:00.000Z'),
    ...overrides,
  });

/** A driver error as pg reports it (TypeORM wraps it; `sqlState` walks the chain). */
const missingTaskError = () =>
  Object.assign(new Error('driver message'), {
    driverError: { code: '23503', constraint: 'FK_recurrence_task' },
  });

const newRecurrenceRepositoryMock = (): jest.Mocked<RecurrenceRepository> =>
  ({
    transaction: jest.fn(),
    insert: jest.fn(),
    findById: jest.fn(),
    findForUpdate: jest.fn(),
    findPage: jest.fn(),
    update: jest.fn(),
    delete: jest.fn(),
  }) as unknown as jest.Mocked<RecurrenceRepository>;

const newTasksServiceMock = (): jest.Mocked<Pick<TasksService, 'require'>> => ({
  require: jest.fn(),
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

describe(RecurrenceService.name, () => {
  let sut: RecurrenceService;
  let recurrence: jest.Mocked<RecurrenceRepository>;
  let tasks: ReturnType<typeof newTasksServiceMock>;
  const manager = {} as EntityManager;

  beforeEach(() => {
    recurrence = newRecurrenceRepositoryMock();
    tasks = newTasksServiceMock();
    recurrence.transaction.mockImplementation((work) => work(manager) as never);
    tasks.require.mockResolvedValue({ id: TASK_ID } as Task);
    sut = new RecurrenceService(recurrence, tasks as unknown as TasksService);
  });

  describe('createRecurrence', () => {
    it('inserts it for the task and returns its view with its ETag', async () => {
      const stored = aRecurrence();
      recurrence.insert.mockResolvedValue(stored);
      await expect(sut.createRecurrence(TASK_ID, { body: 'First draft' })).resolves.toEqual({
        recurrence: {
          id: ITEM_ID,
          taskId: TASK_ID,
          body: 'First draft',
          createdAt: '2026-11-29T10:00:00.000Z',
          updatedAt: '2026-11-29T10:00:00.000Z',
        },
        etag: etagOfRecurrence(stored),
      });
      expect(recurrence.insert).toHaveBeenCalledWith({ taskId: TASK_ID, body: 'First draft' });
    });

    it('is a 404 for an unknown task, and inserts nothing', async () => {
      tasks.require.mockRejectedValue(new ProblemException(404, 'Task gone'));
      expect((await problemOf(sut.createRecurrence(TASK_ID, { body: 'x' }))).getStatus()).toBe(404);
      expect(recurrence.insert).not.toHaveBeenCalled();
    });

    it('is a 404 when the task is deleted between the check and the insert', async () => {
      recurrence.insert.mockRejectedValue(missingTaskError());
      const problem = await problemOf(sut.createRecurrence(TASK_ID, { body: 'x' }));
      expect(problem.getStatus()).toBe(404);
      expect(problem.message).toContain(TASK_ID);
    });

    it('lets other database errors through untouched', async () => {
      const failure = new Error('connection reset');
      recurrence.insert.mockRejectedValue(failure);
      await expect(sut.createRecurrence(TASK_ID, { body: 'x' })).rejects.toBe(failure);
    });
  });

  describe('updateRecurrence', () => {
    it('is a 404 for an unknown id', async () => {
      recurrence.findForUpdate.mockResolvedValue(null);
      expect((await problemOf(sut.updateRecurrence(ITEM_ID, { body: 'x' }))).getStatus()).toBe(404);
      expect(recurrence.update).not.toHaveBeenCalled();
    });

    it('writes only a real change', async () => {
      const before = aRecurrence();
      recurrence.findForUpdate.mockResolvedValue(before);
      recurrence.update.mockResolvedValue(aRecurrence({ body: 'Second draft' }));
      await sut.updateRecurrence(ITEM_ID, { body: 'First draft' });
      await sut.updateRecurrence(ITEM_ID, {});
      expect(recurrence.update).not.toHaveBeenCalled();
      const result = await sut.updateRecurrence(ITEM_ID, { body: 'Second draft' });
      expect(recurrence.update).toHaveBeenCalledWith(manager, ITEM_ID, { body: 'Second draft' });
      expect(result.recurrence.body).toBe('Second draft');
    });

    it('refuses a stale If-Match with 412 and accepts the current ETag or *', async () => {
      const before = aRecurrence();
      recurrence.findForUpdate.mockResolvedValue(before);
      recurrence.update.mockResolvedValue(before);
      const problem = await problemOf(sut.updateRecurrence(ITEM_ID, { body: 'x' }, '"stale"'));
      expect(problem.getStatus()).toBe(412);
      expect(recurrence.update).not.toHaveBeenCalled();
      await sut.updateRecurrence(ITEM_ID, { body: 'x' }, etagOfRecurrence(before));
      await sut.updateRecurrence(ITEM_ID, { body: 'y' }, '*');
      expect(recurrence.update).toHaveBeenCalledTimes(2);
    });
  });

  describe('deleteRecurrence', () => {
    it('deletes inside the transaction that checked it, and is a 404 for an unknown id', async () => {
      recurrence.findForUpdate.mockResolvedValueOnce(aRecurrence()).mockResolvedValueOnce(null);
      await sut.deleteRecurrence(ITEM_ID);
      expect(recurrence.delete).toHaveBeenCalledWith(manager, ITEM_ID);
      expect((await problemOf(sut.deleteRecurrence(OTHER_ID))).getStatus()).toBe(404);
      expect(recurrence.delete).toHaveBeenCalledTimes(1);
    });
  });

  describe('listRecurrence', () => {
    it('refuses a cursor it did not make with a 400', async () => {
      const problem = await problemOf(
        sut.listRecurrence({ limit: 50, cursor: 'eyJpZCI6MX0.AAAAAAAAAAAAAAAA' }),
      );
      expect(problem.getStatus()).toBe(400);
      expect(recurrence.findPage).not.toHaveBeenCalled();
    });

    it('fetches one more than the page to know whether another follows', async () => {
      const newest = aRecurrence({ createdAt: new Date('2026-11-29T10:00:02.000Z') });
      recurrence.findPage.mockResolvedValue([newest, aRecurrence({ id: OTHER_ID })]);
      const page = await sut.listRecurrence({ limit: 1, taskId: TASK_ID });
      expect(recurrence.findPage).toHaveBeenCalledWith({
        taskId: TASK_ID,
        after: undefined,
        limit: 1,
      });
      expect(page.items.map((item) => item.id)).toEqual([ITEM_ID]);
      await sut.listRecurrence({ limit: 1, taskId: TASK_ID, cursor: page.nextCursor! });
      expect(recurrence.findPage).toHaveBeenLastCalledWith({
        taskId: TASK_ID,
        after: { value: String(Date.parse('2026-11-29T10:00:02.000Z')), id: ITEM_ID },
        limit: 1,
      });
    });

    it("is a 404 for an unknown task's list", async () => {
      tasks.require.mockRejectedValue(new ProblemException(404, 'Task gone'));
      expect((await problemOf(sut.listTaskRecurrence(TASK_ID, { limit: 50 }))).getStatus()).toBe(
        404,
      );
      expect(recurrence.findPage).not.toHaveBeenCalled();
    });
  });
});
