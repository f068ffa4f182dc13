import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { formatFingerprint, type Config } from '@repo/config';
import { InjectConfig } from '@repo/config/nest';
import { HEARTBEAT_INTERVAL_MS, publishHeartbeat, removeHeartbeat } from '@repo/queue';
import { REDIS } from '@repo/queue/nest';
import type { Redis } from 'ioredis';
import { PinoLogger } from 'nestjs-pino';
import { WorkerStats } from './worker-stats.js';

/**
 * Touched on every successful heartbeat; a container HEALTHCHECK reads its age, since a worker has no HTTP port.
 */
export const LIVENESS_FILE = join(tmpdir(), 'ladder-worker.alive');

/**
 * Publishes this worker's identity and configuration fingerprint every few seconds; the web app's readiness
 * check and status page read them. The entry is removed as soon as shutdown starts.
 */
@Injectable()
export class HeartbeatService implements OnApplicationBootstrap, OnModuleDestroy {
  readonly id = `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  private readonly startedAt = new Date().toISOString();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @InjectConfig() private readonly config: Config,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly stats: WorkerStats,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(HeartbeatService.name);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.beat();
    this.timer = setInterval(() => {
      this.beat().catch((error: unknown) => this.logger.warn({ err: error }, 'heartbeat failed'));
    }, HEARTBEAT_INTERVAL_MS);
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await removeHeartbeat(this.redis, this.config.queue.prefix, this.id).catch(() => undefined);
  }

  private async beat(): Promise<void> {
    await publishHeartbeat(this.redis, this.config.queue.prefix, {
      id: this.id,
      hostname: hostname(),
      pid: process.pid,
      version: this.config.release.version,
      gitSha: this.config.release.gitSha,
      appEnv: this.config.appEnv,
      fingerprint: formatFingerprint(this.config.fingerprint),
      concurrency: this.config.queue.workerConcurrency,
      startedAt: this.startedAt,
      beatAt: new Date().toISOString(),
      jobsDone: this.stats.jobsDone,
      jobsFailed: this.stats.jobsFailed,
    });
    await writeFile(LIVENESS_FILE, new Date().toISOString());
  }
}
