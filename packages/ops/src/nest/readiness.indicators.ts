import { Inject, Injectable, Logger } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import type { Config } from '@repo/config';
import { InjectConfig } from '@repo/config/nest';
import { pendingMigrations, pingDatabase, readDatabaseEnvironment, type Database } from '@repo/db';
import { DATABASE } from '@repo/db/nest';
import { readRedisEnvironment } from '@repo/queue';
import { REDIS } from '@repo/queue/nest';
import type { Redis } from 'ioredis';
import { shortReason } from '../short-reason.js';

/** Readiness answers within the probe's timeout (3 s in the templates) even when a dependency hangs. */
const TIMEOUT_MS = 2_000;

async function withTimeout<Value>(work: Promise<Value>): Promise<Value> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      const error = new Error(`no answer within ${TIMEOUT_MS} ms`);
      error.name = 'TimeoutError';
      reject(error);
    }, TIMEOUT_MS);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * "This pod can serve": Postgres answers, Redis answers and evicts nothing, no migration is pending, and both
 * carry this APP_ENV's stamp. Worker liveness is deliberately absent (see the web app's /workers): one worker
 * hiccup must not take every web pod out of the Service. A failure reports a short reason, never a driver's
 * message (which can hold SQL text); the log has the detail.
 */
@Injectable()
export class ReadinessIndicators {
  private readonly logger = new Logger('Readiness');

  constructor(
    private readonly health: HealthIndicatorService,
    @InjectConfig() private readonly config: Config,
    @Inject(DATABASE) private readonly database: Database,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async postgres(): Promise<HealthIndicatorResult> {
    const indicator = this.health.check('postgres');
    try {
      await withTimeout(pingDatabase(this.database.db));
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: this.reason('postgres', error, 'query failed') });
    }
  }

  /** Reachable, and evicting nothing: under `allkeys-lru` and friends, Redis silently drops queued jobs. */
  async redisPolicy(): Promise<HealthIndicatorResult> {
    const indicator = this.health.check('redis');
    try {
      const memory = await withTimeout(this.redis.info('memory'));
      const policy = /^maxmemory_policy:(\S+)/m.exec(memory)?.[1] ?? 'unknown';
      return policy === 'noeviction'
        ? indicator.up({ maxmemoryPolicy: policy })
        : indicator.down({
            maxmemoryPolicy: policy,
            message: `maxmemory-policy is ${policy}; BullMQ needs noeviction`,
          });
    } catch (error) {
      return indicator.down({ message: this.reason('redis', error, 'command failed') });
    }
  }

  async migrations(): Promise<HealthIndicatorResult> {
    const indicator = this.health.check('migrations');
    try {
      const pending = await withTimeout(pendingMigrations(this.database.db));
      return pending.length === 0
        ? indicator.up()
        : indicator.down({ pending, message: 'run pnpm db:migrate' });
    } catch (error) {
      return indicator.down({
        message: this.reason('migrations', error, 'cannot read applied migrations'),
      });
    }
  }

  /** The database and the queue prefix were stamped by this APP_ENV. */
  async environment(): Promise<HealthIndicatorResult> {
    const indicator = this.health.check('environment');
    try {
      const [database, redis] = await withTimeout(
        Promise.all([
          readDatabaseEnvironment(this.database.db),
          readRedisEnvironment(this.redis, this.config.queue.prefix),
        ]),
      );
      const details = {
        appEnv: this.config.appEnv,
        database: database ?? null,
        redis: redis ?? null,
      };
      return database === this.config.appEnv && redis === this.config.appEnv
        ? indicator.up(details)
        : indicator.down({
            ...details,
            message: 'the database or Redis is not stamped with this APP_ENV',
          });
    } catch (error) {
      return indicator.down({
        message: this.reason('environment', error, 'cannot read the stamps'),
      });
    }
  }

  private reason(check: string, error: unknown, fallback: string): string {
    this.logger.warn(`${check} check failed: ${(error as Error).message}`);
    return shortReason(error, fallback);
  }
}
