import { Logger } from '@nestjs/common';
import { Task } from '@task-api/core';
import { Clock } from '../clock';
import { Reminder } from '../reminder.entity';
import { DeliveryChannel } from './channels';
import { DispatchRepository } from './dispatch.repository';
import { DEFAULT_DISPATCHER_OPTIONS } from './dispatcher-options';
import { ReminderDispatcher } from './reminder-dispatcher';
import { AttemptResult } from './retry-policy';

const NOW = new Date('2026-12-01T09:00:00.000Z');

function reminderOf(overrides: Partial<Reminder> = {}): Reminder {
  return Object.assign(new Reminder(), {
    id: 'r1',
    taskId: 't1',
    remindAt: new Date('2026-12-01T08:59:59.000Z'),
    offsetMinutes: null,
    note: 'Call',
    status: 'scheduled',
    attempts: 1,
    deliveredAt: null,
    lastError: null,
    createdAt: NOW,
    updatedAt: NOW,
    nextAttemptAt: NOW,
    leaseExpiresAt: NOW,
    leasedBy: 'me',
    firingId: 'firing-1',
    version: 2,
    ...overrides,
  });
}

const task = Object.assign(new Task(), {
  id: 't1',
  title: 'Bank',
  description: null,
  status: 'todo',
  priority: 'normal',
  dueAt: null,
  completedAt: null,
  createdAt: NOW,
  updatedAt: NOW,
  version: 1,
});

describe(ReminderDispatcher.name, () => {
  let sut: ReminderDispatcher;
  let repository: jest.Mocked<DispatchRepository>;
  let channel: jest.Mocked<DeliveryChannel>;
  const options = { ...DEFAULT_DISPATCHER_OPTIONS, maxAttempts: 3, backoffBaseMs: 1_000 };
  const clock: Clock = { now: () => NOW };

  // The failures these tests provoke are logged; the assertions say what matters.
  beforeAll(() => Logger.overrideLogger(false));

  beforeEach(() => {
    repository = {
      claimDue: jest.fn(),
      findTasks: jest.fn().mockResolvedValue(new Map([['t1', task]])),
      recordAttempt: jest.fn().mockResolvedValue(true),
    } as unknown as jest.Mocked<DispatchRepository>;
    channel = { name: 'webhook', send: jest.fn() };
    sut = new ReminderDispatcher(repository, channel, options, clock);
  });

  const answer = (result: Partial<AttemptResult>) =>
    channel.send.mockResolvedValue({ ok: false, httpStatus: null, error: null, ...result });

  it('claims a batch under its lease and sends each reminder with its firing id as webhook-id', async () => {
    repository.claimDue.mockResolvedValue([reminderOf()]);
    answer({ ok: true, httpStatus: 200 });
    await expect(sut.dispatchOnce()).resolves.toBe(1);
    expect(repository.claimDue).toHaveBeenCalledWith(sut.workerId, 50, 60_000);
    const [message] = channel.send.mock.calls[0];
    expect(message.id).toBe('firing-1');
    expect(JSON.parse(message.body)).toMatchObject({
      type: 'reminder.due',
      reminder: { id: 'r1', note: 'Call', remindAt: '2026-12-01T08:59:59.000Z' },
      task: { id: 't1', title: 'Bank' },
    });
    expect(repository.recordAttempt).toHaveBeenCalledWith(
      { reminder: expect.objectContaining({ id: 'r1' }), workerId: sut.workerId },
      expect.objectContaining({
        channel: 'webhook',
        outcome: 'delivered',
        status: 'delivered',
        attemptedAt: NOW,
        httpStatus: 200,
        error: null,
      }),
    );
  });

  it('does nothing more when nothing is due', async () => {
    repository.claimDue.mockResolvedValue([]);
    await expect(sut.dispatchOnce()).resolves.toBe(0);
    expect(repository.findTasks).not.toHaveBeenCalled();
    expect(channel.send).not.toHaveBeenCalled();
  });

  it('schedules a retry after a failure, honouring Retry-After', async () => {
    repository.claimDue.mockResolvedValue([reminderOf({ attempts: 1 })]);
    answer({ httpStatus: 503, error: 'HTTP 503', retryAfterMs: 7_000 });
    await sut.dispatchOnce();
    expect(repository.recordAttempt.mock.calls[0][1]).toMatchObject({
      outcome: 'retrying',
      status: 'scheduled',
      error: 'HTTP 503',
      retryDelayMs: 7_000,
    });
  });

  it('fails the reminder on its last attempt', async () => {
    repository.claimDue.mockResolvedValue([reminderOf({ attempts: 3 })]);
    answer({ error: 'timed out after 10000 ms' });
    await sut.dispatchOnce();
    expect(repository.recordAttempt.mock.calls[0][1]).toMatchObject({
      outcome: 'failed',
      status: 'failed',
      error: 'timed out after 10000 ms (gave up after 3 attempts)',
    });
  });

  it('fails at once on 410 Gone', async () => {
    repository.claimDue.mockResolvedValue([reminderOf({ attempts: 1 })]);
    answer({ httpStatus: 410, error: 'HTTP 410' });
    await sut.dispatchOnce();
    expect(repository.recordAttempt.mock.calls[0][1]).toMatchObject({ status: 'failed' });
  });

  it('keeps going when recording fails: the lease will bring the reminder back', async () => {
    repository.claimDue.mockResolvedValue([reminderOf({ id: 'a' }), reminderOf({ id: 'b' })]);
    answer({ ok: true, httpStatus: 204 });
    repository.recordAttempt.mockRejectedValueOnce(new Error('connection lost'));
    await expect(sut.dispatchOnce()).resolves.toBe(2);
    expect(repository.recordAttempt).toHaveBeenCalledTimes(2);
  });

  it('runs until stopped, and stop waits for the batch in flight', async () => {
    let finish: (result: AttemptResult) => void = () => undefined;
    channel.send.mockReturnValue(new Promise((resolve) => (finish = resolve)));
    repository.claimDue.mockResolvedValueOnce([reminderOf()]).mockResolvedValue([]);
    sut.start();
    await new Promise((resolve) => setImmediate(resolve));
    expect(channel.send).toHaveBeenCalledTimes(1);

    let stopped = false;
    const stopping = sut.stop().then(() => (stopped = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    finish({ ok: true, httpStatus: 200, error: null });
    await stopping;
    expect(repository.recordAttempt).toHaveBeenCalledTimes(1);
  });
});
