import { register } from 'node:module';
import type { Config } from '@repo/config';
import type { TracedApp } from './tracing-options.js';

export interface Tracing {
  /** Whether spans are recorded and exported at all (TRACES_EXPORTER is not none). */
  readonly enabled: boolean;
  /** Flushes the spans still buffered and stops; call it on shutdown, after the server and workers closed. */
  shutdown(): Promise<void>;
}

/** What the instrumentations patch (see tracing-options.ts); builtins are matched with and without `node:`. */
const INSTRUMENTED_MODULES = ['http', 'https', 'pg', 'pg-pool', 'ioredis'];

/**
 * Where the running SDK is kept. The instrumentation entry starts it and the app stops it, and the two may be
 * separate bundles with a copy of this module each: a global symbol is the one place both see.
 */
const RUNNING = Symbol.for('@repo/telemetry/tracing');

type TracingGlobal = typeof globalThis & { [RUNNING]?: Tracing };

let hooksRegistered = false;

/**
 * Starts the OpenTelemetry Node SDK from the validated config, with HTTP, pg and ioredis instrumented. Run it
 * from a separate entry loaded with `node --import`, before the app imports any of them: ESM imports are only
 * seen by the loader hook registered here (require-based patching alone misses `import http from 'node:http'`
 * and `import { Redis } from 'ioredis'`), and the SDK itself is imported only after the hook is in place.
 *
 * With TRACES_EXPORTER=none nothing is registered or started, and no span is ever created. Every setting comes
 * from the config object: no resource detector or exporter reads OTEL_* variables.
 */
export async function startTracing(config: Config, app: TracedApp): Promise<Tracing> {
  if (config.telemetry.tracesExporter === 'none') {
    return { enabled: false, shutdown: () => Promise.resolve() };
  }
  if (!hooksRegistered) {
    // Only the instrumented modules go through the hook: wrapping every module would slow every start-up.
    register('@opentelemetry/instrumentation/hook.mjs', import.meta.url, {
      data: { include: INSTRUMENTED_MODULES },
    });
    hooksRegistered = true;
  }
  const { startSdk } = await import('./tracing-sdk.js');
  const tracing = startSdk(config, app);
  (globalThis as TracingGlobal)[RUNNING] = tracing;
  return tracing;
}

/**
 * Flushes and stops the SDK that startTracing started in this process, if any; the app calls it last on
 * shutdown, once its servers, workers and connections have closed and produced their final spans.
 */
export async function shutdownTracing(): Promise<void> {
  const running = globalThis as TracingGlobal;
  const tracing = running[RUNNING];
  delete running[RUNNING];
  await tracing?.shutdown();
}
