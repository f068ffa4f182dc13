import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { pendingMigrations, type Database } from '@repo/db';
import { DATABASE } from '@repo/db/nest';
import { REDIS } from '@repo/queue/nest';
import { DependencyMetrics, MigrationMetrics } from '@repo/telemetry/metrics';
import type { Redis } from 'ioredis';
import { OPS_OPTIONS, type OpsOptions } from '../ops.options.js';

/**
 * Points the dependency metrics at this process's own Postgres pool and Redis client, probed at scrape time, and
 * counts pending migrations where readiness checks them (the web app, whose image ships the migration files).
 */
@Injectable()
export class DependencyProbes implements OnModuleInit {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly metrics: DependencyMetrics,
    private readonly migrations: MigrationMetrics,
    @Inject(OPS_OPTIONS) private readonly options: OpsOptions,
  ) {}

  onModuleInit(): void {
    this.metrics.watchPostgres(this.database.pool);
    this.metrics.watchRedis(this.redis);
    if (this.options.checkMigrations ?? true)
      this.migrations.countPending(async () => (await pendingMigrations(this.database.db)).length);
  }
}
