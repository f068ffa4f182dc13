import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Database } from '@repo/db';
import { DATABASE } from '@repo/db/nest';
import { REDIS } from '@repo/queue/nest';
import { DependencyMetrics } from '@repo/telemetry/metrics';
import type { Redis } from 'ioredis';

/** Points the dependency metrics at this process's own Postgres pool and Redis client, probed at scrape time. */
@Injectable()
export class DependencyProbes implements OnModuleInit {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly metrics: DependencyMetrics,
  ) {}

  onModuleInit(): void {
    this.metrics.watchPostgres(this.database.pool);
    this.metrics.watchRedis(this.redis);
  }
}
