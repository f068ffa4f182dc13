import { Redis } from 'ioredis';

/**
 * An ioredis client fit for BullMQ (which requires `maxRetriesPerRequest: null` on workers) and shared by the
 * queues, heartbeats, rate limits and health checks of one process. The caller closes it with `quit()`.
 */
export function createRedis(url: string, connectionName: string): Redis {
  const redis = new Redis(url, {
    connectionName,
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    // Reconnect quickly at first, then every 2 s at most; BullMQ resumes on its own once Redis is back.
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  // Without a listener, a connection error is an unhandled 'error' event and crashes the process.
  redis.on('error', () => undefined);
  return redis;
}
