import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { Controller, Get, HttpException, Module, Param } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfigModule } from '@repo/config/nest';
import type { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpMetrics, httpMetricsMiddleware } from '../metrics/http-metrics.js';
import { testConfig } from '../testing/test-config.js';
import { METRICS_REGISTRY } from './metrics.tokens.js';
import { TelemetryModule } from './telemetry.module.js';

@Controller('reports')
class ReportsController {
  @Get(':id')
  find(@Param('id') id: string): { id: string } {
    if (id === 'missing') throw new HttpException('not found', 404);
    return { id };
  }
}

@Module({
  imports: [AppConfigModule.forRoot({ config: testConfig() }), TelemetryModule.forRoot('web')],
  controllers: [ReportsController],
})
class WebModule {}

describe('httpMetricsMiddleware in a Nest app', () => {
  let app: NestExpressApplication;
  let url = '';

  beforeAll(async () => {
    app = await NestFactory.create<NestExpressApplication>(WebModule, { logger: false });
    app.setGlobalPrefix('api');
    app.use(httpMetricsMiddleware(app.get(HttpMetrics)));
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(() => app.close());

  it("labels requests with Nest's route template, global prefix included, never with the path", async () => {
    await fetch(`${url}/api/reports/42`);
    await fetch(`${url}/api/reports/missing`);
    await fetch(`${url}/api/nothing-here/7f3a`);
    const body = await app.get<Registry>(METRICS_REGISTRY).metrics();
    expect(body).toContain(
      'ladder_http_requests_total{method="GET",route="/api/reports/:id",status_class="2xx",app="web"} 1',
    );
    expect(body).toContain(
      'ladder_http_requests_total{method="GET",route="/api/reports/:id",status_class="4xx",app="web"} 1',
    );
    expect(body).toContain(
      // Nest answers unknown paths from a catch-all route: one label value, whatever the path.
      'ladder_http_requests_total{method="GET",route="/api*path",status_class="4xx",app="web"} 1',
    );
    expect(body).not.toContain('/api/reports/42');
    expect(body).not.toContain('nothing-here');
  });
});
