import { DynamicModule, Module } from '@nestjs/common';
import {
  CoreModule,
  allMigrations,
  coreMigrations,
  databaseOptionsFrom,
  identityOptionsFrom,
} from '@task-api/core';
import { WorkerEnvironment } from './config/environment';
import { features } from './features';

const migrations = allMigrations(coreMigrations, ...features.map((feature) => feature.migrations));

/**
 * The worker: core's database and the features, as the API composes them (so that a webhook
 * carries the task exactly as the API shows it), with the reminders' dispatcher always on. No
 * HTTP server is created, so the controllers stay unrouted.
 */
@Module({})
export class WorkerModule {
  static forRoot(env: WorkerEnvironment): DynamicModule {
    // Whichever process starts first migrates, under the advisory lock.
    const dispatcherOn = { ...env, REMINDERS_DISPATCHER_ENABLED: true };
    return {
      module: WorkerModule,
      imports: [
        CoreModule.forRoot({
          database: databaseOptionsFrom(env, migrations),
          logLevel: env.LOG_LEVEL,
          // Its metrics answer the administrator, as the API's do.
          identity: identityOptionsFrom(env),
        }),
        ...features.map((feature) => feature.module(dispatcherOn)),
      ],
    };
  }
}
