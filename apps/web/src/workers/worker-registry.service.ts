import { Inject, Injectable } from '@nestjs/common';
import { formatFingerprint, type Config } from '@repo/config';
import { InjectConfig } from '@repo/config/nest';
import { liveWorkers, type WorkerHeartbeat } from '@repo/queue';
import { REDIS } from '@repo/queue/nest';
import { HeartbeatMetrics } from '@repo/telemetry/metrics';
import type { Redis } from 'ioredis';

export interface LiveWorker extends WorkerHeartbeat {
  /** True when the worker read the same configuration as this web process. */
  fingerprintMatches: boolean;
}

/**
 * The workers that sent a heartbeat recently, each compared with this process's configuration fingerprint. The
 * web app's metrics report how many are live and the age of the newest beat, as its /workers endpoint sees them.
 */
@Injectable()
export class WorkerRegistry {
  readonly fingerprint: string;
  private scraping: Promise<LiveWorker[]> | undefined;

  constructor(
    @InjectConfig() private readonly config: Config,
    @Inject(REDIS) private readonly redis: Redis,
    metrics: HeartbeatMetrics,
  ) {
    this.fingerprint = formatFingerprint(config.fingerprint);
    metrics.countLiveWorkers(async () => (await this.listForScrape()).length);
    metrics.readLastBeat(async () => {
      const beats = (await this.listForScrape()).map((worker) => Date.parse(worker.beatAt));
      return beats.length === 0 ? undefined : Math.max(...beats);
    });
  }

  /** One Redis read for both gauges of a scrape: prom-client collects them together, so they share it. */
  private listForScrape(): Promise<LiveWorker[]> {
    this.scraping ??= this.list().finally(() => {
      this.scraping = undefined;
    });
    return this.scraping;
  }

  async list(): Promise<LiveWorker[]> {
    const workers = await liveWorkers(this.redis, this.config.queue.prefix);
    return workers.map((worker) => ({
      ...worker,
      fingerprintMatches: worker.fingerprint === this.fingerprint,
    }));
  }
}
