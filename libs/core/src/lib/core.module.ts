import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE, DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { DatabaseModule, DatabaseOptions } from './database/database.module';
import { TaskExtensions } from './extension/task-extensions';
import { EDGE_OPTIONS, EdgeOptions } from './http/edge-options';
import { IdempotencyKeys } from './http/idempotency/idempotency-keys';
import { IdempotencyRecord } from './http/idempotency/idempotency-record.entity';
import { IdempotencyRepository } from './http/idempotency/idempotency.repository';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { RateLimits } from './http/rate-limit';
import { APP_LOGGER, createAppLogger } from './http/request-log';
import { createValidationPipe } from './http/validation';
import { Shutdown } from './lifecycle/shutdown';
import { Metrics } from './metrics/metrics';
import { Task } from './tasks/task.entity';
import { TasksController } from './tasks/tasks.controller';
import { TasksRepository } from './tasks/tasks.repository';
import { TasksService } from './tasks/tasks.service';

export interface CoreModuleOptions {
  database: DatabaseOptions;
  /** pino level: `fatal`, `error`, `warn`, `info`, `debug`, `trace` or `silent`. */
  logLevel?: string;
  /** Rate limits and CORS; absent: neither. (Idempotency keys need no settings: always on.) */
  edge?: EdgeOptions;
}

/**
 * The foundation every app is built on: database, tasks, the task extension point and the
 * HTTP plumbing (problem+json errors, validation, structured logs, rate limits, idempotency
 * keys, CORS), metrics and the stop. Global, so feature modules inject `TasksService`,
 * `TaskExtensions`, `Metrics` and `Shutdown` without importing it.
 */
@Global()
@Module({})
export class CoreModule {
  static forRoot(options: CoreModuleOptions): DynamicModule {
    const logger = createAppLogger(options.logLevel ?? 'info');
    return {
      module: CoreModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: { logger },
          // Requests are logged by a Fastify hook (logRequests), not by pino-http per route.
          forRoutes: [],
        }),
        DatabaseModule.forRoot(options.database),
        TypeOrmModule.forFeature([Task, IdempotencyRecord]),
        DiscoveryModule,
      ],
      controllers: [TasksController],
      providers: [
        TasksRepository,
        TasksService,
        TaskExtensions,
        { provide: EDGE_OPTIONS, useValue: options.edge ?? {} },
        { provide: APP_LOGGER, useValue: logger },
        RateLimits,
        IdempotencyRepository,
        IdempotencyKeys,
        Shutdown,
        Metrics,
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
      exports: [TasksService, TaskExtensions, Shutdown, Metrics],
    };
  }
}
