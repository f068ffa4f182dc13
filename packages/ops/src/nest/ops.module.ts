import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ManagementRoutes } from './management-routes.js';
import { ManagementService } from './management.service.js';
import { OPS_OPTIONS, type OpsOptions } from './ops.options.js';
import { ReadinessIndicators } from './readiness.indicators.js';

/**
 * The ops surface of an app: a management server on its own port with liveness (`/health`) and readiness
 * (`/health/ready`), to which the app adds its own routes through ManagementRoutes. Needs the config, database
 * and Redis modules (all global).
 */
@Global()
@Module({})
export class OpsModule {
  static forRoot(options: OpsOptions): DynamicModule {
    return {
      module: OpsModule,
      imports: [
        // On SIGTERM, Terminus waits the drain time (readiness already 503) before the servers close.
        TerminusModule.forRoot({
          logger: options.logFailedChecks ?? true,
          errorLogStyle: 'json',
          gracefulShutdownTimeoutMs: (options.drainSeconds ?? 0) * 1000,
        }),
      ],
      providers: [
        { provide: OPS_OPTIONS, useValue: options },
        ManagementRoutes,
        ReadinessIndicators,
        ManagementService,
      ],
      exports: [ManagementRoutes, OPS_OPTIONS],
    };
  }
}
