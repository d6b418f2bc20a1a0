import { ProblemException, Task, TasksService, etagOf } from '@task-api/core';
import { EntityManager } from 'typeorm';
import { Clock } from './clock';
import { Reminder } from './reminder.entity';
import { RemindersRepository } from './reminders.repository';
import { RemindersService } from './reminders.service';

const NOW = new Date('2026-12-01T09:00:00.000Z');
const manager = {} as EntityManager;

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
    findTaskForShare: jest.fn(),
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
  const clock: Clock = { now: () => NOW };

  beforeEach(() => {
    repository = newRemindersRepositoryMock();
    sut = new RemindersService(
      repository,
      { require: jest.fn() } as unknown as TasksService,
      clock,
    );
  });

  describe('create', () => {
    it('computes a relative reminder from the due date, locking the task meanwhile', async () => {
      repository.findTaskForShare.mockResolvedValue(taskOf());
      const { body: reminder, etag, location } = await sut.create('t1', { offsetMinutes: 90 });
      expect(repository.findTaskForShare).toHaveBeenCalledWith(manager, 't1');
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
      await expect(problemOf(sut.create('t1', { remindAt: NOW }))).resolves.toEqual({
        status: 400,
        errors: [{ field: 'remindAt', message: 'must be in the future' }],
      });
      expect(repository.transaction).not.toHaveBeenCalled();
    });

    it('refuses both or neither of remindAt and offsetMinutes with 400', async () => {
      const later = new Date(NOW.getTime() + 60_000);
      expect(
        (await problemOf(sut.create('t1', { remindAt: later, offsetMinutes: 5 }))).status,
      ).toBe(400);
      expect((await problemOf(sut.create('t1', { note: 'x' }))).status).toBe(400);
    });

    it('answers 404 for an unknown task, 422 for a done one or one without a due date', async () => {
      repository.findTaskForShare.mockResolvedValueOnce(null);
      expect((await problemOf(sut.create('t1', { offsetMinutes: 5 }))).status).toBe(404);
      repository.findTaskForShare.mockResolvedValueOnce(taskOf({ dueAt: null }));
      expect((await problemOf(sut.create('t1', { offsetMinutes: 5 }))).status).toBe(422);
      repository.findTaskForShare.mockResolvedValueOnce(taskOf({ status: 'done' }));
      expect((await problemOf(sut.create('t1', { offsetMinutes: 5 }))).status).toBe(422);
      expect(repository.insert).not.toHaveBeenCalled();
    });

    it('answers 422 for a relative reminder whose time has passed', async () => {
      repository.findTaskForShare.mockResolvedValue(
        taskOf({ dueAt: new Date(NOW.getTime() + 10 * 60_000) }),
      );
      await expect(problemOf(sut.create('t1', { offsetMinutes: 10 }))).resolves.toEqual({
        status: 422,
        errors: [{ field: 'offsetMinutes', message: 'would fire in the past' }],
      });
    });
  });

  describe('reschedule and snooze', () => {
    beforeEach(() => {
      repository.findById.mockResolvedValue(reminderOf());
      repository.findForUpdate.mockResolvedValue(reminderOf());
      repository.findTaskForShare.mockResolvedValue(taskOf());
    });

    it('makes a delivered reminder scheduled again as a new firing', async () => {
      const remindAt = new Date('2026-12-05T00:00:00.000Z');
      await sut.update('r1', { remindAt });
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
      await sut.update('r1', { note: 'Bring ID' });
      expect(repository.update.mock.calls[0][2]).toEqual({ note: 'Bring ID' });
    });

    it('takes the task lock before the reminder lock, as a task change does', async () => {
      await sut.update('r1', { offsetMinutes: 5 });
      const order = [repository.findTaskForShare, repository.findForUpdate].map(
        (mock) => mock.mock.invocationCallOrder[0],
      );
      expect(order[0]).toBeLessThan(order[1]);
    });

    it('refuses a stale If-Match with 412 and changes nothing', async () => {
      expect((await problemOf(sut.update('r1', { note: 'x' }, '"2"'))).status).toBe(412);
      expect(repository.update).not.toHaveBeenCalled();
    });

    it('snoozes from the clock, as an absolute reminder', async () => {
      await sut.snooze('r1', 15);
      expect(repository.update.mock.calls[0][2]).toMatchObject({
        remindAt: new Date('2026-12-01T09:15:00.000Z'),
        offsetMinutes: null,
        status: 'scheduled',
      });
    });

    it('refuses to snooze the reminder of a done task with 422', async () => {
      repository.findTaskForShare.mockResolvedValue(taskOf({ status: 'done' }));
      expect((await problemOf(sut.snooze('r1', 15))).status).toBe(422);
    });
  });
});
