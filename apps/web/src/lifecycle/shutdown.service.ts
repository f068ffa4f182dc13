import type { Server } from 'node:http';
import { Injectable, type OnApplicationShutdown, type OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Config } from '@repo/config';
import { InjectConfig } from '@repo/config/nest';
import { PinoLogger } from 'nestjs-pino';

/**
 * The web app's side of a graceful stop. Nest's order on SIGTERM: destroy hooks (readiness turns 503 here),
 * before-shutdown hooks (Terminus keeps serving for SHUTDOWN_DRAIN_SECONDS so load balancers notice), the HTTP
 * server closes (no new connections, in-flight requests finish), then queues, Redis and the database close.
 * Requests still open after SHUTDOWN_TIMEOUT_SECONDS are cut off so the process always exits.
 */
@Injectable()
export class ShutdownService implements OnModuleDestroy, OnApplicationShutdown {
  private stopping = false;
  private deadline: NodeJS.Timeout | undefined;

  constructor(
    @InjectConfig() private readonly config: Config,
    private readonly adapterHost: HttpAdapterHost,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(ShutdownService.name);
  }

  get isShuttingDown(): boolean {
    return this.stopping;
  }

  onModuleDestroy(): void {
    this.stopping = true;
    const { drainSeconds, shutdownTimeoutSeconds } = this.config.lifecycle;
    this.logger.info(
      { drainSeconds, shutdownTimeoutSeconds },
      'shutting down: readiness now reports 503',
    );
    this.deadline = setTimeout(
      () => {
        this.logger.warn(
          `requests still open after ${shutdownTimeoutSeconds}s; closing their connections`,
        );
        (this.adapterHost.httpAdapter.getHttpServer() as Server).closeAllConnections();
      },
      (drainSeconds + shutdownTimeoutSeconds) * 1000,
    );
    this.deadline.unref();
  }

  onApplicationShutdown(): void {
    clearTimeout(this.deadline);
    this.logger.info('shutdown complete');
  }
}
