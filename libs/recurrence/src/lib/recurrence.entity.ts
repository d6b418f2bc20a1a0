import { INSTANT_COLUMN, Task } from '@task-api/core';
import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  OneToOne,
  PrimaryColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

export const MAX_RULE_LENGTH = 500;
export const MAX_TIMEZONE_LENGTH = 64;

/**
 * Maps the `recurrences` table, created by this library's migration (the two must agree: the
 * schema drift test in apps/api fails otherwise). One per task, deleted with it.
 */
@Entity({ name: 'recurrences' })
export class Recurrence {
  @PrimaryColumn({ name: 'task_id', type: 'uuid', primaryKeyConstraintName: 'PK_recurrences' })
  taskId: string;

  @OneToOne(() => Task, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'FK_recurrences_task' })
  task?: Task;

  /** The RRULE value as the client sent it (`FREQ=WEEKLY;BYDAY=MO,TH`). */
  @Column({ type: 'varchar', length: MAX_RULE_LENGTH })
  rule: string;

  /** The IANA zone the rule is evaluated in, canonically spelled. */
  @Column({ type: 'varchar', length: MAX_TIMEZONE_LENGTH })
  timezone: string;

  /** DTSTART: the task's due date when the rule was set; COUNT and INTERVAL count from it. */
  @Column({ name: 'starts_at', ...INSTANT_COLUMN })
  startsAt: Date;

  /** The occurrence after the task's current due date, kept with every change of it. */
  @Column({ name: 'next_due_at', ...INSTANT_COLUMN, nullable: true })
  nextDueAt: Date | null;

  @CreateDateColumn({ name: 'created_at', ...INSTANT_COLUMN, default: () => 'now()' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', ...INSTANT_COLUMN, default: () => 'now()' })
  updatedAt: Date;

  /** Bumped by every change of the row, the moves to the next occurrence included. */
  @VersionColumn({ default: 1 })
  version: number;
}
