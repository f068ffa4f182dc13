import {
  Global,
  Inject,
  Injectable,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { maskUrl, type Config } from '@repo/config';
import { APP_CONFIG } from '@repo/config/nest';
import type { Redis } from 'ioredis';
import { createRedis } from '../redis-connection.js';
import { claimRedisEnvironment } from '../redis-environment-stamp.js';
import { REDIS } from './redis.tokens.js';

/**
 * BullMQ never closes a connection it was given, so this does, last: global modules shut down after the
 * modules that use them, once workers and queues have let go.
 */
@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.redis.status === 'end') return;
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/** Redis's refusals of the credentials in REDIS_URL: no retry can fix them. */
const CREDENTIAL_ERRORS = /^(WRONGPASS|NOAUTH|NOPERM)\b/;

/**
 * A refused password becomes an error naming the setting to fix. The original goes along as the cause, whose
 * serializer keeps the command name but not its arguments (AUTH carries the password).
 */
function explainRedisError(error: unknown, url: string): unknown {
  if (!(error instanceof Error) || !CREDENTIAL_ERRORS.test(error.message)) return error;
  return new Error(
    `Redis at ${maskUrl(url)} refused the credentials: ${error.message} Fix: check the password in REDIS_URL.`,
    { cause: error },
  );
}

/** One Redis client per process, connected and checked against APP_ENV (the prefix's stamp) before use. */
@Global()
@Module({})
export class RedisModule {
  static forRoot(options: { connectionName: string }): DynamicModule {
    return {
      module: RedisModule,
      providers: [
        {
          provide: REDIS,
          inject: [APP_CONFIG],
          useFactory: async (config: Config) => {
            const redis = createRedis(config.redis.url, options.connectionName);
            try {
              await claimRedisEnvironment(redis, config.queue.prefix, config.appEnv);
            } catch (error) {
              redis.disconnect();
              throw explainRedisError(error, config.redis.url);
            }
            return redis;
          },
        },
        RedisCloser,
      ],
      exports: [REDIS],
    };
  }
}
