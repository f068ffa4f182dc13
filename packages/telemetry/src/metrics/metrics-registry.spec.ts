import { formatFingerprint, secretValuesOf } from '@repo/config';
import { describe, expect, it } from 'vitest';
import { SECRETS, testConfig } from '../testing/test-config.js';
import { DependencyMetrics } from './dependency-metrics.js';
import { HeartbeatMetrics } from './heartbeat-metrics.js';
import { HttpMetrics } from './http-metrics.js';
import { createMetricsRegistry, scrape } from './metrics-registry.js';
import { MigrationMetrics } from './migration-metrics.js';
import { QueueMetrics } from './queue-metrics.js';

describe('createMetricsRegistry', () => {
  it('exposes an info metric with the environment, build and configuration fingerprint', async () => {
    const config = testConfig();
    const { body, contentType } = await scrape(createMetricsRegistry(config, 'worker'));
    expect(contentType).toContain('text/plain');
    expect(body).toContain(
      `ladder_build_info{app_env="test",version="1.4.2",commit="0123456789abcdef0123456789abcdef01234567",config_fingerprint="${formatFingerprint(config.fingerprint)}",app="worker"} 1`,
    );
  });

  it('exposes process metrics under the same prefix', async () => {
    const { body } = await scrape(createMetricsRegistry(testConfig(), 'web'));
    expect(body).toMatch(/^ladder_process_resident_memory_bytes\{app="web"\} \d+/m);
    expect(body).toMatch(/^ladder_nodejs_eventloop_lag_seconds\{app="web"\} /m);
  });

  it('shows a different fingerprint label when a worker reads a different configuration', async () => {
    const fingerprintLabel = async (queuePrefix: string): Promise<string | undefined> => {
      const { body } = await scrape(
        createMetricsRegistry(testConfig({ QUEUE_PREFIX: queuePrefix }), 'worker'),
      );
      return /config_fingerprint="([^"]+)"/.exec(body)?.[1];
    };
    expect(await fingerprintLabel('ladder-test')).not.toBe(await fingerprintLabel('ladder-other'));
  });

  it('never puts a configured secret into any series, with every metric of the package registered', async () => {
    const config = testConfig();
    const registry = createMetricsRegistry(config, 'web');
    const record = new HttpMetrics(registry).start();
    // A path that carries a secret matched no route: the label is the template, never the path.
    record({ method: 'GET', route: 'unmatched', status_class: '4xx' });
    new QueueMetrics(registry).watchQueue({
      name: 'reports',
      getJobCounts: () => Promise.resolve({ waiting: 1 }),
    });
    const dependencies = new DependencyMetrics(registry);
    dependencies.watchRedis({ status: 'ready' });
    dependencies.watchPostgres({
      totalCount: 1,
      idleCount: 1,
      waitingCount: 0,
      query: () => Promise.reject(new Error(`connect failed for ${config.database.url}`)),
    });
    new HeartbeatMetrics(registry).readLastBeat(() => Date.now());
    new MigrationMetrics(registry).countPending(() => Promise.resolve(0));

    const { body } = await scrape(registry);
    expect(body).toContain('ladder_queue_jobs{queue="reports",state="waiting",app="web"} 1');
    expect(body).toContain('ladder_dependency_up{dependency="postgres",app="web"} 0');
    const secrets = secretValuesOf(config);
    expect(secrets).toEqual(
      expect.arrayContaining([SECRETS.secretKey, expect.stringContaining(SECRETS.redisPassword)]),
    );
    for (const secret of [...secrets, ...Object.values(SECRETS)])
      expect(body).not.toContain(secret);
  });
});
