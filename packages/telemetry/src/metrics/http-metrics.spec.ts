import type { AddressInfo } from 'node:net';
import express from 'express';
import { waitFor } from '@repo/testing/wait-for';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpMetrics, httpMetricsMiddleware } from './http-metrics.js';

const servers: { close(): void }[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

/** A real Express app with the middleware in front, as the web app mounts it. */
async function serve(): Promise<{ registry: Registry; url: string; closed: Promise<void> }> {
  const registry = new Registry();
  const closed = Promise.withResolvers<void>();
  const app = express();
  app.use(httpMetricsMiddleware(new HttpMetrics(registry)));
  const reports = express.Router();
  reports.get('/:id', (_request, response) => {
    response.json({ ok: true });
  });
  reports.post('/', () => {
    throw new Error('boom');
  });
  // Never answers: the client gives up first. Resolves once the server saw the connection close.
  reports.get('/:id/slow', (_request, response) => {
    response.on('close', () => closed.resolve());
  });
  app.use('/api/reports', reports);
  const server = app.listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    registry,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    closed: closed.promise,
  };
}

async function value(registry: Registry, name: string, labels: Record<string, string>) {
  const metric = await registry.getSingleMetric(name)?.get();
  const match = metric?.values.find((sample) =>
    Object.entries(labels).every(([key, wanted]) => String(sample.labels[key]) === wanted),
  );
  return match?.value;
}

/** Resolves once the server has received a request (the in-flight gauge counts it). */
async function waitForInFlight(registry: Registry): Promise<void> {
  await waitFor(async () => (await value(registry, 'ladder_http_requests_in_flight', {})) === 1, {
    intervalMs: 1,
    description: 'the request to be in flight',
  });
}

describe('httpMetricsMiddleware', () => {
  it('counts requests by method, route template and status class, never by path', async () => {
    const { registry, url } = await serve();
    await fetch(`${url}/api/reports/123`);
    await fetch(`${url}/api/reports/456`);
    await fetch(`${url}/api/reports`, { method: 'POST' });
    await fetch(`${url}/no/such/page?token=abc`);

    const labels = (method: string, route: string, status: string) => ({
      method,
      route,
      status_class: status,
    });
    const total = 'ladder_http_requests_total';
    expect(await value(registry, total, labels('GET', '/api/reports/:id', '2xx'))).toBe(2);
    expect(await value(registry, total, labels('POST', '/api/reports/', '5xx'))).toBe(1);
    expect(await value(registry, total, labels('GET', 'unmatched', '4xx'))).toBe(1);
    const body = await registry.metrics();
    expect(body).not.toContain('123');
    expect(body).not.toContain('/no/such/page');
    expect(body).toMatch(
      /ladder_http_request_duration_seconds_count\{method="GET",route="\/api\/reports\/:id",status_class="2xx"\} 2/,
    );
  });

  it('folds unknown methods into one label value', async () => {
    const { registry, url } = await serve();
    await fetch(`${url}/api/reports/1`, { method: 'PROPFIND' });
    expect(
      await value(registry, 'ladder_http_requests_total', { method: 'OTHER', route: 'unmatched' }),
    ).toBe(1);
  });

  it('counts a request the client abandoned as aborted, not as a server error', async () => {
    const { registry, url, closed } = await serve();
    const abort = new AbortController();
    const request = fetch(`${url}/api/reports/7/slow`, { signal: abort.signal }).catch(
      () => undefined,
    );
    await waitForInFlight(registry);
    abort.abort();
    await Promise.all([request, closed]);
    expect(
      await value(registry, 'ladder_http_requests_total', {
        route: '/api/reports/:id/slow',
        status_class: 'aborted',
      }),
    ).toBe(1);
    expect(await value(registry, 'ladder_http_requests_in_flight', {})).toBe(0);
  });

  it('shows a request as in flight until its response is done', async () => {
    const registry = new Registry();
    const metrics = new HttpMetrics(registry);
    const record = metrics.start();
    expect(await value(registry, 'ladder_http_requests_in_flight', {})).toBe(1);
    record({ method: 'GET', route: '/', status_class: '2xx' });
    record({ method: 'GET', route: '/', status_class: '2xx' });
    expect(await value(registry, 'ladder_http_requests_in_flight', {})).toBe(0);
    expect(await value(registry, 'ladder_http_requests_total', { route: '/' })).toBe(1);
  });
});
