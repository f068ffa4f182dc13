import { EnvironmentMismatchError, type AppEnvironment } from '@repo/config';
import type { Redis } from 'ioredis';

function environmentKey(prefix: string): string {
  return `${prefix}:environment`;
}

/**
 * Stamps the queue prefix with APP_ENV on first use, and throws EnvironmentMismatchError when another
 * environment stamped it first: two environments must never share queues.
 */
export async function claimRedisEnvironment(
  redis: Redis,
  prefix: string,
  environment: AppEnvironment,
): Promise<void> {
  await redis.set(environmentKey(prefix), environment, 'NX');
  const stamped = await redis.get(environmentKey(prefix));
  if (stamped !== environment) {
    throw new EnvironmentMismatchError(
      `Redis (queue prefix ${prefix})`,
      stamped ?? '(none)',
      environment,
      'REDIS_URL or QUEUE_PREFIX',
    );
  }
}

/** The environment that stamped this prefix, if any; for readiness checks. */
export async function readRedisEnvironment(
  redis: Redis,
  prefix: string,
): Promise<string | undefined> {
  return (await redis.get(environmentKey(prefix))) ?? undefined;
}
