import { Gauge, type Registry } from 'prom-client';
import { METRIC_PREFIX } from './metrics-registry.js';

/**
 * Migrations committed in the build that the database has not applied, read at scrape time from the same check
 * readiness uses. After a deploy it drops to 0 once the release step ran; an alert watches it.
 */
export class MigrationMetrics {
  constructor(private readonly registry: Registry) {}

  countPending(source: () => Promise<number>): void {
    new Gauge({
      name: `${METRIC_PREFIX}migrations_pending`,
      help: 'Migrations shipped with this build that the database has not applied yet (last known value).',
      registers: [this.registry],
      async collect() {
        try {
          this.set(await source());
        } catch {
          // Unreadable (database down): keep the last known value; the dependency alert covers the outage.
        }
      },
    });
  }
}
