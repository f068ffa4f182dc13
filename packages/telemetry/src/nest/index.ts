export { InjectMetricsRegistry, METRICS_REGISTRY } from './metrics.tokens.js';
export { TelemetryModule } from './telemetry.module.js';
