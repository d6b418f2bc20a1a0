import { DynamicModule, ForwardReference, Module, Type } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { CoreModule } from '../lib/core.module';
import { MigrationClass } from '../lib/database/database.module';
import { coreMigrations } from '../lib/database/migrations';
import { observeStatements } from '../lib/database/statements';
import { EdgeOptions } from '../lib/http/edge-options';
import { createApp } from '../lib/http/configure-app';
import { IdentityOptions } from '../lib/identity/identity-options';
import { AUTHENTICATION_SQL, IdentityRepository } from '../lib/identity/identity.repository';
import { TokensService } from '../lib/identity/tokens.service';
import { UsersService } from '../lib/identity/users.service';
import { testDatabaseUrl } from './test-database';

type Import = Type | DynamicModule | ForwardReference;

export interface TestAppOptions {
  /** Feature modules to compose with core: a feature suite boots core + that feature alone. */
  imports?: Import[];
  /** Migrations beyond core's (a feature's own), in order. */
  migrations?: MigrationClass[];
  databaseUrl?: string;
  poolSize?: number;
  /**
   * Rate limits and CORS, as a deployment sets them. None unless a test asks: suites send bursts
   * far above any person's rate.
   */
  edge?: EdgeOptions;
  /** `ADMIN_TOKEN`, OpenID Connect... as a deployment sets them; absent: API tokens only. */
  identity?: IdentityOptions;
}

/** The app as production builds it (same adapter, filter, pipe, OpenAPI), on the test database. */
export async function createTestApp(options: TestAppOptions = {}): Promise<NestFastifyApplication> {
  @Module({
    imports: [
      CoreModule.forRoot({
        database: {
          url: options.databaseUrl ?? testDatabaseUrl(),
          migrations: [...coreMigrations, ...(options.migrations ?? [])],
          poolSize: options.poolSize,
        },
        logLevel: process.env.TEST_LOG_LEVEL ?? 'silent',
        edge: options.edge,
        identity: options.identity,
      }),
      ...(options.imports ?? []),
    ],
  })
  class TestAppModule {}
  return createApp(TestAppModule);
}

/**
 * Tables a reset keeps: the migrations' own, and the users with their tokens, so that the users
 * a suite made once (`createTestUser`) stay valid across its resets. Everything they own goes.
 */
const KEPT_TABLES = ['migrations', 'users', 'api_tokens'];

/** Empties every table but `KEPT_TABLES`, between suites and tests. */
export async function resetDatabase(app: NestFastifyApplication): Promise<void> {
  const dataSource = app.get(DataSource);
  const tables: { tablename: string }[] = await dataSource.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> ALL($1)`,
    [KEPT_TABLES],
  );
  if (tables.length > 0) {
    await dataSource.query(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(', ')} CASCADE`);
  }
}

/** A user of a test, with what its requests need: `request.agent(server).set(user.headers)`. */
export interface TestUser {
  id: string;
  name: string;
  token: string;
  headers: { authorization: string };
}

let testUsers = 0;

/**
 * A new user with an API token, made directly (no HTTP, no administrator needed). Each is a
 * stranger to the others: what one creates, no other sees. `administrator: true` gives a new
 * token of the administrator instead (`/users`, `/metrics`).
 */
export async function createTestUser(
  app: NestFastifyApplication,
  { name = `Test user ${++testUsers}`, administrator = false } = {},
): Promise<TestUser> {
  if (administrator) {
    const id = await app.get(IdentityRepository).ensureAdministrator();
    const principal = { userId: id, administrator: true };
    const { token } = await app.get(TokensService).create(principal, { name });
    return withHeaders({ id, name: 'Administrator', token });
  }
  return withHeaders(await app.get(UsersService).create({ name }));
}

const withHeaders = (user: Omit<TestUser, 'headers'>): TestUser => ({
  ...user,
  headers: { authorization: `Bearer ${user.token}` },
});

/**
 * Counts the SQL statements an app sends, to assert that a request costs a constant number of
 * statements (no N+1): every statement its pool's connections send, whichever code sent it.
 */
export class StatementCounter {
  statements: string[] = [];
  private readonly stop: () => void;

  constructor(dataSource: DataSource) {
    this.stop = observeStatements(dataSource, (text) => this.statements.push(text));
  }

  /** Statements sent while `work` ran, transaction control (BEGIN/COMMIT) excluded. */
  async count(work: () => Promise<unknown>): Promise<string[]> {
    return (await this.countAll(work)).filter(
      (sql) => !/^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK)/i.test(sql),
    );
  }

  /**
   * Every statement sent while `work` ran, transaction control included. Authentication's own
   * (a credential looked up once per cache period, last uses written every few seconds) come on
   * their own clock, so a request may or may not meet one: they are left out, and the identity
   * suite counts them.
   */
  async countAll(work: () => Promise<unknown>): Promise<string[]> {
    this.statements = [];
    await work();
    return this.statements.filter((sql) => !sql.startsWith(AUTHENTICATION_SQL));
  }

  restore(): void {
    this.stop();
  }
}
