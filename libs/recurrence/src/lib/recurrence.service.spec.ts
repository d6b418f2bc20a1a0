import { ProblemException, Task, TasksService } from '@task-api/core';
import { EntityManager } from 'typeorm';
import { Recurrence } from './recurrence.entity';
import { RecurrenceRepository } from './recurrence.repository';
import { RecurrenceService } from './recurrence.service';

const TASK_ID = '11111111-1111-4111-8111-111111111111';
/** Who asks: the task is required under it. */
const OWNER = { userId: '5d1f8c2e-7a4b-4c3d-9e8f-0a1b2c3d4e5f', administrator: false };
const DUE = new Date('2027-01-04T08:00:00.000Z'); // Monday 09:00 Europe/Berlin

const aTask = (overrides: Partial<Task> = {}): Task =>
  Object.assign(new Task(), {
    id: TASK_ID,
    status: 'todo',
    dueAt: DUE,
    completedAt: null,
    ...overrides,
  });
const aRecurrence = (overrides: Partial<Recurrence> = {}): Recurrence =>
  Object.assign(new Recurrence(), {
    taskId: TASK_ID,
    rule: 'FREQ=WEEKLY;BYDAY=MO,TH',
    timezone: 'Europe/Berlin',
    startsAt: DUE,
    nextDueAt: new Date('2027-01-07T08:00:00.000Z'),
    version: 1,
    ...overrides,
  });

const newRepositoryMock = (): jest.Mocked<RecurrenceRepository> =>
  ({
    transaction: jest.fn(),
    findView: jest.fn(),
    findForUpdate: jest.fn(),
    upsert: jest.fn(),
    setNextDueAt: jest.fn(),
    appendCompletion: jest.fn(),
    delete: jest.fn(),
    findHistoryPage: jest.fn(),
  }) as unknown as jest.Mocked<RecurrenceRepository>;

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
  let recurrences: jest.Mocked<RecurrenceRepository>;
  let tasks: jest.Mocked<Pick<TasksService, 'require'>>;
  const manager = {} as EntityManager;

  beforeEach(() => {
    recurrences = newRepositoryMock();
    tasks = { require: jest.fn().mockResolvedValue(aTask()) };
    recurrences.transaction.mockImplementation((work) => work(manager) as never);
    sut = new RecurrenceService(recurrences, tasks as unknown as TasksService);
  });

  describe('amendTaskUpdate', () => {
    const completedAt = new Date('2027-01-04T10:00:00.000Z');

    it('turns done into the next occurrence, records the completion and the next one after', async () => {
      recurrences.findForUpdate.mockResolvedValue(aRecurrence());
      const amended = await sut.amendTaskUpdate(manager, aTask(), { status: 'done', completedAt });
      const thursday = new Date('2027-01-07T08:00:00.000Z');
      expect(amended).toEqual({ status: 'todo', completedAt: null, dueAt: thursday });
      expect(recurrences.appendCompletion).toHaveBeenCalledWith(manager, {
        taskId: TASK_ID,
        dueAt: DUE,
        completedAt,
      });
      expect(recurrences.setNextDueAt).toHaveBeenCalledWith(
        manager,
        TASK_ID,
        new Date('2027-01-11T08:00:00.000Z'),
      );
    });

    it('leaves the task done when the rule has no further occurrence', async () => {
      recurrences.findForUpdate.mockResolvedValue(aRecurrence({ rule: 'FREQ=DAILY;COUNT=1' }));
      const changes = { status: 'done' as const, completedAt };
      expect(await sut.amendTaskUpdate(manager, aTask(), changes)).toBe(changes);
      expect(recurrences.appendCompletion).toHaveBeenCalledTimes(1);
      expect(recurrences.setNextDueAt).not.toHaveBeenCalled();
    });

    it('keeps nextDueAt current when the due date is moved', async () => {
      recurrences.findForUpdate.mockResolvedValue(aRecurrence());
      const friday = new Date('2027-01-08T08:00:00.000Z');
      await sut.amendTaskUpdate(manager, aTask(), { dueAt: friday });
      expect(recurrences.setNextDueAt).toHaveBeenCalledWith(
        manager,
        TASK_ID,
        new Date('2027-01-11T08:00:00.000Z'),
      );
      expect(recurrences.appendCompletion).not.toHaveBeenCalled();
    });

    it('refuses to remove the due date of a recurring task (422 naming dueAt)', async () => {
      recurrences.findForUpdate.mockResolvedValue(aRecurrence());
      const problem = await problemOf(sut.amendTaskUpdate(manager, aTask(), { dueAt: null }));
      expect(problem.getStatus()).toBe(422);
      expect(recurrences.setNextDueAt).not.toHaveBeenCalled();
    });

    it('leaves the change of a task without a recurrence alone', async () => {
      recurrences.findForUpdate.mockResolvedValue(null);
      const changes = { status: 'done' as const, completedAt };
      expect(await sut.amendTaskUpdate(manager, aTask(), changes)).toBe(changes);
      expect(recurrences.appendCompletion).not.toHaveBeenCalled();
    });
  });

  describe('put', () => {
    it('is a 422 for a task without a due date, and writes nothing', async () => {
      tasks.require.mockResolvedValue(aTask({ dueAt: null }));
      const problem = await problemOf(
        sut.put(OWNER, TASK_ID, { rule: 'FREQ=DAILY', timezone: 'UTC' }),
      );
      expect(problem.getStatus()).toBe(422);
      expect(tasks.require).toHaveBeenCalledWith(OWNER, TASK_ID);
      expect(recurrences.upsert).not.toHaveBeenCalled();
    });

    it.each([
      ['rule', { rule: 'FREQ=DAILY;BYHOUR=25', timezone: 'UTC' }],
      ['timezone', { rule: 'FREQ=DAILY', timezone: 'Mars/Olympus' }],
    ])('is a 400 naming %s, and writes nothing', async (field, input) => {
      const problem = await problemOf(sut.put(OWNER, TASK_ID, input));
      expect(problem.getStatus()).toBe(400);
      expect(problem.extras.errors).toEqual([{ field, message: expect.any(String) }]);
      expect(recurrences.upsert).not.toHaveBeenCalled();
    });
  });
});
