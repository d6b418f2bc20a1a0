import { DynamicModule, Module } from '@nestjs/common';
import { CoreModule, IN_MEMORY } from '@task-api/core';
import { Environment } from './config/environment';
import { features } from './features';
import { HealthModule } from './health/health.module';
import { migrations } from './migrations';

/** The composition: core plus every feature library of `features`, configured from the environment. */
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
        ...features.map((feature) => feature.module(env)),
        HealthModule,
      ],
    };
  }
}
