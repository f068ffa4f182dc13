import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import type { Config } from '@repo/config';
import { APP_CONFIG } from '@repo/config/nest';
import { REDIS } from '@repo/queue/nest';
import type { Redis } from 'ioredis';
import { RedisThrottlerStorage } from './redis-throttler.storage.js';

/** Named limits; controllers opt in with ThrottlerGuard. Counted per client IP (see TRUST_PROXY). */
export const RATE_LIMITS = {
  /** Creating reports enqueues work: 20 a minute per client. */
  reports: { ttl: 60_000, limit: 20 },
};

@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [REDIS, APP_CONFIG],
      useFactory: (redis: Redis, config: Config) => ({
        throttlers: [{ name: 'reports', ...RATE_LIMITS.reports }],
        storage: new RedisThrottlerStorage(redis, config.queue.prefix),
      }),
    }),
  ],
  exports: [ThrottlerModule],
})
export class RateLimitModule {}
