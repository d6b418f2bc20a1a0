import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  INSTANT_KEY,
  Position,
  Principal,
  keyset,
  namedParameters,
  ownedTask,
  SqlRepository,
} from '@task-api/core';
import { DataSource, EntityManager, IsNull, Not, SelectQueryBuilder } from 'typeorm';
import { ReminderDelivery } from './reminder-delivery.entity';
import { Reminder, ReminderStatus } from './reminder.entity';

export type NewReminder = Pick<
  Reminder,
  'taskId' | 'remindAt' | 'offsetMinutes' | 'note' | 'nextAttemptAt' | 'firingId'
>;
export type ReminderChanges = Partial<
  Pick<
    Reminder,
    | 'remindAt'
    | 'offsetMinutes'
    | 'note'
    | 'status'
    | 'attempts'
    | 'deliveredAt'
    | 'lastError'
    | 'nextAttemptAt'
    | 'leaseExpiresAt'
    | 'leasedBy'
    | 'firingId'
  >
>;

/** Reminders are listed by when they fire (`GET /reminders`, `GET /tasks/:taskId/reminders`). */
export const REMINDER_ORDER = keyset({
  list: 'GET /reminders',
  sort: 'remindAt',
  key: { sql: 'reminder.remind_at', type: INSTANT_KEY },
  id: 'reminder.id',
  descending: false,
});

/** A reminder's delivery attempts, oldest first (`GET /reminders/:id/deliveries`). */
export const DELIVERY_ORDER = keyset({
  list: 'GET /reminders/:id/deliveries',
  sort: 'attemptedAt',
  key: { sql: 'delivery.attempted_at', type: INSTANT_KEY },
  id: 'delivery.id',
  descending: false,
});

export interface ReminderListCriteria {
  taskId?: string;
  statuses?: readonly ReminderStatus[];
  dueBefore?: Date;
  dueAfter?: Date;
  after?: Position;
  limit: number;
}

/**
 * A reminder is its task's owner's: every read by a client's id goes through core's
 * `ownedTask`, so another user's reminder is simply not found. Writes follow a read under the
 * owner in the same transaction; the task's own changes (`cancelScheduled`, `followDueDate`)
 * run inside core's transaction on a task it found under its owner.
 */
@Injectable()
export class RemindersRepository extends SqlRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  async insert(manager: EntityManager, reminder: NewReminder): Promise<Reminder> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(Reminder)
      .values(reminder)
      .returning('*')
      .execute();
    return reminderFromRow(manager, result.raw[0]);
  }

  findById(manager: EntityManager, owner: Principal, id: string): Promise<Reminder | null> {
    return this.owned(manager, owner).andWhere('reminder.id = :id', { id }).getOne();
  }

  /** Locks the owner's reminder for the rest of the transaction, so concurrent changes queue up. */
  findForUpdate(manager: EntityManager, owner: Principal, id: string): Promise<Reminder | null> {
    return this.owned(manager, owner)
      .andWhere('reminder.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
  }

  async update(manager: EntityManager, id: string, changes: ReminderChanges): Promise<Reminder> {
    // TypeORM's update also bumps `version` and `updated_at`.
    const result = await manager
      .createQueryBuilder()
      .update(Reminder)
      .set(changes)
      .where('id = :id', { id })
      .returning('*')
      .execute();
    return reminderFromRow(manager, result.raw[0]);
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.delete(Reminder, { id });
  }

  /** One keyset page of the owner's reminders, ordered by `(remind_at, id)`. */
  findPage(owner: Principal, criteria: ReminderListCriteria): Promise<Reminder[]> {
    const query = this.owned(this.dataSource.manager, owner);
    if (criteria.taskId) query.andWhere('reminder.task_id = :taskId', { taskId: criteria.taskId });
    if (criteria.statuses?.length)
      query.andWhere('reminder.status IN (:...statuses)', { statuses: criteria.statuses });
    if (criteria.dueBefore)
      query.andWhere('reminder.remind_at < :dueBefore', { dueBefore: criteria.dueBefore });
    if (criteria.dueAfter)
      query.andWhere('reminder.remind_at >= :dueAfter', { dueAfter: criteria.dueAfter });
    const { bind, parameters } = namedParameters();
    const after = REMINDER_ORDER.after(criteria.after, bind);
    if (after) query.andWhere(after, parameters);
    return query
      .orderBy('reminder.remind_at', 'ASC')
      .addOrderBy('reminder.id', 'ASC')
      .limit(criteria.limit + 1)
      .getMany();
  }

  /** The deliveries of a reminder the caller has found under its owner. */
  findDeliveriesPage(reminderId: string, after: Position | undefined, limit: number) {
    const query = this.dataSource.manager
      .createQueryBuilder(ReminderDelivery, 'delivery')
      .where('delivery.reminder_id = :reminderId', { reminderId });
    const { bind, parameters } = namedParameters();
    const condition = DELIVERY_ORDER.after(after, bind);
    if (condition) query.andWhere(condition, parameters);
    return query
      .orderBy('delivery.attempted_at', 'ASC')
      .addOrderBy('delivery.id', 'ASC')
      .limit(limit + 1)
      .getMany();
  }

  /** A task became done: its scheduled reminders are cancelled (an in-flight claim is voided). */
  async cancelScheduled(manager: EntityManager, taskId: string): Promise<void> {
    await manager.query(
      `UPDATE reminders
          SET status = 'cancelled', lease_expires_at = NULL, leased_by = NULL,
              version = version + 1, updated_at = now()
        WHERE task_id = $1 AND status = 'scheduled'`,
      [taskId],
    );
  }

  /**
   * The task's due date moved, and every relative reminder follows it, as a new firing (a new
   * `webhook-id`): a scheduled one always (a time already past fires now), a delivered or failed
   * one when its new time is still ahead of `now` (else it keeps its record of the last firing).
   * Cancelled ones stay cancelled: only an explicit reschedule revives them.
   */
  async followDueDate(
    manager: EntityManager,
    taskId: string,
    dueAt: Date,
    now: Date,
  ): Promise<void> {
    await manager.query(
      `UPDATE reminders
          SET remind_at = $2::timestamptz - offset_minutes * interval '1 minute',
              next_attempt_at = $2::timestamptz - offset_minutes * interval '1 minute',
              status = 'scheduled', firing_id = gen_random_uuid(), attempts = 0,
              delivered_at = NULL, last_error = NULL, lease_expires_at = NULL, leased_by = NULL,
              version = version + 1, updated_at = now()
        WHERE task_id = $1 AND offset_minutes IS NOT NULL
          AND (status = 'scheduled'
               OR (status IN ('delivered', 'failed')
                   AND $2::timestamptz - offset_minutes * interval '1 minute' > $3::timestamptz))`,
      [taskId, dueAt, now],
    );
  }

  async countScheduledRelative(manager: EntityManager, taskId: string): Promise<number> {
    return manager.count(Reminder, {
      where: { taskId, status: 'scheduled', offsetMinutes: Not(IsNull()) },
    });
  }

  /** The owner's reminders: those of the owner's tasks. */
  private owned(manager: EntityManager, owner: Principal): SelectQueryBuilder<Reminder> {
    const { bind, parameters } = namedParameters('owned');
    return manager
      .createQueryBuilder(Reminder, 'reminder')
      .where(ownedTask(owner, 'reminder.task_id').boundBy(bind), parameters);
  }
}

/** `RETURNING *` gives column names; map them onto the entity's properties. */
export function reminderFromRow(manager: EntityManager, row: Record<string, unknown>): Reminder {
  const columns = manager.connection.getMetadata(Reminder).columns;
  return manager.create(
    Reminder,
    Object.fromEntries(columns.map((column) => [column.propertyName, row[column.databaseName]])),
  );
}
