import { DynamicModule, Module } from '@nestjs/common';
import { CoreModule, databaseOptionsFrom, identityOptionsFrom } from '@task-api/core';
import { Environment } from './config/environment';
import { features } from './features';
import { HealthModule } from './health/health.module';
import { MetricsModule } from './metrics/metrics.module';
import { migrations } from './migrations';

/** The composition: core plus every feature library of `features`, configured from the environment. */
@Module({})
export class AppModule {
  static forRoot(env: Environment): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot({
          database: databaseOptionsFrom(env, migrations),
          logLevel: env.LOG_LEVEL,
          edge: {
            rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
            redisUrl: env.REDIS_URL,
            redisKeyPrefix: env.REDIS_KEY_PREFIX,
            corsOrigins: env.CORS_ORIGINS,
          },
          // The API prints the administrator's first token at the first start of an install.
          identity: { ...identityOptionsFrom(env), announceFirstToken: true },
        }),
        ...features.map((feature) => feature.module(env)),
        HealthModule,
        MetricsModule,
      ],
    };
  }
}
