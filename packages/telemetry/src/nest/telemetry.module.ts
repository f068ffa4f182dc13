import { Module, type DynamicModule } from '@nestjs/common';
import type { Config } from '@repo/config';
import { APP_CONFIG } from '@repo/config/nest';
import type { Registry } from 'prom-client';
import {
  createMetricsRegistry,
  DependencyMetrics,
  HeartbeatMetrics,
  HttpMetrics,
  MigrationMetrics,
  QueueMetrics,
  type AppName,
} from '../metrics/index.js';
import { METRICS_REGISTRY } from './metrics.tokens.js';
import { TracingShutdown } from './tracing-shutdown.js';

const FEATURE_METRICS = [
  HttpMetrics,
  QueueMetrics,
  DependencyMetrics,
  HeartbeatMetrics,
  MigrationMetrics,
] as const;

/**
 * The metrics registry of one app and the feature metrics that register into it, for injection wherever the
 * measured thing lives (the HTTP middleware, the queue module, the health checks). Requires AppConfigModule.
 * Global, so feature modules only inject. Tracing is started before Nest (see startTracing), not here; this
 * module only flushes it on shutdown. Import it before the database and Redis modules, so it closes after them.
 */
@Module({})
export class TelemetryModule {
  static forRoot(app: AppName): DynamicModule {
    return {
      module: TelemetryModule,
      global: true,
      providers: [
        {
          provide: METRICS_REGISTRY,
          inject: [APP_CONFIG],
          useFactory: (config: Config): Registry => createMetricsRegistry(config, app),
        },
        ...FEATURE_METRICS.map((metrics) => ({
          provide: metrics,
          inject: [METRICS_REGISTRY],
          useFactory: (registry: Registry) => new metrics(registry),
        })),
        TracingShutdown,
      ],
      exports: [METRICS_REGISTRY, ...FEATURE_METRICS],
    };
  }
}
