export {
  DependencyMetrics,
  PROBE_TIMEOUT_MS,
  type PoolUsage,
  type RedisStatus,
} from './dependency-metrics.js';
export { HeartbeatMetrics, type LastBeat } from './heartbeat-metrics.js';
export {
  HTTP_DURATION_BUCKETS,
  HttpMetrics,
  httpMetricsMiddleware,
  methodLabel,
  routeTemplate,
  statusClass,
  UNMATCHED_ROUTE,
  type RequestLabels,
} from './http-metrics.js';
export { createMetricsRegistry, METRIC_PREFIX, scrape, type AppName } from './metrics-registry.js';
export { MigrationMetrics } from './migration-metrics.js';
export {
  JOB_DURATION_BUCKETS,
  QUEUE_STATES,
  QueueMetrics,
  type CountableQueue,
  type FinishedJob,
  type ObservableWorker,
  type QueueState,
} from './queue-metrics.js';
