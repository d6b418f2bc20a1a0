import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { INSTANT_COLUMN, Task } from '@task-api/core';
import { Tag } from './tag.entity';

/** Maps `task_tags`: one row per tag on a task; both sides cascade on delete. */
@Entity({ name: 'task_tags' })
@Index('task_tags_tag_id_task_id_idx', ['tagId', 'taskId'])
export class TaskTag {
  @PrimaryColumn({ name: 'task_id', type: 'uuid' })
  taskId: string;

  @PrimaryColumn({ name: 'tag_id', type: 'uuid' })
  tagId: string;

  @CreateDateColumn({ name: 'created_at', ...INSTANT_COLUMN, default: () => 'now()' })
  createdAt: Date;

  @ManyToOne(() => Task, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'FK_task_tags_task' })
  task?: Task;

  @ManyToOne(() => Tag, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tag_id', foreignKeyConstraintName: 'FK_task_tags_tag' })
  tag?: Tag;
}
