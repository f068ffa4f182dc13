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
import { HeartbeatMetrics } from '@repo/telemetry/metrics';
import type { Redis } from 'ioredis';
import { PinoLogger } from 'nestjs-pino';
import { WorkerStats } from './worker-stats.js';

/**
 * Touched on every successful heartbeat. The image's HEALTHCHECK reads its age: a worker whose heartbeat stalls is
 * unhealthy even while its management port still answers.
 */
const LIVENESS_FILE = join(tmpdir(), 'ladder-worker.alive');

/**
 * Publishes this worker's identity and configuration fingerprint every few seconds; the web app's /workers
 * endpoint and status page read them. The entry is removed as soon as shutdown starts.
 */
@Injectable()
export class HeartbeatService implements OnApplicationBootstrap, OnModuleDestroy {
  readonly id = `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  private readonly startedAt = new Date().toISOString();
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | undefined;
  private lastBeatAt: number | undefined;

  constructor(
    @InjectConfig() private readonly config: Config,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly stats: WorkerStats,
    private readonly logger: PinoLogger,
    metrics: HeartbeatMetrics,
  ) {
    this.logger.setContext(HeartbeatService.name);
    // A stuck event loop or a Redis that refuses the beats shows as a growing age.
    metrics.readLastBeat(() => this.lastBeatAt);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.inFlight = this.beat();
    await this.inFlight;
    this.timer = setInterval(() => {
      this.inFlight = this.beat().catch((error: unknown) =>
        this.logger.warn({ err: error }, 'heartbeat failed'),
      );
    }, HEARTBEAT_INTERVAL_MS);
  }

  /**
   * The first shutdown hook: the entry goes at once, while running jobs still finish, so /workers and the status
   * page stop counting this worker now rather than when its TTL runs out. A beat already on its way is awaited
   * first, or it would publish the entry again after the removal.
   */
  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.inFlight?.catch(() => undefined);
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
    this.lastBeatAt = Date.now();
    await writeFile(LIVENESS_FILE, new Date().toISOString());
  }
}
