import type { ThrottlerStorage } from '@nestjs/throttler';
import type { Redis } from 'ioredis';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * A fixed window per key plus a block key, in one atomic script: hits and limits are shared by every web
 * replica. Arguments and results are milliseconds; Nest wants seconds back.
 */
const INCREMENT = `
local blocked = redis.call('PTTL', KEYS[2])
if blocked > 0 then
  return { tonumber(redis.call('GET', KEYS[1]) or '0'), redis.call('PTTL', KEYS[1]), 1, blocked }
end
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local remaining = redis.call('PTTL', KEYS[1])
if hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  return { hits, remaining, 1, tonumber(ARGV[3]) }
end
return { hits, remaining, 0, 0 }`;

/**
 * Rate-limit counters in Redis under the queue prefix, so environments never share them. Written here because the
 * published Redis storage for @nestjs/throttler does not support Nest 12 and never closes its connection; this
 * one uses the app's shared client, which the Redis module closes.
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const base = `${this.prefix}:throttle:${throttlerName}:${key}`;
    const [totalHits, expiresIn, blocked, blockExpiresIn] = (await this.redis.eval(
      INCREMENT,
      2,
      `${base}:hits`,
      `${base}:blocked`,
      String(ttl),
      String(limit),
      String(blockDuration),
    )) as [number, number, number, number];
    return {
      totalHits,
      timeToExpire: Math.ceil(Math.max(expiresIn, 0) / 1000),
      isBlocked: blocked === 1,
      timeToBlockExpire: Math.ceil(Math.max(blockExpiresIn, 0) / 1000),
    };
  }
}
