import 'reflect-metadata';
import { Injectable, Module } from '@nestjs/common';
import { AppConfigModule } from '@repo/config/nest';
import { Test } from '@nestjs/testing';
import type { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { HttpMetrics } from '../metrics/http-metrics.js';
import { QueueMetrics } from '../metrics/queue-metrics.js';
import { testConfig } from '../testing/test-config.js';
import { InjectMetricsRegistry } from './metrics.tokens.js';
import { TelemetryModule } from './telemetry.module.js';

@Injectable()
class MetricsReader {
  constructor(
    @InjectMetricsRegistry() readonly registry: Registry,
    readonly http: HttpMetrics,
    readonly queues: QueueMetrics,
  ) {}
}

@Module({ providers: [MetricsReader] })
class FeatureModule {}

describe('TelemetryModule', () => {
  it('gives every feature module the same registry, with the feature metrics registered into it', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        AppConfigModule.forRoot({ config: testConfig() }),
        TelemetryModule.forRoot('web'),
        FeatureModule,
      ],
    }).compile();
    const reader = moduleRef.get(MetricsReader);
    reader.http.start()({ method: 'GET', route: '/api/reports', status_class: '2xx' });
    const body = await reader.registry.metrics();
    expect(body).toContain('ladder_build_info{app_env="test"');
    expect(body).toContain(
      'ladder_http_requests_total{method="GET",route="/api/reports",status_class="2xx",app="web"} 1',
    );
    expect(body).toContain('# TYPE ladder_job_duration_seconds histogram');
    await moduleRef.close();
  });
});
