import type { Config } from '@repo/config';
import { BullMQOtel } from 'bullmq-otel';

/**
 * BullMQ's own OpenTelemetry support, for the `telemetry` option of every Queue and Worker: adding a job stores
 * the current trace context in it, and processing the job continues that trace, so a job's span sits under the
 * request that enqueued it. Undefined with TRACES_EXPORTER=none, so BullMQ then skips its tracing calls for
 * every job instead of making them against a no-op tracer.
 */
export function queueTelemetry(config: Config): BullMQOtel | undefined {
  if (config.telemetry.tracesExporter === 'none') return undefined;
  return new BullMQOtel({ tracerName: 'ladder-queue', version: config.release.version });
}
