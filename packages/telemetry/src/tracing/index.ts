// Only modules that load no instrumented library: the SDK is imported by startTracing once its hook is in place.
export { queueTelemetry } from './queue-telemetry.js';
export { shutdownTracing, startTracing, type Tracing } from './start-tracing.js';
export { currentTraceId, currentTraceIds } from './trace-ids.js';
export type { TracedApp } from './tracing-options.js';
