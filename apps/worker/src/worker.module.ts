import { Module, type DynamicModule } from '@nestjs/common';
import type { Config } from '@repo/config';
import { AppConfigModule } from '@repo/config/nest';
import { DatabaseModule } from '@repo/db/nest';
import { LoggingModule } from '@repo/logging';
import { MailModule } from '@repo/mail/nest';
import { MetricsModule, OpsModule } from '@repo/ops/nest';
import { RedisModule } from '@repo/queue/nest';
import { StorageModule } from '@repo/storage/nest';
import { TelemetryModule } from '@repo/telemetry/nest';
import { ReportsProcessingModule } from './reports/reports-processing.module.js';

@Module({})
export class WorkerModule {
  static forRoot(config: Config): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        AppConfigModule.forRoot({ config }),
        LoggingModule.forRoot('worker'),
        TelemetryModule.forRoot('worker'),
        DatabaseModule.forRoot({ applicationName: 'ladder-worker' }),
        RedisModule.forRoot({ connectionName: 'ladder-worker' }),
        StorageModule,
        MailModule,
        ReportsProcessingModule,
        // Liveness and readiness for the orchestrator's probes, on WORKER_MANAGEMENT_PORT.
        // The worker image has no migration files: the web image's release step owns migrations.
        OpsModule.forRoot({
          port: config.management.workerPort,
          checkMigrations: false,
          logFailedChecks: config.appEnv !== 'development',
        }),
        MetricsModule,
      ],
    };
  }
}
