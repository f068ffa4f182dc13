import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createTestDatabase,
  freePort,
  REPOSITORY_ROOT,
  RunningProcess,
  spansOf,
  startCollector,
  testSecretKey,
  waitFor,
} from '@repo/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { request } from './support/http.js';
import {
  runMigrations,
  startWeb,
  startWorker,
  stopAll,
  type Variables,
  type WebProcess,
  type WorkerProcess,
} from './support/processes.js';

/** The namespace staging's rules select; the test's Prometheus puts it on both targets. */
const NAMESPACE = 'ladder-staging';

/** Staging's alert rules with every `for:` window cut to 2 s, so the test does not wait minutes. */
function shortenedStagingRules(): string {
  const file = join(REPOSITORY_ROOT, 'infra/environments/staging/monitoring/alert-rules.yaml');
  const rule = parse(readFileSync(file, 'utf8')) as {
    spec: { groups: { rules: { for?: string }[] }[] };
  };
  for (const group of rule.spec.groups) for (const alert of group.rules) alert.for = '2s';
  return stringify({ groups: rule.spec.groups });
}

/** A process's output lines that are JSON log entries, parsed. */
function logLines(lines: readonly string[]): Record<string, unknown>[] {
  return lines.flatMap((line) => {
    try {
      return [JSON.parse(line) as Record<string, unknown>];
    } catch {
      return [];
    }
  });
}

const stack = inject('stack');
const folder = mkdtempSync(join(tmpdir(), 'observability-'));
const redisUser = `observability-${randomBytes(3).toString('hex')}`;
const redisPassword = randomBytes(18).toString('base64url');
const admin = new Redis(stack.redisUrl, { lazyConnect: true });
let collector: { url: string; bodies: string[]; server: Server };
let variables: Variables;
let web: WebProcess;
let worker: WorkerProcess;
let prometheus: RunningProcess | undefined;
let prometheusUrl = '';

async function query(expression: string): Promise<number | undefined> {
  const answer = (await fetch(
    `${prometheusUrl}/api/v1/query?query=${encodeURIComponent(expression)}`,
  ).then((response) => response.json())) as {
    data: { result: { value: [number, string] }[] };
  };
  const sample = answer.data.result[0];
  return sample === undefined ? undefined : Number(sample.value[1]);
}

/** Polls `expression` in Prometheus until `predicate` holds for its value. */
async function waitForValue(
  expression: string,
  predicate: (value: number) => boolean,
  description: string,
): Promise<number> {
  return waitFor(
    async () => {
      const value = await query(expression);
      return value !== undefined && predicate(value) ? value : undefined;
    },
    { timeoutMs: 60_000, intervalMs: 500, description },
  );
}

async function firingAlerts(): Promise<string[]> {
  const answer = (await fetch(`${prometheusUrl}/api/v1/alerts`).then((response) =>
    response.json(),
  )) as { data: { alerts: { labels: { alertname: string }; state: string }[] } };
  return answer.data.alerts
    .filter((alert) => alert.state === 'firing')
    .map((alert) => alert.labels.alertname);
}

async function runReport(title: string): Promise<string> {
  const response = await request(`${web.url}/api/reports`, {
    method: 'POST',
    body: { title, periodDays: 2 },
  });
  expect(response.status, response.body).toBe(202);
  const { id } = response.json<{ id: string }>();
  await waitFor(
    async () =>
      (await request(`${web.url}/api/reports/${id}`)).json<{ status: string }>().status ===
      'completed',
    { timeoutMs: 30_000, intervalMs: 100, description: `report ${id} to complete` },
  );
  return id;
}

beforeAll(async () => {
  // A Redis user with a password, so the scans below look for a real Redis password too.
  await admin.connect();
  await admin.call('ACL', 'SETUSER', redisUser, 'on', `>${redisPassword}`, '~*', '&*', '+@all');
  const redisUrl = new URL(stack.redisUrl);
  redisUrl.username = redisUser;
  redisUrl.password = redisPassword;

  collector = await startCollector();
  variables = {
    APP_ENV: 'test',
    DATABASE_URL: await createTestDatabase(stack.postgresAdminUrl, 'observability'),
    REDIS_URL: redisUrl.href,
    QUEUE_PREFIX: `observability-${randomBytes(4).toString('hex')}`,
    SECRET_KEY: testSecretKey(),
    LOG_LEVEL: 'info',
    // Every trace recorded and sent to the stand-in collector, as staging does with its own.
    TRACES_EXPORTER: 'otlp',
    TRACES_OTLP_ENDPOINT: collector.url,
    TRACES_SAMPLE_RATIO: '1',
  };
  const migrated = runMigrations(variables);
  expect(migrated.code, migrated.output).toBe(0);
  worker = await startWorker('worker', variables);
  web = await startWeb('web', variables);

  writeFileSync(join(folder, 'rules.yaml'), shortenedStagingRules());
  const target = (name: string, url: string) => ({
    job_name: name,
    static_configs: [{ targets: [new URL(url).host], labels: { namespace: NAMESPACE } }],
  });
  writeFileSync(
    join(folder, 'prometheus.yaml'),
    stringify({
      global: { scrape_interval: '1s', evaluation_interval: '1s' },
      rule_files: ['rules.yaml'],
      scrape_configs: [
        target('ladder-web', web.managementUrl),
        target('ladder-worker', worker.managementUrl),
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
  await stopAll();
  collector.server.close();
  await admin.call('ACL', 'DELUSER', redisUser).catch(() => undefined);
  admin.disconnect();
  rmSync(folder, { recursive: true, force: true });
});

describe('a real Prometheus scraping the running web app and worker', () => {
  it('stores the request and job series of a report run, and they move with the next run', async () => {
    const posted = `sum(ladder_http_requests_total{namespace="${NAMESPACE}", method="POST", route="/api/reports", status_class="2xx"})`;
    const completed = `sum(ladder_jobs_completed_total{namespace="${NAMESPACE}", queue="reports"})`;
    await runReport('First run');
    const firstPosted = await waitForValue(posted, (value) => value >= 1, 'the first request');
    const firstCompleted = await waitForValue(completed, (value) => value >= 1, 'the first job');

    await runReport('Second run');
    await runReport('Third run');
    // Wait for a scrape taken after both runs: one taken between them already shows a higher value.
    expect(
      await waitForValue(posted, (value) => value >= firstPosted + 2, 'the later requests'),
    ).toBeGreaterThanOrEqual(firstPosted + 2);
    expect(
      await waitForValue(completed, (value) => value >= firstCompleted + 2, 'the later jobs'),
    ).toBeGreaterThanOrEqual(firstCompleted + 2);
  });

  it("stores the worker's queue depth by state and the web app's count of live workers", async () => {
    expect(
      await waitForValue(
        `count(ladder_queue_jobs{namespace="${NAMESPACE}", job="ladder-worker", queue="reports"})`,
        (value) => value === 4,
        'a depth series for each state',
      ),
    ).toBe(4);
    expect(
      await waitForValue(
        `max(ladder_live_workers{namespace="${NAMESPACE}", job="ladder-web"})`,
        (value) => value === 1,
        'the web app to count the worker',
      ),
    ).toBe(1);
  });
});

describe('traces of a report run', () => {
  it("runs the job in the trace of the request that enqueued it, and both apps' log lines carry its id", async () => {
    const id = await runReport('Traced run');
    const jobLine = await waitFor(
      () =>
        logLines(worker.lines).find(
          (line) => line.msg === 'report completed' && line.reportId === id,
        ),
      { timeoutMs: 10_000, description: "the worker's line for the traced report" },
    );
    expect(jobLine.trace_id).toMatch(/^[0-9a-f]{32}$/);
    // Each run has a trace of its own; this run's request is the last POST the web app logged.
    const postLine = logLines(web.process.lines)
      .filter(
        (line) =>
          line.msg === 'request completed' &&
          (line.req as { method?: string } | undefined)?.method === 'POST',
      )
      .at(-1);
    expect(postLine?.trace_id).toBe(jobLine.trace_id);

    // The batch exporters send every few seconds: wait for both apps' spans of that trace.
    const scopes = await waitFor(
      () => {
        const found = spansOf(collector.bodies)
          .spans.filter((span) => span.traceId === jobLine.trace_id)
          .map((span) => span.scope);
        return found.includes('@opentelemetry/instrumentation-http') &&
          found.filter((scope) => scope === 'ladder-queue').length >= 2
          ? found
          : undefined;
      },
      { timeoutMs: 30_000, description: "the request's and the job's spans at the collector" },
    );
    expect(scopes).toEqual(
      expect.arrayContaining([
        '@opentelemetry/instrumentation-http',
        '@opentelemetry/instrumentation-pg',
        '@opentelemetry/instrumentation-ioredis',
        'ladder-queue',
      ]),
    );
    const services = spansOf(collector.bodies).resources.map(
      (resource) => resource['service.name'],
    );
    expect(new Set(services)).toEqual(new Set(['ladder-web', 'ladder-worker']));
  });

  it('puts the trace id beside the request id in an error response', async () => {
    const response = await request(`${web.url}/api/reports/${randomBytes(16).toString('hex')}`);
    expect(response.status).toBeGreaterThanOrEqual(400);
    const body = response.json<{ requestId?: string; traceId?: string }>();
    expect(body.requestId).toEqual(expect.any(String));
    expect(body.traceId).toMatch(/^[0-9a-f]{32}$/);
    const line = await waitFor(
      () =>
        logLines(web.process.lines).find(
          (candidate) =>
            candidate.msg === 'request completed' &&
            (candidate.req as { id?: string } | undefined)?.id === body.requestId,
        ),
      { timeoutMs: 10_000, description: 'the log line of the failed request' },
    );
    expect(line.trace_id).toBe(body.traceId);
  });
});

describe('secrets in what the apps export', () => {
  it('finds no configured secret in either scrape or in any exported span', async () => {
    const secrets = [
      variables.SECRET_KEY,
      new URL(variables.DATABASE_URL ?? '').password,
      redisPassword,
    ].filter((secret): secret is string => typeof secret === 'string' && secret.length > 0);
    expect(secrets).toHaveLength(3);
    const scrapes = await Promise.all(
      [web.managementUrl, worker.managementUrl].map(
        async (url) => (await request(`${url}/metrics`)).body,
      ),
    );
    // Not vacuous: the scrapes and the export hold the series and spans the scan is about.
    expect(scrapes[0]).toContain('ladder_http_requests_total');
    expect(scrapes[1]).toContain('ladder_queue_jobs');
    const exported = collector.bodies.join('\n');
    expect(exported).toContain('db.query.text');
    expect(exported).toContain('@opentelemetry/instrumentation-ioredis');
    for (const secret of secrets) {
      for (const scrape of scrapes) expect(scrape).not.toContain(secret);
      expect(exported).not.toContain(secret);
    }
  });
});

describe('alert rules against the live targets', () => {
  it('fires LadderNoLiveWorker once the worker is stopped, and not before', async () => {
    await waitForValue(`up{job="ladder-worker"}`, (value) => value === 1, 'the worker target');
    expect(await firingAlerts()).not.toContain('LadderNoLiveWorker');

    const exit = await worker.stop('SIGTERM', 30_000);
    expect(exit.code).toBe(0);
    const firing = await waitFor(
      async () => {
        const alerts = await firingAlerts();
        return alerts.includes('LadderNoLiveWorker') ? alerts : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 500, description: 'LadderNoLiveWorker to fire' },
    );
    expect(firing).not.toContain('LadderWebDown');
    // The web app's own view agrees: the stopped worker removed its heartbeat on the way out.
    expect(
      await waitForValue(
        `max(ladder_live_workers{job="ladder-web"})`,
        (value) => value === 0,
        'the web app to count no live worker',
      ),
    ).toBe(0);
  });
});
