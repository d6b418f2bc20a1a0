import { Logger } from '@nestjs/common';
import { OwnedTaskView, Task, TasksService, toTaskDto } from '@task-api/core';
import { Clock } from '../clock';
import { Reminder } from '../reminder.entity';
import { DeliveryChannel } from './channels';
import { DeliveryMetrics } from './delivery-metrics';
import { DispatchRepository, RecordedAttempt } from './dispatch.repository';
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

/** Polls until `condition` holds; fails the test after a second. */
async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 1_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not reached within 1 s');
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
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

const OWNER_ID = '5d1f8c2e-7a4b-4c3d-9e8f-0a1b2c3d4e5f';

/** Task views as `TasksService.ownedViews` gives them: owner and task as the API shows it, by id. */
const viewsOf = (ids: readonly string[]): Map<string, OwnedTaskView> =>
  new Map(
    ids.map((id): [string, OwnedTaskView] => [
      id,
      { ownerId: OWNER_ID, task: { ...toTaskDto({ ...task, id }), tags: [] } },
    ]),
  );

describe(ReminderDispatcher.name, () => {
  let sut: ReminderDispatcher;
  let repository: jest.Mocked<DispatchRepository>;
  let channel: jest.Mocked<DeliveryChannel>;
  let tasks: jest.Mocked<Pick<TasksService, 'ownedViews'>>;
  const options = { ...DEFAULT_DISPATCHER_OPTIONS, maxAttempts: 3, backoffBaseMs: 1_000 };
  const clock: Clock = { now: () => NOW };
  let metrics: { attempted: jest.Mock; recorded: jest.Mock };

  // The failures these tests provoke are logged; the assertions say what matters.
  beforeAll(() => Logger.overrideLogger(false));

  beforeEach(() => {
    metrics = { attempted: jest.fn(), recorded: jest.fn() };
    repository = {
      claimDue: jest.fn(),
      recordAttempts: jest
        .fn()
        .mockImplementation(async (_worker: string, batch: RecordedAttempt[]) => batch.length),
      release: jest
        .fn()
        .mockImplementation(async (_worker: string, batch: unknown[]) => batch.length),
    } as unknown as jest.Mocked<DispatchRepository>;
    channel = { name: 'webhook', send: jest.fn() };
    tasks = {
      ownedViews: jest.fn().mockImplementation(async (ids: readonly string[]) => viewsOf(ids)),
    };
    sut = new ReminderDispatcher(
      repository,
      channel,
      options,
      clock,
      tasks as unknown as TasksService,
      metrics as unknown as DeliveryMetrics,
    );
  });

  const answer = (result: Partial<AttemptResult>) =>
    channel.send.mockResolvedValue({ ok: false, httpStatus: null, error: null, ...result });
  /** Every attempt recorded so far, in order. */
  const recorded = (): RecordedAttempt[] =>
    repository.recordAttempts.mock.calls.flatMap(([, batch]) => batch);
  const dispatchAndSettle = async (): Promise<number> => {
    const claimed = await sut.dispatchOnce();
    await sut.settled();
    return claimed;
  };

  it('claims under its lease and sends each reminder with its firing id as webhook-id, its owner and the task view', async () => {
    repository.claimDue.mockResolvedValue([reminderOf()]);
    answer({ ok: true, httpStatus: 200 });
    await expect(dispatchAndSettle()).resolves.toBe(1);
    expect(repository.claimDue).toHaveBeenCalledWith(sut.workerId, 100, 60_000);
    const [message] = channel.send.mock.calls[0];
    expect(message.id).toBe('firing-1');
    expect(JSON.parse(message.body)).toMatchObject({
      type: 'reminder.due',
      ownerId: OWNER_ID,
      reminder: { id: 'r1', note: 'Call', remindAt: '2026-12-01T08:59:59.000Z' },
      task: { id: 't1', title: 'Bank', tags: [] },
    });
    expect(repository.recordAttempts).toHaveBeenCalledWith(sut.workerId, [
      {
        reminder: expect.objectContaining({ id: 'r1' }),
        record: expect.objectContaining({
          channel: 'webhook',
          outcome: 'delivered',
          status: 'delivered',
          attemptedAt: NOW,
          httpStatus: 200,
          error: null,
        }),
      },
    ]);
    expect(metrics.recorded).toHaveBeenCalledWith('delivered');
  });

  it('writes the outcomes of calls completing together in one statement', async () => {
    repository.claimDue.mockResolvedValue(
      ['a', 'b', 'c'].map((id) => reminderOf({ id, firingId: `firing-${id}` })),
    );
    answer({ ok: true, httpStatus: 204 });
    await dispatchAndSettle();
    expect(repository.recordAttempts).toHaveBeenCalledTimes(1);
    expect(recorded().map(({ reminder }) => reminder.id)).toEqual(['a', 'b', 'c']);
  });

  it('does nothing more when nothing is due', async () => {
    repository.claimDue.mockResolvedValue([]);
    await expect(dispatchAndSettle()).resolves.toBe(0);
    expect(tasks.ownedViews).not.toHaveBeenCalled();
    expect(channel.send).not.toHaveBeenCalled();
  });

  it('schedules a retry after a failure, honouring Retry-After', async () => {
    repository.claimDue.mockResolvedValue([reminderOf({ attempts: 1 })]);
    answer({ httpStatus: 503, error: 'HTTP 503', retryAfterMs: 7_000 });
    await dispatchAndSettle();
    expect(recorded()[0].record).toMatchObject({
      outcome: 'retrying',
      status: 'scheduled',
      error: 'HTTP 503',
      retryDelayMs: 7_000,
    });
  });

  it('fails the reminder on its last attempt', async () => {
    repository.claimDue.mockResolvedValue([reminderOf({ attempts: 3 })]);
    answer({ error: 'timed out after 10000 ms' });
    await dispatchAndSettle();
    expect(recorded()[0].record).toMatchObject({
      outcome: 'failed',
      status: 'failed',
      error: 'timed out after 10000 ms (gave up after 3 attempts)',
    });
  });

  it('fails at once on 410 Gone', async () => {
    repository.claimDue.mockResolvedValue([reminderOf({ attempts: 1 })]);
    answer({ httpStatus: 410, error: 'HTTP 410' });
    await dispatchAndSettle();
    expect(recorded()[0].record).toMatchObject({ status: 'failed' });
  });

  it('keeps going when recording fails: the lease will bring the reminders back', async () => {
    repository.claimDue.mockResolvedValue([reminderOf({ id: 'a' })]);
    answer({ ok: true, httpStatus: 204 });
    repository.recordAttempts.mockRejectedValueOnce(new Error('connection lost'));
    await dispatchAndSettle();
    repository.claimDue.mockResolvedValue([reminderOf({ id: 'b' })]);
    await expect(dispatchAndSettle()).resolves.toBe(1);
    expect(recorded().map(({ reminder }) => reminder.id)).toEqual(['a', 'b']);
    expect(metrics.recorded).toHaveBeenCalledTimes(1);
  });

  it('does not wait for a slow call: the others complete and are recorded meanwhile', async () => {
    let finishSlow: (result: AttemptResult) => void = () => undefined;
    channel.send.mockImplementation(async (message) =>
      message.id === 'firing-slow'
        ? new Promise((resolve) => (finishSlow = resolve))
        : { ok: true, httpStatus: 204, error: null },
    );
    repository.claimDue.mockResolvedValue([
      reminderOf({ id: 'slow', firingId: 'firing-slow' }),
      reminderOf({ id: 'fast', firingId: 'firing-fast' }),
    ]);
    await sut.dispatchOnce();
    const settled = sut.settled();
    await until(() => recorded().length > 0);
    expect(recorded().map(({ reminder }) => reminder.id)).toEqual(['fast']);
    finishSlow({ ok: true, httpStatus: 200, error: null });
    await settled;
    expect(recorded().map(({ reminder }) => reminder.id)).toEqual(['fast', 'slow']);
  });

  it('gives back a claim it could not prepare, instead of holding it until the lease ends', async () => {
    repository.claimDue.mockResolvedValue([reminderOf()]);
    tasks.ownedViews.mockRejectedValue(new Error('connection lost'));
    await expect(dispatchAndSettle()).resolves.toBe(1);
    expect(repository.release).toHaveBeenCalledWith(sut.workerId, [
      expect.objectContaining({ id: 'r1' }),
    ]);
    expect(channel.send).not.toHaveBeenCalled();
  });

  it('runs until stopped; stop claims no more, gives back unsent claims, waits for calls in flight', async () => {
    let finish: (result: AttemptResult) => void = () => undefined;
    channel.send.mockReturnValue(new Promise((resolve) => (finish = resolve)));
    let viewsLoaded: () => void = () => undefined;
    repository.claimDue
      .mockResolvedValueOnce([reminderOf({ id: 'sent' })])
      .mockResolvedValueOnce([reminderOf({ id: 'unsent', taskId: 't2' })])
      .mockResolvedValue([]);
    // The second claim is still loading its task views when the stop comes.
    tasks.ownedViews
      .mockImplementationOnce(async (ids: readonly string[]) => viewsOf(ids))
      .mockImplementationOnce(
        (ids: readonly string[]) =>
          new Promise((resolve) => (viewsLoaded = () => resolve(viewsOf(ids)))),
      );
    sut = new ReminderDispatcher(
      repository,
      channel,
      { ...options, pollIntervalMs: 5 },
      clock,
      tasks as unknown as TasksService,
      metrics as unknown as DeliveryMetrics,
    );
    sut.start();
    await until(() => tasks.ownedViews.mock.calls.length === 2);
    expect(channel.send).toHaveBeenCalledTimes(1);

    let stopped = false;
    const stopping = sut.stop().then(() => (stopped = true));
    viewsLoaded();
    await until(() => repository.release.mock.calls.length > 0);
    expect(repository.release).toHaveBeenCalledWith(sut.workerId, [
      expect.objectContaining({ id: 'unsent' }),
    ]);
    expect(stopped).toBe(false);
    finish({ ok: true, httpStatus: 200, error: null });
    await stopping;
    expect(channel.send).toHaveBeenCalledTimes(1);
    expect(recorded().map(({ reminder }) => reminder.id)).toEqual(['sent']);
    expect(repository.claimDue).toHaveBeenCalledTimes(2);
  });
});
