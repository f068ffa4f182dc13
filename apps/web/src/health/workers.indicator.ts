import { Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { WorkerRegistry } from '../workers/worker-registry.service.js';

/** At least one live worker, and every live worker read the same configuration as this web process. */
@Injectable()
export class WorkersIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    private readonly registry: WorkerRegistry,
  ) {}

  async check(): Promise<HealthIndicatorResult> {
    const indicator = this.health.check('workers');
    try {
      const workers = (await this.registry.list()).map((worker) => ({
        id: worker.id,
        version: worker.version,
        fingerprint: worker.fingerprint,
        fingerprintMatches: worker.fingerprintMatches,
      }));
      const details = {
        expectedFingerprint: this.registry.fingerprint,
        live: workers.length,
        workers,
      };
      if (workers.length === 0) return indicator.down({ ...details, message: 'no live worker' });
      const mismatched = workers.filter((worker) => !worker.fingerprintMatches);
      if (mismatched.length > 0) {
        const names = mismatched.map((worker) => `${worker.id} (${worker.fingerprint})`).join(', ');
        return indicator.down({
          ...details,
          message: `configuration fingerprint mismatch: ${names}`,
        });
      }
      return indicator.up(details);
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
