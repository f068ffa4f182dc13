import { Module } from '@nestjs/common';
import { MetricsRoutes } from './metrics.routes.js';

/** The process's metrics on the management server; the registry comes from the global TelemetryModule. */
@Module({ providers: [MetricsRoutes] })
export class MetricsModule {}
