import { ProblemException, Task, TasksService, etagOf } from '@task-api/core';
import { EntityManager } from 'typeorm';
import { Clock } from './clock';
import { Reminder } from './reminder.entity';
import { RemindersRepository } from './reminders.repository';
import { RemindersService } from './reminders.service';

/** The manager a repository gives for statements outside any transaction. */
const AUTOCOMMIT = { autocommit: true } as unknown as EntityManager;

const NOW = new Date('2026-12-01T09:00:00.000Z');
const manager = {} as EntityManager;
/** Who asks: the service reads the reminder and locks the task under it. */
const OWNER = { userId: '5d1f8c2e-7a4b-4c3d-9e8f-0a1b2c3d4e5f', administrator: false };

const taskOf = (overrides: Partial<Task> = {}): Task =>
  Object.assign(new Task(), {
    id: 't1',
    title: 'Bank',
    status: 'todo',
    dueAt: new Date('2026-12-02T12:00:00.000Z'),
    ...overrides,
  });

const reminderOf = (overrides: Partial<Reminder> = {}): Reminder =>
  Object.assign(new Reminder(), {
    id: 'r1',
    taskId: 't1',
    remindAt: new Date('2026-12-01T10:00:00.000Z'),
    offsetMinutes: null,
    note: null,
    status: 'delivered',
    attempts: 2,
    deliveredAt: NOW,
    lastError: null,
    createdAt: NOW,
    updatedAt: NOW,
    firingId: 'old-firing',
    version: 3,
    ...overrides,
  });

function newRemindersRepositoryMock(): jest.Mocked<RemindersRepository> {
  return {
    transaction: jest.fn((work) => work(manager)),
    autocommit: AUTOCOMMIT,
    insert: jest.fn(async (_, values) => reminderOf({ ...values, status: 'scheduled' })),
    findById: jest.fn(),
    findForUpdate: jest.fn(),
    update: jest.fn(async (_, __, changes) => reminderOf(changes)),
    delete: jest.fn(),
    findPage: jest.fn(),
    findDeliveriesPage: jest.fn(),
  } as unknown as jest.Mocked<RemindersRepository>;
}

/** The problem a call fails with, as `{ status, errors }`. */
async function problemOf(call: Promise<unknown>) {
  const error = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ProblemException);
  const problem = error as ProblemException;
  return { status: problem.getStatus(), errors: problem.extras.errors };
}

describe(RemindersService.name, () => {
  let sut: RemindersService;
  let repository: jest.Mocked<RemindersRepository>;
  let tasks: jest.Mocked<Pick<TasksService, 'require' | 'requireLocked'>>;
  const clock: Clock = { now: () => NOW };

  beforeEach(() => {
    repository = newRemindersRepositoryMock();
    tasks = { require: jest.fn(), requireLocked: jest.fn() };
    sut = new RemindersService(repository, tasks as unknown as TasksService, clock);
  });

  describe('create', () => {
    it('computes a relative reminder from the due date, locking the task meanwhile', async () => {
      tasks.requireLocked.mockResolvedValue(taskOf());
      const {
        body: reminder,
        etag,
        location,
      } = await sut.create(OWNER, 't1', { offsetMinutes: 90 });
      expect(tasks.requireLocked).toHaveBeenCalledWith(manager, OWNER, 't1', 'share');
      expect(repository.insert).toHaveBeenCalledWith(manager, {
        taskId: 't1',
        remindAt: new Date('2026-12-02T10:30:00.000Z'),
        nextAttemptAt: new Date('2026-12-02T10:30:00.000Z'),
        offsetMinutes: 90,
        note: null,
        firingId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      });
      expect(reminder.remindAt).toBe('2026-12-02T10:30:00.000Z');
      expect(etag).toBe(etagOf(reminder));
      expect(location).toBe(`/reminders/${reminder.id}`);
    });

    it('refuses a remindAt that is not after now (by the clock) with 400', async () => {
      await expect(problemOf(sut.create(OWNER, 't1', { remindAt: NOW }))).resolves.toEqual({
        status: 400,
        errors: [{ field: 'remindAt', message: 'must be in the future' }],
      });
      expect(repository.transaction).not.toHaveBeenCalled();
    });

    it('refuses both or neither of remindAt and offsetMinutes with 400', async () => {
      const later = new Date(NOW.getTime() + 60_000);
      expect(
        (await problemOf(sut.create(OWNER, 't1', { remindAt: later, offsetMinutes: 5 }))).status,
      ).toBe(400);
      expect((await problemOf(sut.create(OWNER, 't1', { note: 'x' }))).status).toBe(400);
    });

    it('answers 404 for an unknown task, 422 for a done one or one without a due date', async () => {
      tasks.requireLocked.mockRejectedValueOnce(
        new ProblemException(404, 'Task t1 does not exist.'),
      );
      expect((await problemOf(sut.create(OWNER, 't1', { offsetMinutes: 5 }))).status).toBe(404);
      tasks.requireLocked.mockResolvedValueOnce(taskOf({ dueAt: null }));
      expect((await problemOf(sut.create(OWNER, 't1', { offsetMinutes: 5 }))).status).toBe(422);
      tasks.requireLocked.mockResolvedValueOnce(taskOf({ status: 'done' }));
      expect((await problemOf(sut.create(OWNER, 't1', { offsetMinutes: 5 }))).status).toBe(422);
      expect(repository.insert).not.toHaveBeenCalled();
    });

    it('answers 422 for a relative reminder whose time has passed', async () => {
      tasks.requireLocked.mockResolvedValue(
        taskOf({ dueAt: new Date(NOW.getTime() + 10 * 60_000) }),
      );
      await expect(problemOf(sut.create(OWNER, 't1', { offsetMinutes: 10 }))).resolves.toEqual({
        status: 422,
        errors: [{ field: 'offsetMinutes', message: 'would fire in the past' }],
      });
    });
  });

  describe('reschedule and snooze', () => {
    beforeEach(() => {
      repository.findById.mockResolvedValue(reminderOf());
      repository.findForUpdate.mockResolvedValue(reminderOf());
      tasks.requireLocked.mockResolvedValue(taskOf());
    });

    it('makes a delivered reminder scheduled again as a new firing', async () => {
      const remindAt = new Date('2026-12-05T00:00:00.000Z');
      await sut.update(OWNER, 'r1', { remindAt });
      const changes = repository.update.mock.calls[0][2];
      expect(changes).toEqual({
        remindAt,
        nextAttemptAt: remindAt,
        offsetMinutes: null,
        status: 'scheduled',
        attempts: 0,
        deliveredAt: null,
        lastError: null,
        leaseExpiresAt: null,
        leasedBy: null,
        firingId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      });
      expect(changes.firingId).not.toBe('old-firing');
    });

    it('changes only the note when no time is given', async () => {
      await sut.update(OWNER, 'r1', { note: 'Bring ID' });
      expect(repository.update.mock.calls[0][2]).toEqual({ note: 'Bring ID' });
    });

    it('takes the task lock before the reminder lock, as a task change does, both as the owner', async () => {
      await sut.update(OWNER, 'r1', { offsetMinutes: 5 });
      expect(repository.findById).toHaveBeenCalledWith(manager, OWNER, 'r1');
      expect(tasks.requireLocked).toHaveBeenCalledWith(manager, OWNER, 't1', 'share');
      expect(repository.findForUpdate).toHaveBeenCalledWith(manager, OWNER, 'r1');
      const order = [tasks.requireLocked, repository.findForUpdate].map(
        (mock) => mock.mock.invocationCallOrder[0],
      );
      expect(order[0]).toBeLessThan(order[1]);
    });

    it('refuses a stale If-Match with 412 and changes nothing', async () => {
      expect((await problemOf(sut.update(OWNER, 'r1', { note: 'x' }, '"2"'))).status).toBe(412);
      expect(repository.update).not.toHaveBeenCalled();
    });

    it('snoozes from the clock, as an absolute reminder', async () => {
      await sut.snooze(OWNER, 'r1', 15);
      expect(repository.update.mock.calls[0][2]).toMatchObject({
        remindAt: new Date('2026-12-01T09:15:00.000Z'),
        offsetMinutes: null,
        status: 'scheduled',
      });
    });

    it("answers 404 for a reminder that is not the owner's, and changes nothing", async () => {
      repository.findById.mockResolvedValue(null);
      expect((await problemOf(sut.update(OWNER, 'r1', { note: 'x' }))).status).toBe(404);
      expect((await problemOf(sut.snooze(OWNER, 'r1', 15))).status).toBe(404);
      expect(tasks.requireLocked).not.toHaveBeenCalled();
      expect(repository.update).not.toHaveBeenCalled();
    });

    it('refuses to snooze the reminder of a done task with 422', async () => {
      tasks.requireLocked.mockResolvedValue(taskOf({ status: 'done' }));
      expect((await problemOf(sut.snooze(OWNER, 'r1', 15))).status).toBe(422);
    });
  });
});
