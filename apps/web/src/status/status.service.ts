import { Injectable } from '@nestjs/common';
import type { Config } from '@repo/config';
import { InjectConfig } from '@repo/config/nest';
import { ReportsRepository } from '@repo/db';
import { WorkerRegistry } from '../workers/worker-registry.service.js';
import type { LiveWorker } from '../workers/worker-registry.service.js';
import type { StatusPageData, StatusVerdict } from './status-page.js';

const RECENT_JOBS = 8;

/**
 * The verdict from what the page itself reads: the database answered (or the page would not render), and the
 * workers' heartbeats. The readiness endpoint checks more (migrations, stamps, Redis policy) and stays the
 * authority for load balancers.
 */
export function verdictFor(workers: readonly LiveWorker[]): StatusVerdict {
  const reasons: string[] = [];
  if (workers.length === 0) reasons.push('No live worker: jobs are not being processed.');
  const mismatched = workers.filter((worker) => !worker.fingerprintMatches);
  if (mismatched.length > 0)
    reasons.push(
      `${mismatched.map((worker) => worker.id).join(', ')} read a different configuration than this web process.`,
    );
  return { ready: reasons.length === 0, reasons };
}

@Injectable()
export class StatusService {
  constructor(
    @InjectConfig() private readonly config: Config,
    private readonly registry: WorkerRegistry,
    private readonly reports: ReportsRepository,
  ) {}

  async pageData(lastReportId: string | undefined): Promise<StatusPageData> {
    const [workers, reports] = await Promise.all([
      this.registry.list(),
      this.reports.recent(RECENT_JOBS),
    ]);
    return {
      appEnv: this.config.appEnv,
      verdict: verdictFor(workers),
      now: new Date(),
      version: this.config.release.version,
      gitSha: this.config.release.gitSha,
      fingerprint: this.registry.fingerprint,
      features: { ...this.config.features },
      workers,
      reports,
      lastReportId,
    };
  }
}
