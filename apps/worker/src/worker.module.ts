import { Module, type DynamicModule } from '@nestjs/common';
import type { Config } from '@repo/config';
import { AppConfigModule } from '@repo/config/nest';
import { DatabaseModule } from '@repo/db/nest';
import { LoggingModule } from '@repo/logging';
import { RedisModule } from '@repo/queue/nest';
import { ReportsProcessingModule } from './reports/reports-processing.module.js';

@Module({})
export class WorkerModule {
  static forRoot(config: Config): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        AppConfigModule.forRoot({ config }),
        LoggingModule.forRoot('worker'),
        DatabaseModule.forRoot({ applicationName: 'ladder-worker' }),
        RedisModule.forRoot({ connectionName: 'ladder-worker' }),
        ReportsProcessingModule,
      ],
    };
  }
}
