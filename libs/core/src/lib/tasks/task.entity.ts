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
import { INSTANT_COLUMN } from '../database/columns';
import { User } from '../identity/user.entity';

export const TASK_STATUSES = ['todo', 'in_progress', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Declared in rank order: the PostgreSQL enum sorts by it, so `sort=priority` is index-backed. */
export const TASK_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

@Entity({ name: 'tasks' })
@Check('tasks_title_not_blank', `length(btrim(title)) > 0`)
@Check('tasks_completed_at_when_done', `(status = 'done') = (completed_at IS NOT NULL)`)
// Every list is one owner's: each sort of GET /tasks has an index that starts with the owner.
@Index('tasks_owner_id_created_at_id_idx', ['ownerId', 'createdAt', 'id'])
@Index('tasks_owner_id_due_at_id_idx', ['ownerId', 'dueAt', 'id'])
@Index('tasks_owner_id_priority_id_idx', ['ownerId', 'priority', 'id'])
// (owner_id, due_at DESC NULLS LAST, id DESC), for sort=-dueAt: an order TypeORM cannot
// declare, so the migration owns it and the entity only names it.
@Index('tasks_owner_id_due_at_desc_id_idx', { synchronize: false })
export class Task {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The user who created the task; nobody else sees it. */
  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'owner_id', foreignKeyConstraintName: 'FK_tasks_owner' })
  owner?: User;

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
