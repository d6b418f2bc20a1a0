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
import { INSTANT_COLUMN, User } from '@task-api/core';

export const TAG_NAME_MAX_LENGTH = 64;
/**
 * The unique index on `(owner_id, lower(name))`: "Urgent" and "urgent" are one tag of a user,
 * and two users may each have theirs.
 */
export const TAG_NAME_UNIQUE_INDEX = 'tags_owner_id_name_lower_key';

/** Maps the `tags` table of the foundation migration; a tag is its owner's alone. */
@Entity({ name: 'tags' })
@Check('tags_name_not_blank', `length(btrim(name)) > 0`)
@Check('tags_color_hex', `color ~ '^#[0-9a-f]{6}$'`)
// An expression index TypeORM cannot describe: declared so that it is not dropped, kept by SQL.
@Index(TAG_NAME_UNIQUE_INDEX, { synchronize: false })
export class Tag {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The user who made it; nobody else sees it or can attach it. */
  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'owner_id', foreignKeyConstraintName: 'FK_tags_owner' })
  owner?: User;

  /** As first spelled; compared case-insensitively. */
  @Column({ type: 'varchar', length: TAG_NAME_MAX_LENGTH })
  name: string;

  /** `#rrggbb`, lowercase. */
  @Column({ type: 'char', length: 7, nullable: true })
  color: string | null;

  @CreateDateColumn({ name: 'created_at', ...INSTANT_COLUMN, default: () => 'now()' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', ...INSTANT_COLUMN, default: () => 'now()' })
  updatedAt: Date;
}
