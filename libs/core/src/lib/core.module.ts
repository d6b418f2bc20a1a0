import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
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
import { createValidationPipe } from './http/validation';
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
 * keys, CORS). Global, so feature
 * modules inject `TasksService` and `TaskExtensions` without importing it.
 */
@Global()
@Module({})
export class CoreModule {
  static forRoot(options: CoreModuleOptions): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: options.logLevel ?? 'info',
            // The id comes from X-Request-Id or is generated (see request-id.ts).
            customAttributeKeys: { reqId: 'requestId' },
            redact: ['req.headers.authorization', 'req.headers.cookie'],
          },
        }),
        DatabaseModule.forRoot(options.database),
        TypeOrmModule.forFeature([Task, IdempotencyRecord]),
      ],
      controllers: [TasksController],
      providers: [
        TasksRepository,
        TasksService,
        TaskExtensions,
        { provide: EDGE_OPTIONS, useValue: options.edge ?? {} },
        RateLimits,
        IdempotencyRepository,
        IdempotencyKeys,
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
      exports: [TasksService, TaskExtensions],
    };
  }
}
