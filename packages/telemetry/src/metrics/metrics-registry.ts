import { formatFingerprint, type Config } from '@repo/config';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';

export type AppName = 'web' | 'worker';

/** Every series this package defines starts with it, so dashboards and alert rules find them by name. */
export const METRIC_PREFIX = 'ladder_';

/**
 * The registry of one process: process metrics (CPU, memory, event loop lag, handles, GC) and the info metric
 * that carries what a dashboard needs to see a configuration split across pods. Feature metrics
 * (HTTP, queues, dependencies) register into it.
 *
 * Labels carry identifiers only: the environment, the build and the fingerprint (the secrets half of which is
 * a keyed hash that reveals nothing). No value of the configuration itself becomes a label.
 */
export function createMetricsRegistry(config: Config, app: AppName): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ app });
  collectDefaultMetrics({ register: registry, prefix: METRIC_PREFIX });

  const info = new Gauge({
    name: `${METRIC_PREFIX}build_info`,
    help: 'Always 1; the labels tell which environment, build and configuration this process runs.',
    labelNames: ['app_env', 'version', 'commit', 'config_fingerprint'],
    registers: [registry],
  });
  info.set(
    {
      app_env: config.appEnv,
      version: config.release.version,
      commit: config.release.gitSha,
      config_fingerprint: formatFingerprint(config.fingerprint),
    },
    1,
  );
  return registry;
}

/** The scrape body and its content type, for whichever server serves `/metrics`. */
export async function scrape(registry: Registry): Promise<{ contentType: string; body: string }> {
  return { contentType: registry.contentType, body: await registry.metrics() };
}
