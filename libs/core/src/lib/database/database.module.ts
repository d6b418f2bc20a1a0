import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions, MigrationInterface } from 'typeorm';
import { DatabaseTimeouts, DEFAULT_TIMEOUTS, driverOptions } from './database-timeouts';
import { EmbeddedPostgres, IN_MEMORY } from './embedded-postgres';
import { DEFAULT_MIGRATION_LOCK_TIMEOUT_MS, runMigrationsLocked } from './migrate';
import { DatabaseStartupError } from './startup-error';
import { instrumentStatements } from './statements';
import { retryAbortedTransactions } from './transaction-retry';

export type MigrationClass = new () => MigrationInterface;

/** The migrations of every library, as one list in timestamp order (their class names end in it). */
export function allMigrations(...libraries: (readonly MigrationClass[])[]): MigrationClass[] {
  const timestampOf = (migration: MigrationClass) =>
    Number(/(\d{13})$/.exec(migration.name)?.[1] ?? 0);
  return libraries.flat().sort((a, b) => timestampOf(a) - timestampOf(b));
}

export interface DatabaseOptions {
  /** A PostgreSQL server; without it the app starts embedded PostgreSQL (PGlite). */
  url?: string;
  /** Where embedded PostgreSQL keeps its files, or `memory://`. */
  embeddedDataDir?: string;
  /** Every library's migrations, in the order they run. */
  migrations: MigrationClass[];
  poolSize?: number;
  timeouts?: DatabaseTimeouts;
  /** Longest wait for another process's migrations before the start fails. */
  migrationLockTimeoutMs?: number;
}

/** Options shared by the app, its TypeORM CLI data source and the tests. */
export function postgresOptions(
  url: string,
  migrations: MigrationClass[],
  poolSize = 10,
  timeouts: DatabaseTimeouts = DEFAULT_TIMEOUTS,
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    migrations,
    synchronize: false,
    migrationsRun: false,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    installExtensions: false,
    // Fail fast (503) rather than queue forever when the pool is exhausted or the server gone.
    extra: driverOptions(timeouts, poolSize),
  };
}

/**
 * The database wiring of every app built from the libraries: TypeORM on a real PostgreSQL
 * or on embedded PGlite, with migrations run at start under an advisory lock.
 */
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseOptions): DynamicModule {
    const timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          extraProviders: [EmbeddedPostgres],
          inject: [EmbeddedPostgres],
          useFactory: async (embedded: EmbeddedPostgres) => ({
            ...postgresOptions(
              options.url ?? (await embedded.start(options.embeddedDataDir ?? IN_MEMORY, timeouts)),
              options.migrations,
              options.poolSize,
              timeouts,
            ),
            autoLoadEntities: true,
            retryAttempts: 3,
            retryDelay: 1_000,
            // Waiting again for a lock that outlasted its deadline would only repeat the wait.
            toRetry: (error: unknown) => !(error instanceof DatabaseStartupError),
          }),
          dataSourceFactory: async (dataSourceOptions) => {
            if (!dataSourceOptions) throw new Error('TypeORM gave no data source options');
            const dataSource = await new DataSource(dataSourceOptions).initialize();
            retryAbortedTransactions(dataSource);
            await instrumentStatements(dataSource);
            await runMigrationsLocked(
              dataSource,
              options.migrationLockTimeoutMs ?? DEFAULT_MIGRATION_LOCK_TIMEOUT_MS,
            );
            return dataSource;
          },
        }),
      ],
    };
  }
}
