import type { Config } from '@repo/config';
import { BullMQOtel } from 'bullmq-otel';

/**
 * BullMQ's own OpenTelemetry support, for the `telemetry` option of every Queue and Worker: adding a job stores
 * the current trace context in it, and processing the job continues that trace, so a job's span sits under the
 * request that enqueued it. Without tracing (TRACES_EXPORTER=none) the global tracer is a no-op and so is this.
 */
export function queueTelemetry(config: Config): BullMQOtel {
  return new BullMQOtel({ tracerName: 'ladder-queue', version: config.release.version });
}
