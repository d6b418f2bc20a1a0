import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { INSTANT_COLUMN } from '../database/columns';

export const TASK_STATUSES = ['todo', 'in_progress', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Declared in rank order: the PostgreSQL enum sorts by it, so `sort=priority` is index-backed. */
export const TASK_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

@Entity({ name: 'tasks' })
@Check('tasks_title_not_blank', `length(btrim(title)) > 0`)
@Check('tasks_completed_at_when_done', `(status = 'done') = (completed_at IS NOT NULL)`)
@Index('tasks_created_at_id_idx', ['createdAt', 'id'])
@Index('tasks_due_at_id_idx', ['dueAt', 'id'])
@Index('tasks_priority_id_idx', ['priority', 'id'])
// (due_at DESC NULLS LAST, id DESC), for sort=-dueAt: an order TypeORM cannot declare, so the
// migration owns it and the entity only names it.
@Index('tasks_due_at_desc_id_idx', { synchronize: false })
export class Task {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 10000, nullable: true })
  description: string | null;

  @Column({ type: 'enum', enum: TASK_STATUSES, enumName: 'task_status', default: 'todo' })
  status: TaskStatus;

  @Column({ type: 'enum', enum: TASK_PRIORITIES, enumName: 'task_priority', default: 'normal' })
  priority: TaskPriority;

  @Column({ name: 'due_at', ...INSTANT_COLUMN, nullable: true })
  dueAt: Date | null;

  @Column({ name: 'completed_at', ...INSTANT_COLUMN, nullable: true })
  completedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', ...INSTANT_COLUMN, default: () => 'now()' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', ...INSTANT_COLUMN, default: () => 'now()' })
  updatedAt: Date;

  /** Incremented by TypeORM on every update; the ETag is derived from it. */
  @VersionColumn({ default: 1 })
  version: number;
}
