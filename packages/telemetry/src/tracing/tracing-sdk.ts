import type { Config } from '@repo/config';
import { NodeSDK } from '@opentelemetry/sdk-node';
import type { Tracing } from './start-tracing.js';
import {
  instrumentations,
  spanProcessors,
  tracingResource,
  tracingSampler,
  type TracedApp,
} from './tracing-options.js';

/** Imported by startTracing once the loader hook is registered, so the instrumented modules load after it. */
export function startSdk(config: Config, app: TracedApp): Tracing {
  const sdk = new NodeSDK({
    resource: tracingResource(config, app),
    autoDetectResources: false,
    sampler: tracingSampler(config),
    spanProcessors: spanProcessors(config),
    instrumentations: instrumentations(),
  });
  sdk.start();
  return { enabled: true, shutdown: () => sdk.shutdown() };
}
