import { INSTANT_COLUMN } from '@task-api/core';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Recurrence } from './recurrence.entity';

/** One completed occurrence of a recurring task: its history, deleted with the recurrence. */
@Entity({ name: 'recurrence_completions' })
@Index('recurrence_completions_task_id_completed_at_id_idx', ['taskId', 'completedAt', 'id'])
export class RecurrenceCompletion {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_recurrence_completions' })
  id: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId: string;

  @ManyToOne(() => Recurrence, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'task_id',
    referencedColumnName: 'taskId',
    foreignKeyConstraintName: 'FK_recurrence_completions_recurrence',
  })
  recurrence?: Recurrence;

  /** The occurrence that was completed: the task's due date then. */
  @Column({ name: 'due_at', ...INSTANT_COLUMN })
  dueAt: Date;

  @Column({ name: 'completed_at', ...INSTANT_COLUMN })
  completedAt: Date;
}
