import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions, MigrationInterface } from 'typeorm';
import { EmbeddedPostgres, IN_MEMORY } from './embedded-postgres';
import { runMigrationsLocked } from './migrate';

export type MigrationClass = new () => MigrationInterface;

export interface DatabaseOptions {
  /** A PostgreSQL server; without it the app starts embedded PostgreSQL (PGlite). */
  url?: string;
  /** Where embedded PostgreSQL keeps its files, or `memory://`. */
  embeddedDataDir?: string;
  /** Every library's migrations, in the order they run. */
  migrations: MigrationClass[];
  poolSize?: number;
}

/** Options shared by the app, its TypeORM CLI data source and the tests. */
export function postgresOptions(
  url: string,
  migrations: MigrationClass[],
  poolSize = 10,
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    migrations,
    synchronize: false,
    migrationsRun: false,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    installExtensions: false,
    extra: {
      max: poolSize,
      // Fail fast (503) rather than queue forever when the server is gone.
      connectionTimeoutMillis: 5_000,
    },
  };
}

/**
 * The database wiring of every app built from the libraries: TypeORM on a real PostgreSQL
 * or on embedded PGlite, with migrations run at start under an advisory lock.
 */
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          extraProviders: [EmbeddedPostgres],
          inject: [EmbeddedPostgres],
          useFactory: async (embedded: EmbeddedPostgres) => ({
            ...postgresOptions(
              options.url ?? (await embedded.start(options.embeddedDataDir ?? IN_MEMORY)),
              options.migrations,
              options.poolSize,
            ),
            autoLoadEntities: true,
            retryAttempts: 3,
            retryDelay: 1_000,
          }),
          dataSourceFactory: async (dataSourceOptions) => {
            if (!dataSourceOptions) throw new Error('TypeORM gave no data source options');
            const dataSource = await new DataSource(dataSourceOptions).initialize();
            await runMigrationsLocked(dataSource);
            return dataSource;
          },
        }),
      ],
    };
  }
}
