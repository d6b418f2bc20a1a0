import { DynamicModule, Module } from '@nestjs/common';
import { CoreModule, IN_MEMORY } from '@task-api/core';
import { RemindersModule, remindersOptionsFrom } from '@task-api/reminders';
import { TagsModule } from '@task-api/tags';
import { Environment } from './config/environment';
import { HealthModule } from './health/health.module';
import { MetricsModule } from './metrics/metrics.module';
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
          },
          logLevel: env.LOG_LEVEL,
        }),
        RemindersModule.forRoot(remindersOptionsFrom(env)),
        HealthModule,
        MetricsModule,
        TagsModule,
      ],
    };
  }
}
