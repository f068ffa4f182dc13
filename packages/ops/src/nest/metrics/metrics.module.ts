import { Module } from '@nestjs/common';
import { DependencyProbes } from './dependency-probes.js';
import { MetricsRoutes } from './metrics.routes.js';

/** The process's metrics on the management server; the registry comes from the global TelemetryModule. */
@Module({ providers: [MetricsRoutes, DependencyProbes] })
export class MetricsModule {}
