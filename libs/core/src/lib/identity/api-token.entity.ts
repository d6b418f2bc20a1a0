import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { INSTANT_COLUMN } from '../database/columns';
import { User } from './user.entity';

export const TOKEN_NAME_MAX_LENGTH = 100;

/**
 * An API token of a user. Only its SHA-256 hash is kept (the secret is shown once, when it is
 * made) and its first characters, so that a user can tell tokens apart. A revoked token keeps
 * its row: the administrator's first token is issued only if it never had one.
 */
@Entity({ name: 'api_tokens' })
@Index('api_tokens_hash_key', ['hash'], { unique: true })
@Index('api_tokens_user_id_created_at_id_idx', ['userId', 'createdAt', 'id'])
export class ApiToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_api_tokens_user' })
  user?: User;

  @Column({ type: 'varchar', length: TOKEN_NAME_MAX_LENGTH })
  name: string;

  /** The first characters of the secret (`tapi_AbC123`), to recognise it in a list. */
  @Column({ type: 'varchar', length: 16 })
  prefix: string;

  /** SHA-256 of the whole secret, hex. */
  @Column({ type: 'char', length: 64 })
  hash: string;

  @CreateDateColumn({ name: 'created_at', ...INSTANT_COLUMN, default: () => 'now()' })
  createdAt: Date;

  /** When it last authenticated a request, written in batches (see `TokenUse`). */
  @Column({ name: 'last_used_at', ...INSTANT_COLUMN, nullable: true })
  lastUsedAt: Date | null;

  @Column({ name: 'expires_at', ...INSTANT_COLUMN, nullable: true })
  expiresAt: Date | null;

  @Column({ name: 'revoked_at', ...INSTANT_COLUMN, nullable: true })
  revokedAt: Date | null;
}
