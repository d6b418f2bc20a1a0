import { DynamicModule, ForwardReference, Module, Type } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource, Logger as TypeOrmLogger } from 'typeorm';
import { CoreModule } from '../lib/core.module';
import { MigrationClass } from '../lib/database/database.module';
import { coreMigrations } from '../lib/database/migrations';
import { EdgeOptions } from '../lib/http/edge-options';
import { createApp } from '../lib/http/configure-app';
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
      }),
      ...(options.imports ?? []),
    ],
  })
  class TestAppModule {}
  return createApp(TestAppModule);
}

/** Empties every table but the migrations' own, between suites. */
export async function resetDatabase(app: NestFastifyApplication): Promise<void> {
  const dataSource = app.get(DataSource);
  const tables: { tablename: string }[] = await dataSource.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations'`,
  );
  if (tables.length > 0) {
    await dataSource.query(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(', ')} CASCADE`);
  }
}

/**
 * Counts the SQL statements an app sends, to assert that a request costs a constant number of
 * statements (no N+1). TypeORM reports every statement to its logger.
 */
export class StatementCounter {
  statements: string[] = [];
  private readonly original: TypeOrmLogger;

  constructor(private readonly dataSource: DataSource) {
    this.original = dataSource.logger;
    const record = (query: string) => this.statements.push(query);
    (dataSource as { logger: TypeOrmLogger }).logger = new Proxy(this.original, {
      get(target, property, receiver) {
        if (property !== 'logQuery') return Reflect.get(target, property, receiver);
        return (query: string, ...rest: unknown[]) => {
          record(query);
          return target.logQuery(query, ...(rest as []));
        };
      },
    });
  }

  /** Statements sent while `work` ran, transaction control (BEGIN/COMMIT) excluded. */
  async count(work: () => Promise<unknown>): Promise<string[]> {
    return (await this.countAll(work)).filter(
      (sql) => !/^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK)/i.test(sql),
    );
  }

  /** Every statement sent while `work` ran, transaction control included. */
  async countAll(work: () => Promise<unknown>): Promise<string[]> {
    this.statements = [];
    await work();
    return [...this.statements];
  }

  restore(): void {
    (this.dataSource as { logger: TypeOrmLogger }).logger = this.original;
  }
}
