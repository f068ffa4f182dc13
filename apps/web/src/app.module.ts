import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { Config } from '@repo/config';
import { AppConfigModule } from '@repo/config/nest';
import { DatabaseModule } from '@repo/db/nest';
import { LoggingModule } from '@repo/logging';
import { MetricsModule, OpsModule } from '@repo/ops/nest';
import { QueueModule, RedisModule } from '@repo/queue/nest';
import { StorageModule } from '@repo/storage/nest';
import { TelemetryModule } from '@repo/telemetry/nest';
import { AllExceptionsFilter } from './http/all-exceptions.filter.js';
import { LifecycleModule } from './lifecycle/lifecycle.module.js';
import { RateLimitModule } from './rate-limit/rate-limit.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { StatusModule } from './status/status.module.js';
import { WorkersModule } from './workers/workers.module.js';

@Module({})
export class AppModule {
  static forRoot(config: Config): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot({ config }),
        LoggingModule.forRoot('web'),
        TelemetryModule.forRoot('web'),
        DatabaseModule.forRoot({ applicationName: 'ladder-web' }),
        RedisModule.forRoot({ connectionName: 'ladder-web' }),
        QueueModule,
        StorageModule,
        LifecycleModule,
        RateLimitModule,
        WorkersModule,
        // Health, readiness, /workers and the status page, on MANAGEMENT_PORT only.
        OpsModule.forRoot({
          port: config.management.port,
          drainSeconds: config.lifecycle.drainSeconds,
          logFailedChecks: config.appEnv !== 'development',
        }),
        ReportsModule,
        StatusModule,
        MetricsModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: AllExceptionsFilter }],
    };
  }
}
