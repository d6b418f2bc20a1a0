import { INSTANT_COLUMN, Task } from '@task-api/core';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

export const REMINDER_STATUSES = ['scheduled', 'delivered', 'failed', 'cancelled'] as const;
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];

/** 0 to 365 days before the task is due. */
export const MAX_OFFSET_MINUTES = 525_600;

/**
 * The foundation's `reminders` table plus the dispatcher's columns (this library's migration).
 * Metadata and SQL agree exactly, so generating a migration from the entities yields nothing.
 */
@Entity({ name: 'reminders' })
@Check('reminders_offset_minutes_range', `offset_minutes BETWEEN 0 AND 525600`)
@Check('reminders_attempts_non_negative', `attempts >= 0`)
@Index('reminders_task_id_remind_at_idx', ['taskId', 'remindAt'])
@Index('reminders_scheduled_remind_at_idx', ['remindAt'], { where: `status = 'scheduled'` })
@Index('reminders_scheduled_next_attempt_at_idx', ['nextAttemptAt'], {
  where: `status = 'scheduled'`,
})
export class Reminder {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId: string;

  @ManyToOne(() => Task, { onDelete: 'CASCADE', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'FK_reminders_task' })
  task?: Task;

  @Column({ name: 'remind_at', ...INSTANT_COLUMN })
  remindAt: Date;

  /** Set for a relative reminder: fires this many minutes before the task's `dueAt`. */
  @Column({ name: 'offset_minutes', type: 'integer', nullable: true })
  offsetMinutes: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column({
    type: 'enum',
    enum: REMINDER_STATUSES,
    enumName: 'reminder_status',
    default: 'scheduled',
  })
  status: ReminderStatus;

  /** Delivery attempts of the current firing (counted when claimed). */
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'delivered_at', ...INSTANT_COLUMN, nullable: true })
  deliveredAt: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @CreateDateColumn({ name: 'created_at', ...INSTANT_COLUMN, default: () => 'now()' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', ...INSTANT_COLUMN, default: () => 'now()' })
  updatedAt: Date;

  /** When a dispatcher may claim it: `remindAt`, then later after a failed attempt (backoff). */
  @Column({ name: 'next_attempt_at', ...INSTANT_COLUMN })
  nextAttemptAt: Date;

  @Column({ name: 'lease_expires_at', ...INSTANT_COLUMN, nullable: true })
  leaseExpiresAt: Date | null;

  @Column({ name: 'leased_by', type: 'varchar', length: 100, nullable: true })
  leasedBy: string | null;

  /** The `webhook-id` of the current firing: kept across retries, renewed on reschedule. */
  @Column({ name: 'firing_id', type: 'uuid' })
  firingId: string;

  /** Incremented on every change; the ETag is derived from it. */
  @VersionColumn({ default: 1 })
  version: number;
}
