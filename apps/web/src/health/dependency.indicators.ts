import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import type { Config } from '@repo/config';
import { InjectConfig } from '@repo/config/nest';
import { pendingMigrations, pingDatabase, readDatabaseEnvironment, type Database } from '@repo/db';
import { DATABASE } from '@repo/db/nest';
import { readRedisEnvironment } from '@repo/queue';
import { REDIS } from '@repo/queue/nest';
import type { Redis } from 'ioredis';

const TIMEOUT_MS = 2_000;

/** Readiness checks of what the web app depends on: Postgres, Redis, migrations and both environment stamps. */
@Injectable()
export class DependencyIndicators {
  constructor(
    private readonly health: HealthIndicatorService,
    @InjectConfig() private readonly config: Config,
    @Inject(DATABASE) private readonly database: Database,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async postgres(): Promise<HealthIndicatorResult> {
    return await this.health
      .check('postgres')
      .attempt(async () => {
        await pingDatabase(this.database.db);
        return {};
      })
      .withTimeout(TIMEOUT_MS);
  }

  /** Reachable, and evicting nothing: under `allkeys-lru` and friends, Redis silently drops queued jobs. */
  async redisPolicy(): Promise<HealthIndicatorResult> {
    const indicator = this.health.check('redis');
    try {
      const memory = await this.redis.info('memory');
      const policy = /^maxmemory_policy:(\S+)/m.exec(memory)?.[1] ?? 'unknown';
      return policy === 'noeviction'
        ? indicator.up({ maxmemoryPolicy: policy })
        : indicator.down({
            maxmemoryPolicy: policy,
            message: `maxmemory-policy is ${policy}; BullMQ needs noeviction`,
          });
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }

  async migrations(): Promise<HealthIndicatorResult> {
    const indicator = this.health.check('migrations');
    try {
      const pending = await pendingMigrations(this.database.db);
      return pending.length === 0
        ? indicator.up()
        : indicator.down({ pending, message: 'run pnpm db:migrate' });
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }

  /** The database and the queue prefix were stamped by this APP_ENV. */
  async environment(): Promise<HealthIndicatorResult> {
    const indicator = this.health.check('environment');
    try {
      const database = (await readDatabaseEnvironment(this.database.db)) ?? null;
      const redis = (await readRedisEnvironment(this.redis, this.config.queue.prefix)) ?? null;
      const details = { appEnv: this.config.appEnv, database, redis };
      return database === this.config.appEnv && redis === this.config.appEnv
        ? indicator.up(details)
        : indicator.down({
            ...details,
            message: 'the database or Redis is not stamped with this APP_ENV',
          });
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
