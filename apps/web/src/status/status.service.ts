import { Injectable } from '@nestjs/common';
import type { Config } from '@repo/config';
import { InjectConfig } from '@repo/config/nest';
import { ReportsRepository } from '@repo/db';
import { WorkerRegistry } from '../workers/worker-registry.service.js';
import type { StatusPageData } from './status-page.js';

const RECENT_JOBS = 8;

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
