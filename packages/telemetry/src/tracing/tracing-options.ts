import type { IncomingMessage } from 'node:http';
import type { Instrumentation } from '@opentelemetry/instrumentation';
import type { Config } from '@repo/config';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { resourceFromAttributes, type Resource } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  ConsoleSpanExporter,
  ParentBasedSampler,
  SimpleSpanProcessor,
  TraceIdRatioBasedSampler,
  type Sampler,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';

export type TracedApp = 'web' | 'worker';

/** Probes and scrapes arrive every few seconds and say nothing about users: they are not traced. */
const UNTRACED_PATHS = ['/health', '/metrics'];

/** Who emits the spans: the app, its environment and build, so staging and production never mix in a view. */
export function tracingResource(config: Config, app: TracedApp): Resource {
  return resourceFromAttributes({
    [ATTR_SERVICE_NAME]: `ladder-${app}`,
    [ATTR_SERVICE_VERSION]: config.release.version,
    'deployment.environment.name': config.appEnv,
    'vcs.ref.head.revision': config.release.gitSha,
  });
}

/**
 * Keeps TRACES_SAMPLE_RATIO of the traces, decided by trace id. Parents inside the process follow their decision;
 * remote parents (a `traceparent` header, a job's stored context) are decided by the same ratio instead of their
 * sampled flag, so a client on the internet cannot force every request it sends to be recorded. Because the
 * decision depends only on the trace id, a job still lands in the same decision as the request that enqueued it.
 */
export function tracingSampler(config: Config): Sampler {
  const ratio = new TraceIdRatioBasedSampler(config.telemetry.sampleRatio);
  return new ParentBasedSampler({
    root: ratio,
    remoteParentSampled: ratio,
    remoteParentNotSampled: ratio,
  });
}

/** none → nothing; console → each span printed as it ends; otlp → batched to this environment's collector. */
export function spanProcessors(config: Config): SpanProcessor[] {
  const { tracesExporter, otlpEndpoint } = config.telemetry;
  if (tracesExporter === 'console')
    return [new SimpleSpanProcessor({ exporter: new ConsoleSpanExporter() })];
  if (tracesExporter === 'otlp' && otlpEndpoint !== undefined) {
    const url = new URL(
      'v1/traces',
      otlpEndpoint.endsWith('/') ? otlpEndpoint : `${otlpEndpoint}/`,
    );
    return [new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: url.href }) })];
  }
  return [];
}

/**
 * HTTP (server and client), pg and ioredis. BullMQ is traced by BullMQ itself (see queueTelemetry), which carries
 * the enqueuing request's context in the job so the job's span joins the same trace.
 */
export function instrumentations(): Instrumentation[] {
  return [
    new HttpInstrumentation({
      ignoreIncomingRequestHook: (request: IncomingMessage) =>
        UNTRACED_PATHS.some((path) => request.url === path || request.url?.startsWith(`${path}/`)),
    }),
    // Query spans only: a pool checkout span per request parsed the connection string again each time, and the
    // pool's wait shows as the gap before the query span (and in the pool usage metric).
    new PgInstrumentation({ requireParentSpan: true, ignoreConnectSpans: true }),
    // The command name only: arguments hold keys and values, which can be user data (and AUTH a password).
    new IORedisInstrumentation({
      requireParentSpan: true,
      dbStatementSerializer: (command) => command,
    }),
  ];
}
