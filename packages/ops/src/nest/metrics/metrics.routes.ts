import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ManagementRoutes } from '../management-routes.js';
import { scrape } from '@repo/telemetry/metrics';
import { InjectMetricsRegistry } from '@repo/telemetry/nest';
import type { Registry } from 'prom-client';

/** Serves `GET /metrics` on the management port only: series name routes and queues, not for the public internet. */
@Injectable()
export class MetricsRoutes implements OnModuleInit {
  constructor(
    @InjectMetricsRegistry() private readonly registry: Registry,
    private readonly routes: ManagementRoutes,
  ) {}

  onModuleInit(): void {
    this.routes.get('/metrics', async () => {
      const { contentType, body } = await scrape(this.registry);
      return { contentType, body };
    });
  }
}
