import { Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import type { Config } from '@repo/config';
import { WorkersModule } from '../workers/workers.module.js';
import { DependencyIndicators } from './dependency.indicators.js';
import { HealthController } from './health.controller.js';
import { WorkersIndicator } from './workers.indicator.js';

@Module({})
export class HealthModule {
  static forRoot(config: Config): DynamicModule {
    return {
      module: HealthModule,
      imports: [
        // On SIGTERM, Terminus keeps serving (readiness 503) for the drain time before the server closes.
        TerminusModule.forRoot({
          // In development `pnpm dev` polls readiness while the apps start and says why it waits; an ERROR line per
          // probe would bury that. Deployed environments keep logging failed checks.
          logger: config.appEnv !== 'development',
          errorLogStyle: 'json',
          gracefulShutdownTimeoutMs: config.lifecycle.drainSeconds * 1000,
        }),
        WorkersModule,
      ],
      controllers: [HealthController],
      providers: [DependencyIndicators, WorkersIndicator],
    };
  }
}
