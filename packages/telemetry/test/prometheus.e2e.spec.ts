import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@repo/config';
import { freePort, REPOSITORY_ROOT, RunningProcess, testSecretKey, waitFor } from '@repo/testing';
import { Queue, Worker } from 'bullmq';
import express from 'express';
import { Redis } from 'ioredis';
import type { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { HttpMetrics, httpMetricsMiddleware } from '../src/metrics/http-metrics.js';
import { createMetricsRegistry, scrape } from '../src/metrics/metrics-registry.js';
import { QueueMetrics } from '../src/metrics/queue-metrics.js';

const stack = inject('stack');
const NAMESPACE = 'ladder-staging';
const config = loadConfig({
  env: {
    APP_ENV: 'test',
    DATABASE_URL: stack.postgresAdminUrl,
    REDIS_URL: stack.redisUrl,
    SECRET_KEY: testSecretKey(),
    QUEUE_PREFIX: `ladder-prometheus-${process.pid}`,
  },
  envDir: '/nonexistent',
});

/** Serves a registry's scrape on its own port, as the management server will. */
async function serveMetrics(registry: Registry, port: number): Promise<Server> {
  const server = createServer((_request, response) => {
    void scrape(registry).then(({ contentType, body }) => {
      response.setHeader('content-type', contentType);
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}

/** Staging's alert rules with every `for:` window cut to 2 s, so the test does not wait minutes. */
function shortenedStagingRules(): string {
  const file = join(REPOSITORY_ROOT, 'infra/environments/staging/monitoring/alert-rules.yaml');
  const rule = parse(readFileSync(file, 'utf8')) as {
    spec: { groups: { rules: { for?: string }[] }[] };
  };
  for (const group of rule.spec.groups) for (const alert of group.rules) alert.for = '2s';
  return stringify({ groups: rule.spec.groups });
}

describe('a real Prometheus scraping web and worker metrics', () => {
  const folder = mkdtempSync(join(tmpdir(), 'ladder-prometheus-'));
  const servers: Server[] = [];
  const redis = new Redis(config.redis.url, { maxRetriesPerRequest: null });
  const queue = new Queue('reports', { connection: redis, prefix: config.queue.prefix });
  let worker: Worker | undefined;
  let prometheus: RunningProcess | undefined;
  let prometheusUrl = '';
  let web = '';
  let workerMetrics: Server | undefined;

  async function query(expression: string): Promise<number | undefined> {
    const answer = (await fetch(
      `${prometheusUrl}/api/v1/query?query=${encodeURIComponent(expression)}`,
    ).then((response) => response.json())) as {
      data: { result: { value: [number, string] }[] };
    };
    const sample = answer.data.result[0];
    return sample === undefined ? undefined : Number(sample.value[1]);
  }

  async function firingAlerts(): Promise<string[]> {
    const answer = (await fetch(`${prometheusUrl}/api/v1/alerts`).then((response) =>
      response.json(),
    )) as { data: { alerts: { labels: { alertname: string }; state: string }[] } };
    return answer.data.alerts
      .filter((alert) => alert.state === 'firing')
      .map((alert) => alert.labels.alertname);
  }

  beforeAll(async () => {
    // The web app: real HTTP requests through the middleware, metrics on a second port.
    const webRegistry = createMetricsRegistry(config, 'web');
    const app = express();
    app.use(httpMetricsMiddleware(new HttpMetrics(webRegistry)));
    app.get('/api/reports/:id', (_request, response) => {
      response.json({ ok: true });
    });
    const webPort = await freePort();
    servers.push(app.listen(webPort, '127.0.0.1'));
    web = `http://127.0.0.1:${webPort}`;
    const webMetricsPort = await freePort();
    servers.push(await serveMetrics(webRegistry, webMetricsPort));

    // The worker: a real BullMQ worker on the compose stack's Redis.
    const workerRegistry = createMetricsRegistry(config, 'worker');
    const queueMetrics = new QueueMetrics(workerRegistry);
    queueMetrics.watchQueue(queue);
    worker = new Worker('reports', () => Promise.resolve(), {
      connection: redis.duplicate(),
      prefix: config.queue.prefix,
    });
    queueMetrics.observeWorker(worker, 1);
    const workerMetricsPort = await freePort();
    workerMetrics = await serveMetrics(workerRegistry, workerMetricsPort);

    writeFileSync(join(folder, 'rules.yaml'), shortenedStagingRules());
    const target = (name: string, port: number) => ({
      job_name: name,
      static_configs: [{ targets: [`127.0.0.1:${port}`], labels: { namespace: NAMESPACE } }],
    });
    writeFileSync(
      join(folder, 'prometheus.yaml'),
      stringify({
        global: { scrape_interval: '1s', evaluation_interval: '1s' },
        rule_files: ['rules.yaml'],
        scrape_configs: [
          target('ladder-web', webMetricsPort),
          target('ladder-worker', workerMetricsPort),
        ],
      }),
    );
    const prometheusPort = await freePort();
    prometheusUrl = `http://127.0.0.1:${prometheusPort}`;
    prometheus = new RunningProcess(
      'prometheus',
      'prometheus',
      [
        `--config.file=${join(folder, 'prometheus.yaml')}`,
        `--storage.tsdb.path=${join(folder, 'data')}`,
        `--web.listen-address=127.0.0.1:${prometheusPort}`,
      ],
      { env: { PATH: '/usr/bin:/bin' }, cwd: folder },
    );
    await waitFor(() => fetch(`${prometheusUrl}/-/ready`).then((response) => response.ok), {
      timeoutMs: 60_000,
      description: 'Prometheus to be ready',
    });
  });

  afterAll(async () => {
    await prometheus?.stop('SIGTERM', 10_000);
    await worker?.close();
    await queue.close();
    await redis.quit();
    for (const server of [...servers, workerMetrics]) server?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('stores the request series, and they move with traffic', async () => {
    const requests = `sum(ladder_http_requests_total{namespace="${NAMESPACE}", route="/api/reports/:id", status_class="2xx"})`;
    for (let index = 0; index < 3; index += 1) await fetch(`${web}/api/reports/${index}`);
    const first = await waitFor(
      async () => ((await query(requests)) ?? 0) >= 3 && query(requests),
      {
        timeoutMs: 60_000,
        description: 'the first requests in Prometheus',
      },
    );
    for (let index = 0; index < 5; index += 1) await fetch(`${web}/api/reports/${index}`);
    const later = await waitFor(
      async () => ((await query(requests)) ?? 0) > (first ?? 0) && query(requests),
      { timeoutMs: 60_000, description: 'the later requests in Prometheus' },
    );
    expect(later).toBeGreaterThanOrEqual((first ?? 0) + 5);
  });

  it('stores the job series, and they move as jobs complete', async () => {
    const completed = `sum(ladder_jobs_completed_total{namespace="${NAMESPACE}", queue="reports"})`;
    await queue.add('render', { reportId: 1 });
    const first = await waitFor(
      async () => ((await query(completed)) ?? 0) >= 1 && query(completed),
      {
        timeoutMs: 60_000,
        description: 'the first completed job in Prometheus',
      },
    );
    await queue.addBulk([1, 2, 3].map((reportId) => ({ name: 'render', data: { reportId } })));
    await waitFor(async () => ((await query(completed)) ?? 0) >= (first ?? 0) + 3, {
      timeoutMs: 60_000,
      description: 'three more completed jobs in Prometheus',
    });
    expect(await query(`max(ladder_queue_jobs{namespace="${NAMESPACE}", state="waiting"})`)).toBe(
      0,
    );
  });

  it('fires LadderNoLiveWorker once the worker is gone, and not before', async () => {
    await waitFor(async () => (await query(`up{job="ladder-worker"}`)) === 1, {
      timeoutMs: 60_000,
      description: 'the worker target to be up',
    });
    expect(await firingAlerts()).not.toContain('LadderNoLiveWorker');

    await worker?.close();
    await new Promise<void>((resolve) => workerMetrics?.close(() => resolve()));
    const firing = await waitFor(
      async () => (await firingAlerts()).includes('LadderNoLiveWorker') && firingAlerts(),
      { timeoutMs: 60_000, description: 'LadderNoLiveWorker to fire' },
    );
    expect(firing).not.toContain('LadderWebDown');
  });
});
