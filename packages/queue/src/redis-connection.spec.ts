import { afterEach, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { createRedis } from './redis-connection.js';

// Port 1 on loopback: nothing listens there, so the client keeps failing to connect without any server.
const UNREACHABLE = 'redis://127.0.0.1:1';

let redis: Redis | undefined;
afterEach(() => {
  redis?.disconnect();
});

describe('createRedis', () => {
  it('builds a client BullMQ workers accept, named for the process', () => {
    redis = createRedis(UNREACHABLE, 'worker-test');
    expect(redis.options.maxRetriesPerRequest).toBeNull();
    expect(redis.options.connectionName).toBe('worker-test');
    expect(redis.options.enableReadyCheck).toBe(true);
  });

  it('reconnects quickly at first, then every 2 s at most, and never gives up', () => {
    redis = createRedis(UNREACHABLE, 'retry-test');
    const retry = redis.options.retryStrategy;
    expect([1, 2, 5, 10, 11, 1_000].map((attempt) => retry?.(attempt))).toEqual([
      200, 400, 1_000, 2_000, 2_000, 2_000,
    ]);
  });

  it('survives a connection error instead of crashing the process', () => {
    redis = createRedis(UNREACHABLE, 'error-test');
    // An 'error' event nobody listens to is thrown by Node's EventEmitter.
    expect(() => redis?.emit('error', new Error('connect ECONNREFUSED'))).not.toThrow();
  });
});
