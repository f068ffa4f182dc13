import { randomBytes } from 'node:crypto';
import { EnvironmentMismatchError } from '@repo/config';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createRedis } from '../src/redis-connection.js';
import { claimRedisEnvironment, readRedisEnvironment } from '../src/redis-environment-stamp.js';
import {
  liveWorkers,
  publishHeartbeat,
  removeHeartbeat,
  type WorkerHeartbeat,
} from '../src/worker-heartbeats.js';

let redis: Redis;
beforeAll(() => {
  redis = createRedis(inject('stack').redisUrl, 'queue-tests');
});
afterAll(async () => {
  await redis.quit();
});

const prefix = () => `ladder-test-${randomBytes(4).toString('hex')}`;

function beat(id: string, overrides: Partial<WorkerHeartbeat> = {}): WorkerHeartbeat {
  return {
    id,
    hostname: 'host',
    pid: 1,
    version: 'dev',
    gitSha: 'unknown',
    appEnv: 'test',
    fingerprint: 'aaa/bbb',
    concurrency: 5,
    startedAt: new Date().toISOString(),
    beatAt: new Date().toISOString(),
    jobsDone: 0,
    jobsFailed: 0,
    ...overrides,
  };
}

describe('Redis environment stamp', () => {
  it('stamps a new prefix and accepts the same environment again', async () => {
    const keyPrefix = prefix();
    await claimRedisEnvironment(redis, keyPrefix, 'test');
    await claimRedisEnvironment(redis, keyPrefix, 'test');
    expect(await readRedisEnvironment(redis, keyPrefix)).toBe('test');
  });

  it('refuses a prefix stamped by another environment, naming both', async () => {
    const keyPrefix = prefix();
    await claimRedisEnvironment(redis, keyPrefix, 'staging');
    const error = await claimRedisEnvironment(redis, keyPrefix, 'test').catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(EnvironmentMismatchError);
    expect((error as Error).message).toContain(
      `Redis (queue prefix ${keyPrefix}) belongs to APP_ENV=staging, but this process runs as APP_ENV=test`,
    );
  });
});

describe('worker heartbeats', () => {
  it('lists live workers oldest first and forgets removed ones', async () => {
    const keyPrefix = prefix();
    await publishHeartbeat(redis, keyPrefix, beat('b', { startedAt: '2026-01-02T00:00:00.000Z' }));
    await publishHeartbeat(redis, keyPrefix, beat('a', { startedAt: '2026-01-01T00:00:00.000Z' }));
    expect((await liveWorkers(redis, keyPrefix)).map((worker) => worker.id)).toEqual(['a', 'b']);
    await removeHeartbeat(redis, keyPrefix, 'a');
    expect((await liveWorkers(redis, keyPrefix)).map((worker) => worker.id)).toEqual(['b']);
  });

  it('drops a worker whose heartbeat expired', async () => {
    const keyPrefix = prefix();
    await publishHeartbeat(redis, keyPrefix, beat('gone'));
    await redis.del(`${keyPrefix}:workers:gone`);
    await redis.zadd(`${keyPrefix}:workers`, String(Date.now() - 60_000), 'stale');
    expect(await liveWorkers(redis, keyPrefix)).toEqual([]);
    expect(await redis.zcard(`${keyPrefix}:workers`)).toBe(1);
  });

  it('keeps workers of other prefixes apart', async () => {
    const first = prefix();
    await publishHeartbeat(redis, first, beat('one'));
    expect(await liveWorkers(redis, prefix())).toEqual([]);
  });
});
