import { Gauge, type Registry } from 'prom-client';
import { METRIC_PREFIX } from './metrics-registry.js';

/** When the newest heartbeat was published, in epoch milliseconds; undefined before the first one. */
export type LastBeat = () => number | undefined | Promise<number | undefined>;

/**
 * Heartbeat age and the number of live workers. The worker reports the age of its own last beat (a stuck event
 * loop shows as a growing age); the web app reports the newest beat of any worker and how many are live, which
 * is what its readiness check relies on. Each series appears once its source is set. A source that throws (Redis
 * away) leaves the last value in place rather than failing the whole scrape; the dependency metrics report the
 * outage.
 */
export class HeartbeatMetrics {
  constructor(
    private readonly registry: Registry,
    private readonly now: () => number = Date.now,
  ) {}

  /** Where the newest heartbeat time comes from; before the first beat, the age counts from this call. */
  readLastBeat(source: LastBeat): void {
    const now = this.now;
    const since = now();
    new Gauge({
      name: `${METRIC_PREFIX}heartbeat_age_seconds`,
      help: 'Seconds since the newest worker heartbeat (its own, in a worker); before the first, since start-up.',
      registers: [this.registry],
      async collect() {
        try {
          const beatAt = (await source()) ?? since;
          this.set(Math.max(0, now() - beatAt) / 1000);
        } catch {
          // Keep the last known value.
        }
      },
    });
  }

  /** Where the number of live workers comes from (the web app, which reads every worker's heartbeat). */
  countLiveWorkers(source: () => Promise<number>): void {
    new Gauge({
      name: `${METRIC_PREFIX}live_workers`,
      help: 'Workers whose heartbeat is within its time to live, as the readiness check counts them.',
      registers: [this.registry],
      async collect() {
        try {
          this.set(await source());
        } catch {
          // Keep the last known value.
        }
      },
    });
  }
}
