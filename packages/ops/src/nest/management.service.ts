import {
  Inject,
  Injectable,
  Logger,
  ServiceUnavailableException,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { HealthCheckService } from '@nestjs/terminus';
import { ManagementServer } from '../management-server.js';
import { shortReason } from '../short-reason.js';
import { ManagementRoutes } from './management-routes.js';
import { OPS_OPTIONS, type OpsOptions } from './ops.options.js';
import { ReadinessIndicators } from './readiness.indicators.js';

/**
 * Runs the management server for the app's whole life: it listens once every module has registered its routes
 * and closes last, so probes keep answering (readiness 503) through the shutdown drain.
 */
@Injectable()
export class ManagementService
  implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy, OnApplicationShutdown
{
  private readonly logger = new Logger('Management');
  private readonly server: ManagementServer;
  private stopping = false;

  constructor(
    @Inject(OPS_OPTIONS) private readonly options: OpsOptions,
    private readonly routes: ManagementRoutes,
    private readonly health: HealthCheckService,
    private readonly readiness: ReadinessIndicators,
  ) {
    this.server = new ManagementServer(routes.table, (error, path) => {
      this.logger.error(
        `management route ${path} failed: ${shortReason(error, 'unexpected error')}`,
      );
    });
  }

  onModuleInit(): void {
    // Liveness: the process answers. Deliberately checks nothing else, so an outage elsewhere never restarts it.
    this.routes.get('/health', () => ({ json: { status: 'ok' } }));
    this.routes.get('/health/ready', async () => {
      const { status, body } = await this.ready();
      return { status, json: body };
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    const port = await this.server.listen(this.options.port);
    this.logger.log(
      `management server listening on port ${port}: ${this.routes.registered.join(' ')}`,
    );
  }

  /** The first shutdown hook Nest runs: from here on readiness says 503, so traffic drains away. */
  onModuleDestroy(): void {
    this.stopping = true;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.server.close();
  }

  /** 200 when this pod can serve; 503 with every check's verdict otherwise, or while shutting down. */
  async ready(): Promise<{ status: number; body: unknown }> {
    if (this.stopping) {
      return { status: 503, body: { status: 'shutting_down', info: {}, error: {}, details: {} } };
    }
    try {
      const result = await this.health.check([
        () => this.readiness.postgres(),
        () => this.readiness.redisPolicy(),
        ...(this.options.checkMigrations === false ? [] : [() => this.readiness.migrations()]),
        () => this.readiness.environment(),
      ]);
      return { status: 200, body: result };
    } catch (error) {
      if (error instanceof ServiceUnavailableException)
        return { status: 503, body: error.getResponse() };
      throw error;
    }
  }
}
