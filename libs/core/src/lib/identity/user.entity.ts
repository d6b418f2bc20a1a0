import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { INSTANT_COLUMN } from '../database/columns';

export const USER_NAME_MAX_LENGTH = 200;

/**
 * Someone the API answers for: every task and tag belongs to one (deleted with them). One user is
 * the administrator, created by the identity migration; an OpenID Connect user is found by its
 * issuer and subject.
 */
@Entity({ name: 'users' })
@Check('users_name_not_blank', `length(btrim(name)) > 0`)
@Index('users_created_at_id_idx', ['createdAt', 'id'])
@Index('users_oidc_subject_key', ['oidcIssuer', 'oidcSubject'], { unique: true })
// At most one administrator: a unique index on `(true)` for the rows that are one, which
// TypeORM cannot describe; the migration owns it, the entity only names it.
@Index('users_one_administrator', { synchronize: false })
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: USER_NAME_MAX_LENGTH })
  name: string;

  @Column({ type: 'boolean', default: false })
  administrator: boolean;

  /** The OpenID Connect provider (`iss`) that vouches for this user, if any. */
  @Column({ name: 'oidc_issuer', type: 'varchar', length: 500, nullable: true })
  oidcIssuer: string | null;

  /** The user's `sub` at that provider. */
  @Column({ name: 'oidc_subject', type: 'varchar', length: 255, nullable: true })
  oidcSubject: string | null;

  @CreateDateColumn({ name: 'created_at', ...INSTANT_COLUMN, default: () => 'now()' })
  createdAt: Date;
}
