import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheck, HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import { ShutdownService } from '../lifecycle/shutdown.service.js';
import { DependencyIndicators } from './dependency.indicators.js';
import { WorkersIndicator } from './workers.indicator.js';

@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly dependencies: DependencyIndicators,
    private readonly workers: WorkersIndicator,
    private readonly shutdown: ShutdownService,
  ) {}

  /** Liveness: the process answers. Deliberately checks nothing else, so an outage elsewhere never restarts it. */
  @Get()
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: 200 only when every dependency is fine; 503 with each check's verdict otherwise. */
  @Get('ready')
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    if (this.shutdown.isShuttingDown) {
      throw new ServiceUnavailableException({
        status: 'shutting_down',
        info: {},
        error: {},
        details: {},
      });
    }
    return this.health.check([
      () => this.dependencies.postgres(),
      () => this.dependencies.redisPolicy(),
      () => this.dependencies.migrations(),
      () => this.dependencies.environment(),
      () => this.workers.check(),
    ]);
  }
}
