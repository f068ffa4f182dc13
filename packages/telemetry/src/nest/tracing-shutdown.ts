import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { shutdownTracing } from '../tracing/start-tracing.js';

/**
 * Flushes the spans the instrumentation entry's SDK still buffers when the app shuts down. TelemetryModule is
 * global, and Nest runs the shutdown hooks of global modules after those of the feature modules and in reverse
 * import order, so this comes after the servers, workers, Redis and the database (imported after it) closed.
 */
@Injectable()
export class TracingShutdown implements OnApplicationShutdown {
  async onApplicationShutdown(): Promise<void> {
    await shutdownTracing();
  }
}
