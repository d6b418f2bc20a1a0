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
import { ApiToken } from './identity/api-token.entity';
import { Authenticator } from './identity/authenticator';
import { IDENTITY_OPTIONS, IdentityOptions } from './identity/identity-options';
import { IdentityRepository } from './identity/identity.repository';
import { MeController } from './identity/me.controller';
import { TokenUse } from './identity/token-use';
import { TokensController } from './identity/tokens.controller';
import { TokensService } from './identity/tokens.service';
import { User } from './identity/user.entity';
import { UsersController } from './identity/users.controller';
import { UsersService } from './identity/users.service';
import { Shutdown } from './lifecycle/shutdown';
import { Metrics } from './metrics/metrics';
import { Task } from './tasks/task.entity';
import { TasksController } from './tasks/tasks.controller';
import { TasksRepository } from './tasks/tasks.repository';
import { TasksService } from './tasks/tasks.service';

/** The entities of the tables core owns: the TypeORM CLI and the drift check need them all. */
export const coreEntities = [User, ApiToken, Task, IdempotencyRecord];

export interface CoreModuleOptions {
  database: DatabaseOptions;
  /** pino level: `fatal`, `error`, `warn`, `info`, `debug`, `trace` or `silent`. */
  logLevel?: string;
  /** Rate limits and CORS; absent: neither. (Idempotency keys need no settings: always on.) */
  edge?: EdgeOptions;
  /** `ADMIN_TOKEN`, OpenID Connect, the first administrator token; absent: API tokens only. */
  identity?: IdentityOptions;
}

/**
 * The foundation every app is built on: database, identity (users, API tokens, who asks),
 * tasks, the task extension point and the HTTP plumbing (authentication, problem+json errors,
 * validation, structured logs, rate limits, idempotency keys, CORS), metrics and the stop.
 * Global, so feature modules inject `TasksService`, `TaskExtensions`, `Metrics` and `Shutdown`
 * without importing it.
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
        TypeOrmModule.forFeature(coreEntities),
        DiscoveryModule,
      ],
      controllers: [MeController, TokensController, UsersController, TasksController],
      providers: [
        TasksRepository,
        TasksService,
        TaskExtensions,
        { provide: EDGE_OPTIONS, useValue: options.edge ?? {} },
        { provide: APP_LOGGER, useValue: logger },
        { provide: IDENTITY_OPTIONS, useValue: options.identity ?? {} },
        IdentityRepository,
        TokenUse,
        Authenticator,
        TokensService,
        UsersService,
        RateLimits,
        IdempotencyRepository,
        IdempotencyKeys,
        Shutdown,
        Metrics,
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
      exports: [TasksService, TaskExtensions, Shutdown, Metrics, Authenticator],
    };
  }
}
