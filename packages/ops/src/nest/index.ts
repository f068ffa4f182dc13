export { ManagementRoutes } from './management-routes.js';
export { OpsModule } from './ops.module.js';
export type { OpsOptions } from './ops.options.js';
export { MetricsModule } from './metrics/metrics.module.js';
