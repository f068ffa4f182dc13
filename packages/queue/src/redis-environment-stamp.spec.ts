import { EnvironmentMismatchError } from '@repo/config';
import type { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { claimRedisEnvironment, readRedisEnvironment } from './redis-environment-stamp.js';

/** Just the two commands the stamp uses, with Redis's semantics for SET NX; the real server is in test/*.e2e. */
function memoryRedis(): { redis: Redis; keys: Map<string, string> } {
  const keys = new Map<string, string>();
  const redis = {
    set: (key: string, value: string, mode: 'NX') => {
      expect(mode).toBe('NX');
      if (keys.has(key)) return Promise.resolve(null);
      keys.set(key, value);
      return Promise.resolve('OK');
    },
    get: (key: string) => Promise.resolve(keys.get(key) ?? null),
  };
  return { redis: redis as unknown as Redis, keys };
}

describe('claimRedisEnvironment', () => {
  it('stamps the environment under the queue prefix, and accepts the same environment again', async () => {
    const { redis, keys } = memoryRedis();
    await claimRedisEnvironment(redis, 'app-test', 'test');
    await claimRedisEnvironment(redis, 'app-test', 'test');
    expect([...keys]).toEqual([['app-test:environment', 'test']]);
    expect(await readRedisEnvironment(redis, 'app-test')).toBe('test');
  });

  it('refuses a prefix another environment stamped first, and leaves that stamp alone', async () => {
    const { redis, keys } = memoryRedis();
    await claimRedisEnvironment(redis, 'shared', 'production');
    const error = await claimRedisEnvironment(redis, 'shared', 'staging').catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(EnvironmentMismatchError);
    expect((error as Error).message).toContain(
      'Redis (queue prefix shared) belongs to APP_ENV=production, but this process runs as APP_ENV=staging',
    );
    expect(keys.get('shared:environment')).toBe('production');
  });

  it('keeps prefixes apart: a stamp on one prefix says nothing about another', async () => {
    const { redis } = memoryRedis();
    await claimRedisEnvironment(redis, 'one', 'staging');
    await claimRedisEnvironment(redis, 'one-more', 'production');
    expect(await readRedisEnvironment(redis, 'one-more')).toBe('production');
    expect(await readRedisEnvironment(redis, 'never-used')).toBeUndefined();
  });
});
