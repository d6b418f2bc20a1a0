import { Injectable } from '@nestjs/common';
import {
  Page,
  PageQueryDto,
  Principal,
  ProblemException,
  Task,
  TasksService,
  badRequest,
  notFound,
  Tagged,
  assertIfMatch,
  etagOf,
  unprocessable,
} from '@task-api/core';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Clock } from './clock';
import { CreateTaskReminderDto } from './dto/create-reminder.dto';
import { ListRemindersQueryDto } from './dto/list-reminders-query.dto';
import { ReminderDeliveryDto, toReminderDeliveryDto } from './dto/reminder-delivery.dto';
import { ReminderDto, toReminderDto } from './dto/reminder.dto';
import { UpdateReminderDto } from './dto/update-reminder.dto';
import { Reminder } from './reminder.entity';
import {
  DELIVERY_ORDER,
  REMINDER_ORDER,
  ReminderChanges,
  RemindersRepository,
} from './reminders.repository';

/** A reminder as the API answers it, with the ETag of exactly that representation. */
const tagged = (reminder: Reminder, location?: string): Tagged<ReminderDto> =>
  new Tagged(toReminderDto(reminder), location);

/** When a reminder fires: either the instant given, or `offsetMinutes` before the task is due. */
type Schedule =
  { remindAt: Date; offsetMinutes: null } | { remindAt?: never; offsetMinutes: number };

@Injectable()
export class RemindersService {
  constructor(
    private readonly reminders: RemindersRepository,
    private readonly tasks: TasksService,
    private readonly clock: Clock,
  ) {}

  async create(
    owner: Principal,
    taskId: string,
    input: CreateTaskReminderDto,
  ): Promise<Tagged<ReminderDto>> {
    const schedule = this.scheduleOf(input);
    if (!schedule) throw scheduleProblem('give either remindAt or offsetMinutes');
    const reminder = await this.reminders.transaction(async (manager) => {
      // Share-locked: its due date and status cannot change under the reminder made from them.
      const task = await this.tasks.requireLocked(manager, owner, taskId, 'share');
      const remindAt = this.fireTime(task, schedule);
      return this.reminders.insert(manager, {
        taskId,
        remindAt,
        offsetMinutes: schedule.offsetMinutes,
        note: input.note ?? null,
        nextAttemptAt: remindAt,
        firingId: randomUUID(),
      });
    });
    return tagged(reminder, `/reminders/${reminder.id}`);
  }

  async get(owner: Principal, id: string): Promise<Tagged<ReminderDto>> {
    return tagged(await this.require(owner, id));
  }

  async list(owner: Principal, query: ListRemindersQueryDto): Promise<Page<ReminderDto>> {
    // A cursor belongs to the task it lists the reminders of (or to none).
    const scope = query.taskId ?? '';
    const after = REMINDER_ORDER.decode(query.cursor, scope);
    const rows = await this.reminders.findPage(owner, {
      taskId: query.taskId,
      statuses: query.status,
      dueBefore: query.dueBefore,
      dueAfter: query.dueAfter,
      after,
      limit: query.limit,
    });
    return REMINDER_ORDER.page(
      rows,
      query.limit,
      toReminderDto,
      (row) => ({ value: row.remindAt, id: row.id }),
      scope,
    );
  }

  /** The reminders of one task; 404 when the task does not exist. */
  async listForTask(
    owner: Principal,
    taskId: string,
    query: ListRemindersQueryDto,
  ): Promise<Page<ReminderDto>> {
    await this.tasks.require(owner, taskId);
    return this.list(owner, { ...query, taskId });
  }

  /**
   * A new time (absolute or relative) makes the reminder `scheduled` again as a new firing,
   * whatever its status was; only the note leaves the status alone. `offsetMinutes: null`
   * without a `remindAt` gives no time: a 400 for a relative reminder (it would have none),
   * nothing at all for an absolute one (it already is).
   */
  async update(
    owner: Principal,
    id: string,
    input: UpdateReminderDto,
    ifMatch?: string,
  ): Promise<Tagged<ReminderDto>> {
    const schedule = this.scheduleOf(input);
    const updated = await this.reminders.transaction(async (manager) => {
      const { task, reminder } = await this.lockForChange(manager, owner, id, ifMatch);
      if (!schedule && input.offsetMinutes === null && reminder.offsetMinutes !== null) {
        throw badRequest('The request is invalid.', [
          {
            field: 'offsetMinutes',
            message:
              'offsetMinutes can be cleared only together with a remindAt, the absolute time the reminder takes instead',
          },
        ]);
      }
      const changes: ReminderChanges = {};
      if (input.note !== undefined) changes.note = input.note;
      if (schedule) {
        changes.offsetMinutes = schedule.offsetMinutes;
        Object.assign(changes, newFiring(this.fireTime(task, schedule)));
      }
      if (Object.keys(changes).length === 0) return reminder;
      return this.reminders.update(manager, id, changes);
    });
    return tagged(updated);
  }

  /** Fires again `minutes` from now, as an absolute reminder and a new firing. */
  async snooze(
    owner: Principal,
    id: string,
    minutes: number,
    ifMatch?: string,
  ): Promise<Tagged<ReminderDto>> {
    const updated = await this.reminders.transaction(async (manager) => {
      const { task } = await this.lockForChange(manager, owner, id, ifMatch);
      assertNotDone(task);
      const remindAt = new Date(this.clock.now().getTime() + minutes * 60_000);
      return this.reminders.update(manager, id, { ...newFiring(remindAt), offsetMinutes: null });
    });
    return tagged(updated);
  }

  async remove(owner: Principal, id: string, ifMatch?: string): Promise<void> {
    await this.reminders.transaction(async (manager) => {
      const reminder = await this.reminders.findForUpdate(manager, owner, id);
      if (!reminder) throw notFound('Reminder', id);
      assertIfMatch('reminder', etagOf(toReminderDto(reminder)), ifMatch);
      await this.reminders.delete(manager, id);
    });
  }

  async deliveries(
    owner: Principal,
    id: string,
    query: PageQueryDto,
  ): Promise<Page<ReminderDeliveryDto>> {
    // The reminder is the owner's: its deliveries are then too.
    await this.require(owner, id);
    const after = DELIVERY_ORDER.decode(query.cursor, id);
    const rows = await this.reminders.findDeliveriesPage(id, after, query.limit);
    return DELIVERY_ORDER.page(
      rows,
      query.limit,
      toReminderDeliveryDto,
      (row) => ({ value: row.attemptedAt, id: row.id }),
      id,
    );
  }

  private async require(owner: Principal, id: string): Promise<Reminder> {
    const reminder = await this.reminders.findById(this.reminders.autocommit, owner, id);
    if (!reminder) throw notFound('Reminder', id);
    return reminder;
  }

  /**
   * Locks the reminder's task (shared) and then the reminder, in the order a task change takes
   * them (task, then its reminders), so the two never wait on each other in a cycle.
   */
  private async lockForChange(
    manager: EntityManager,
    owner: Principal,
    id: string,
    ifMatch: string | undefined,
  ): Promise<{ task: Task; reminder: Reminder }> {
    const unlocked = await this.reminders.findById(manager, owner, id);
    if (!unlocked) throw notFound('Reminder', id);
    const task = await this.tasks
      .requireLocked(manager, owner, unlocked.taskId, 'share')
      .catch((error: unknown) => {
        // The task went, and its reminders with it.
        throw error instanceof ProblemException && error.getStatus() === 404
          ? notFound('Reminder', id)
          : error;
      });
    const reminder = await this.reminders.findForUpdate(manager, owner, id);
    if (!reminder) throw notFound('Reminder', id);
    assertIfMatch('reminder', etagOf(toReminderDto(reminder)), ifMatch);
    return { task, reminder };
  }

  /**
   * The schedule a body asks for, if any; `remindAt` and `offsetMinutes` together are a 400
   * (`offsetMinutes: null` only says "not relative").
   */
  private scheduleOf(input: {
    remindAt?: Date;
    offsetMinutes?: number | null;
  }): Schedule | undefined {
    if (input.remindAt !== undefined && typeof input.offsetMinutes === 'number') {
      throw scheduleProblem('give either remindAt or offsetMinutes, not both');
    }
    if (input.remindAt !== undefined) {
      if (input.remindAt.getTime() <= this.clock.now().getTime()) {
        throw badRequest('The request is invalid.', [
          { field: 'remindAt', message: 'must be in the future' },
        ]);
      }
      return { remindAt: input.remindAt, offsetMinutes: null };
    }
    if (typeof input.offsetMinutes === 'number') return { offsetMinutes: input.offsetMinutes };
    return undefined;
  }

  /**
   * The instant a schedule fires for this task. A done task takes no new firing (its reminders
   * were cancelled with it), a relative one needs a due date, and neither may lie in the past.
   */
  private fireTime(task: Task, schedule: Schedule): Date {
    assertNotDone(task);
    if (schedule.offsetMinutes === null) return schedule.remindAt;
    if (!task.dueAt) {
      throw unprocessable(
        `Task ${task.id} has no due date, so a reminder relative to it cannot be set.`,
        [{ field: 'offsetMinutes', message: 'needs a task with a due date' }],
      );
    }
    const remindAt = new Date(task.dueAt.getTime() - schedule.offsetMinutes * 60_000);
    if (remindAt.getTime() <= this.clock.now().getTime()) {
      throw unprocessable(
        `${schedule.offsetMinutes} minutes before the task's due date (${task.dueAt.toISOString()}) has already passed.`,
        [{ field: 'offsetMinutes', message: 'would fire in the past' }],
      );
    }
    return remindAt;
  }
}

/** A fresh firing at `remindAt`: scheduled, no attempts yet, a new `webhook-id`, no claim. */
function newFiring(remindAt: Date): ReminderChanges {
  return {
    remindAt,
    nextAttemptAt: remindAt,
    status: 'scheduled',
    attempts: 0,
    deliveredAt: null,
    lastError: null,
    leaseExpiresAt: null,
    leasedBy: null,
    firingId: randomUUID(),
  };
}

function scheduleProblem(message: string) {
  return badRequest('The request is invalid.', [
    { field: 'remindAt', message },
    { field: 'offsetMinutes', message },
  ]);
}

function assertNotDone(task: Task): void {
  if (task.status === 'done') {
    throw unprocessable(
      `Task ${task.id} is done; reopen it before scheduling its reminders again.`,
    );
  }
}
