import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { DependencyMetrics } from './dependency-metrics.js';
import { HeartbeatMetrics } from './heartbeat-metrics.js';
import { MigrationMetrics } from './migration-metrics.js';

describe('DependencyMetrics', () => {
  it('reports Redis up only while its connection is ready', async () => {
    const registry = new Registry();
    const redis = { status: 'ready' };
    new DependencyMetrics(registry).watchRedis(redis);
    expect(await registry.metrics()).toContain('ladder_dependency_up{dependency="redis"} 1');
    redis.status = 'reconnecting';
    expect(await registry.metrics()).toContain('ladder_dependency_up{dependency="redis"} 0');
  });

  it('reports Postgres by a probe query and sums the pool usage', async () => {
    const registry = new Registry();
    let reachable = true;
    new DependencyMetrics(registry).watchPostgres({
      totalCount: 4,
      idleCount: 1,
      waitingCount: 2,
      query: () => (reachable ? Promise.resolve() : Promise.reject(new Error('ECONNREFUSED'))),
    });
    let body = await registry.metrics();
    expect(body).toContain('ladder_dependency_up{dependency="postgres"} 1');
    expect(body).toContain('ladder_db_pool_connections{state="total"} 4');
    expect(body).toContain('ladder_db_pool_connections{state="waiting"} 2');
    reachable = false;
    body = await registry.metrics();
    expect(body).toContain('ladder_dependency_up{dependency="postgres"} 0');
  });
});

describe('HeartbeatMetrics', () => {
  it('reports the age of the newest beat and the live workers once a source is set', async () => {
    const registry = new Registry();
    const metrics = new HeartbeatMetrics(registry, () => 60_000);
    expect(await registry.metrics()).not.toContain('ladder_heartbeat_age_seconds');
    metrics.readLastBeat(() => 45_000);
    metrics.countLiveWorkers(() => Promise.resolve(2));
    const body = await registry.metrics();
    expect(body).toContain('ladder_heartbeat_age_seconds 15');
    expect(body).toContain('ladder_live_workers 2');
  });

  it('counts the age from start-up until the first beat', async () => {
    const registry = new Registry();
    let now = 10_000;
    new HeartbeatMetrics(registry, () => now).readLastBeat(() => undefined);
    now = 40_000;
    expect(await registry.metrics()).toContain('ladder_heartbeat_age_seconds 30');
  });

  it('keeps the last values and the rest of the scrape while the heartbeats cannot be read', async () => {
    const registry = new Registry();
    const metrics = new HeartbeatMetrics(registry, () => 60_000);
    let redisUp = true;
    const read = <Value>(value: Value): Promise<Value> =>
      redisUp ? Promise.resolve(value) : Promise.reject(new Error('Redis away'));
    metrics.readLastBeat(() => read(50_000));
    metrics.countLiveWorkers(() => read(3));
    await registry.metrics();
    redisUp = false;
    const body = await registry.metrics();
    expect(body).toContain('ladder_heartbeat_age_seconds 10');
    expect(body).toContain('ladder_live_workers 3');
  });
});

describe('MigrationMetrics', () => {
  it('reports pending migrations, and the last known count while they cannot be read', async () => {
    const registry = new Registry();
    const metrics = new MigrationMetrics(registry);
    let pending: Promise<number> = Promise.resolve(2);
    metrics.countPending(() => pending);
    expect(await registry.metrics()).toContain('ladder_migrations_pending 2');
    pending = Promise.reject(new Error('database down'));
    expect(await registry.metrics()).toContain('ladder_migrations_pending 2');
  });
});
