import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SqlRepository } from '../database/sql-repository';
import { runStatement } from '../database/statements';
import { INSTANT_KEY, Keyset, Position, keyset } from '../query/keyset';
import { EMPTY_SQL, Sql, joinSql, raw, sql } from '../query/sql';
import { NewSecret } from './api-token-secret';

/** A user as the API shows it. */
export interface UserRow {
  id: string;
  name: string;
  administrator: boolean;
  created_at: Date;
}

/** An API token as its owner's list shows it (never its hash). */
export interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  created_at: Date;
  last_used_at: Date | null;
  expires_at: Date | null;
}

/** What a presented API token stands for, whatever its state (expired and revoked included). */
export interface CredentialRow {
  token_id: string;
  user_id: string;
  administrator: boolean;
  expires_at: Date | null;
  revoked_at: Date | null;
}

/**
 * Marks the statements authentication sends on its own clock rather than a request's: a
 * credential's lookup (once per credential per cache period) and the batched write of tokens'
 * last use. Statement counts of requests leave them out (`StatementCounter`).
 */
export const AUTHENTICATION_SQL = '/* authentication */';

/** Users in the order they were made (`GET /users`): the administrator first. */
export const USER_ORDER = keyset({
  list: 'GET /users',
  sort: 'createdAt',
  key: { sql: 'listed.created_at', type: INSTANT_KEY },
  id: 'listed.id',
  descending: false,
});

/** A user's tokens in the order they were made (`GET /tokens`). */
export const TOKEN_ORDER = keyset({
  list: 'GET /tokens',
  sort: 'createdAt',
  key: { sql: 'listed.created_at', type: INSTANT_KEY },
  id: 'listed.id',
  descending: false,
});

/** What `DELETE /users/:id` found: nobody, the administrator (kept), or a user now gone. */
export type UserDeletion = 'missing' | 'administrator' | 'deleted';

/** The SQL of users and API tokens. Authentication reads through it only on a cache miss. */
@Injectable()
export class IdentityRepository extends SqlRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** The administrator's id, creating the administrator if there is none (race-safe). */
  async ensureAdministrator(): Promise<string> {
    await this.dataSource.query(
      `${AUTHENTICATION_SQL} INSERT INTO users (name, administrator) VALUES ('Administrator', true)
       ON CONFLICT DO NOTHING`,
    );
    const [row]: { id: string }[] = await this.dataSource.query(
      `${AUTHENTICATION_SQL} SELECT id FROM users WHERE administrator`,
    );
    return row.id;
  }

  /**
   * Locks the administrator's row for the rest of the transaction (processes starting at once
   * queue up here) and tells whether it was ever given a token, revoked ones included.
   */
  async lockAdministrator(manager: EntityManager): Promise<{ id: string; hasToken: boolean }> {
    const [row]: { id: string; has_token: boolean }[] = await manager.query(
      `SELECT id, EXISTS (SELECT 1 FROM api_tokens token WHERE token.user_id = u.id) AS has_token
         FROM users u WHERE administrator FOR UPDATE`,
    );
    return { id: row.id, hasToken: row.has_token };
  }

  /** A user and its first token, in one statement. */
  async insertUser(name: string, token: { name: string; secret: NewSecret }): Promise<UserRow> {
    const [row]: UserRow[] = await this.dataSource.query(
      `WITH created AS (
         INSERT INTO users (name) VALUES ($1) RETURNING id, name, administrator, created_at
       ), token AS (
         INSERT INTO api_tokens (user_id, name, prefix, hash)
         SELECT id, $2, $3, $4 FROM created
       )
       SELECT * FROM created`,
      [name, token.name, token.secret.prefix, token.secret.hash],
    );
    return row;
  }

  /**
   * The user an OpenID Connect provider vouches for, created at its first request. Concurrent
   * first requests meet on the unique (issuer, subject) index; the no-op update makes the
   * statement return the row either way.
   */
  async upsertOidcUser(issuer: string, subject: string, name: string): Promise<UserRow> {
    const [row]: UserRow[] = await this.dataSource.query(
      `${AUTHENTICATION_SQL} INSERT INTO users (name, oidc_issuer, oidc_subject) VALUES ($1, $2, $3)
       ON CONFLICT (oidc_issuer, oidc_subject) DO UPDATE SET oidc_subject = EXCLUDED.oidc_subject
       RETURNING id, name, administrator, created_at`,
      [name, issuer, subject],
    );
    return row;
  }

  async findUser(id: string): Promise<UserRow | undefined> {
    const [row]: UserRow[] = await this.dataSource.query(
      `SELECT id, name, administrator, created_at FROM users WHERE id = $1`,
      [id],
    );
    return row;
  }

  findUserPage(after: Position | undefined, limit: number): Promise<UserRow[]> {
    return this.page(
      sql`SELECT listed.id, listed.name, listed.administrator, listed.created_at FROM users listed`,
      [],
      USER_ORDER,
      after,
      limit,
    );
  }

  /** Deletes a user, and with it everything it owns (foreign keys cascade); never the administrator. */
  async deleteUser(id: string): Promise<UserDeletion> {
    const [row]: { administrator: boolean; deleted: boolean }[] = await this.dataSource.query(
      `WITH target AS (SELECT id, administrator FROM users WHERE id = $1),
            deleted AS (
              DELETE FROM users u USING target
               WHERE u.id = target.id AND NOT target.administrator RETURNING u.id)
       SELECT target.administrator, EXISTS (SELECT 1 FROM deleted) AS deleted FROM target`,
      [id],
    );
    if (!row) return 'missing';
    return row.administrator ? 'administrator' : 'deleted';
  }

  async insertToken(
    manager: EntityManager,
    userId: string,
    token: { name: string; secret: NewSecret; expiresAt: Date | null },
  ): Promise<TokenRow> {
    const [row]: TokenRow[] = await manager.query(
      `INSERT INTO api_tokens (user_id, name, prefix, hash, expires_at) VALUES ($1, $2, $3, $4, $5)
       RETURNING id, name, prefix, created_at, last_used_at, expires_at`,
      [userId, token.name, token.secret.prefix, token.secret.hash, token.expiresAt],
    );
    return row;
  }

  /** A user's tokens that still work or have only expired (revoked ones are gone for good). */
  findTokenPage(userId: string, after: Position | undefined, limit: number): Promise<TokenRow[]> {
    return this.page(
      sql`SELECT listed.id, listed.name, listed.prefix, listed.created_at, listed.last_used_at,
                 listed.expires_at
            FROM api_tokens listed`,
      [sql`listed.user_id = ${userId}`, sql`listed.revoked_at IS NULL`],
      TOKEN_ORDER,
      after,
      limit,
    );
  }

  /** Revokes one of the user's tokens; its hash (to forget it at once), or undefined if none. */
  async revokeToken(userId: string, id: string): Promise<string | undefined> {
    const [rows]: [{ hash: string }[], number] = await this.dataSource.query(
      `UPDATE api_tokens SET revoked_at = now()
        WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING hash`,
      [id, userId],
    );
    return rows[0]?.hash;
  }

  /** What the token with this hash stands for, if it exists. */
  async findCredential(hash: string): Promise<CredentialRow | undefined> {
    const [row]: CredentialRow[] = await this.dataSource.query(
      `${AUTHENTICATION_SQL} SELECT token.id AS token_id, token.user_id, u.administrator, token.expires_at,
              token.revoked_at
         FROM api_tokens token JOIN users u ON u.id = token.user_id
        WHERE token.hash = $1`,
      [hash],
    );
    return row;
  }

  /** Last uses of many tokens in one statement; a later use already written is kept. */
  async recordUses(uses: ReadonlyMap<string, Date>): Promise<void> {
    if (uses.size === 0) return;
    await this.dataSource.query(
      `${AUTHENTICATION_SQL} UPDATE api_tokens token SET last_used_at = used.at
         FROM unnest($1::uuid[], $2::timestamptz[]) AS used(id, at)
        WHERE token.id = used.id AND (token.last_used_at IS NULL OR token.last_used_at < used.at)`,
      [[...uses.keys()], [...uses.values()].map((at) => at.toISOString())],
    );
  }

  /** One keyset page in `order` (`limit + 1` rows: the extra one tells there is a next page). */
  private page<Row>(
    select: Sql,
    conditions: Sql[],
    order: Keyset,
    after: Position | undefined,
    limit: number,
  ): Promise<Row[]> {
    const all = [...conditions, ...[order.condition(after)].filter((c) => c !== undefined)];
    const where = all.length > 0 ? sql` WHERE ${joinSql(all, ' AND ')}` : EMPTY_SQL;
    const statement = sql`${select}${where} ORDER BY ${raw(order.orderBy())} LIMIT ${limit + 1}`;
    return runStatement(this.autocommit, statement);
  }
}
