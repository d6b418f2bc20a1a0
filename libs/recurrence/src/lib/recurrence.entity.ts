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
} from 'typeorm';
import { INSTANT_COLUMN, Task } from '@task-api/core';

export const RECURRENCE_BODY_MAX_LENGTH = 2000;
/** The foreign key to `tasks`: an insert for a missing task violates it. */
export const RECURRENCE_TASK_FOREIGN_KEY = 'FK_recurrence_task';

/**
 * Maps the `recurrence` table, created by this library's migration (the two must agree:
 * the schema drift test in apps/api fails otherwise). Deleted with its task.
 */
@Entity({ name: 'recurrence' })
@Check('recurrence_body_not_blank', `length(btrim(body)) > 0`)
@Index('recurrence_task_id_created_at_id_idx', ['taskId', 'createdAt', 'id'])
export class Recurrence {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId: string;

  @Column({ type: 'varchar', length: RECURRENCE_BODY_MAX_LENGTH })
  body: string;

  @CreateDateColumn({ name: 'created_at', ...INSTANT_COLUMN, default: () => 'now()' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', ...INSTANT_COLUMN, default: () => 'now()' })
  updatedAt: Date;

  @ManyToOne(() => Task, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: RECURRENCE_TASK_FOREIGN_KEY })
  task?: Task;
}
