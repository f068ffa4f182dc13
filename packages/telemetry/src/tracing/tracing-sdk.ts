import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { TracerProvider } from '@opentelemetry/sdk-trace';
import type { Config } from '@repo/config';
import type { Tracing } from './start-tracing.js';
import {
  instrumentations,
  spanProcessors,
  tracingResource,
  tracingSampler,
  type TracedApp,
} from './tracing-options.js';

/**
 * Imported by startTracing once the loader hook is registered, so the instrumented modules load after it.
 *
 * The pieces are registered by hand rather than through NodeSDK: NodeSDK also starts a meter provider with an
 * OTLP metric exporter and a logger provider unless OTEL_* variables say otherwise, and the instrumentations then
 * record an OpenTelemetry histogram for every request and query, sampled or not, which cost more CPU than the
 * spans themselves. The apps' metrics come from prom-client; tracing registers only what traces need.
 */
export function startSdk(config: Config, app: TracedApp): Tracing {
  const provider = new TracerProvider({
    resource: tracingResource(config, app),
    sampler: tracingSampler(config),
    spanProcessors: spanProcessors(config),
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  // W3C trace context only: baggage from a client is not carried into the apps or their jobs.
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  registerInstrumentations({ instrumentations: instrumentations(), tracerProvider: provider });
  return { enabled: true, shutdown: () => provider.shutdown() };
}
