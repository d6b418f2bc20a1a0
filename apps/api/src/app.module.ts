import { DynamicModule, Module } from '@nestjs/common';
import { CoreModule, IN_MEMORY } from '@task-api/core';
import { RemindersModule } from '@task-api/reminders';
import { TagsModule } from '@task-api/tags';
import { Environment } from './config/environment';
import { HealthModule } from './health/health.module';
import { migrations } from './migrations';

/** The composition: core plus every feature library, configured from the environment. */
@Module({})
export class AppModule {
  static forRoot(env: Environment): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot({
          database: {
            url: env.DATABASE_URL,
            embeddedDataDir: env.PGLITE_DATA_DIR === IN_MEMORY ? IN_MEMORY : env.PGLITE_DATA_DIR,
            migrations,
            poolSize: env.DB_POOL_SIZE,
            timeouts: {
              statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS,
              lockTimeoutMs: env.DB_LOCK_TIMEOUT_MS,
              idleInTransactionTimeoutMs: env.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
              poolTimeoutMs: env.DB_POOL_TIMEOUT_MS,
            },
            migrationLockTimeoutMs: env.DB_MIGRATION_LOCK_TIMEOUT_MS,
          },
          logLevel: env.LOG_LEVEL,
          edge: {
            rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
            redisUrl: env.REDIS_URL,
            redisKeyPrefix: env.REDIS_KEY_PREFIX,
            corsOrigins: env.CORS_ORIGINS,
          },
        }),
        RemindersModule.forRoot({
          webhook: env.REMINDERS_WEBHOOK_URL
            ? { url: env.REMINDERS_WEBHOOK_URL, secret: env.REMINDERS_WEBHOOK_SECRET ?? '' }
            : undefined,
          dispatcher: {
            enabled: env.REMINDERS_DISPATCHER_ENABLED,
            pollIntervalMs: env.REMINDERS_POLL_INTERVAL_MS,
            batchSize: env.REMINDERS_BATCH_SIZE,
            leaseMs: env.REMINDERS_LEASE_MS,
            maxAttempts: env.REMINDERS_MAX_ATTEMPTS,
            timeoutMs: env.REMINDERS_TIMEOUT_MS,
            backoffBaseMs: env.REMINDERS_BACKOFF_BASE_MS,
          },
        }),
        HealthModule,
        TagsModule,
      ],
    };
  }
}
