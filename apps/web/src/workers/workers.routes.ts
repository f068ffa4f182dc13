import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { shortReason } from '@repo/ops';
import { ManagementRoutes } from '@repo/ops/nest';
import { WorkerRegistry } from './worker-registry.service.js';

export type WorkersVerdict = 'ok' | 'no_workers' | 'mismatch' | 'unknown';

export interface WorkersReport {
  status: WorkersVerdict;
  message?: string;
  expectedFingerprint: string;
  live: number;
  workers: {
    id: string;
    version: string;
    fingerprint: string;
    fingerprintMatches: boolean;
    beatAt: string;
  }[];
}

/**
 * `GET /workers` on the management port: at least one live worker, and every live worker read the same
 * configuration as this web process. 503 otherwise: what an alert watches. Kept out of readiness on purpose, so a
 * worker problem degrades the site (jobs wait) instead of emptying the Service.
 */
@Injectable()
export class WorkersRoutes implements OnModuleInit {
  private readonly logger = new Logger('Workers');

  constructor(
    private readonly routes: ManagementRoutes,
    private readonly registry: WorkerRegistry,
  ) {}

  onModuleInit(): void {
    this.routes.get('/workers', async () => {
      const report = await this.report();
      return { status: report.status === 'ok' ? 200 : 503, json: report };
    });
  }

  async report(): Promise<WorkersReport> {
    const expectedFingerprint = this.registry.fingerprint;
    try {
      const workers = (await this.registry.list()).map((worker) => ({
        id: worker.id,
        version: worker.version,
        fingerprint: worker.fingerprint,
        fingerprintMatches: worker.fingerprintMatches,
        beatAt: worker.beatAt,
      }));
      const details = { expectedFingerprint, live: workers.length, workers };
      if (workers.length === 0)
        return { status: 'no_workers', message: 'no live worker: jobs are waiting', ...details };
      const mismatched = workers.filter((worker) => !worker.fingerprintMatches);
      if (mismatched.length === 0) return { status: 'ok', ...details };
      const names = mismatched.map((worker) => `${worker.id} (${worker.fingerprint})`).join(', ');
      return {
        status: 'mismatch',
        message: `configuration fingerprint mismatch: ${names}`,
        ...details,
      };
    } catch (error) {
      this.logger.warn(`cannot list workers: ${(error as Error).message}`);
      return {
        status: 'unknown',
        message: `cannot list workers: ${shortReason(error, 'Redis command failed')}`,
        expectedFingerprint,
        live: 0,
        workers: [],
      };
    }
  }
}
