import { randomBytes } from 'node:crypto';
import { createDatabase, ReportsRepository, type Database } from '@repo/db';
import { createTestDatabase, testSecretKey, waitFor } from '@repo/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { request } from './support/http.js';
import {
  runMigrations,
  started,
  startWeb,
  startWorker,
  stopAll,
  waitForReadiness,
  type Variables,
  type WebProcess,
  type WorkerProcess,
} from './support/processes.js';

let variables: Variables;
let web: WebProcess;
let worker: WorkerProcess;
let database: Database;
let reports: ReportsRepository;
const secretKeys: string[] = [];

beforeAll(async () => {
  const stack = inject('stack');
  const secretKey = testSecretKey();
  secretKeys.push(secretKey);
  variables = {
    APP_ENV: 'test',
    DATABASE_URL: await createTestDatabase(stack.postgresAdminUrl, 'stack'),
    REDIS_URL: stack.redisUrl,
    QUEUE_PREFIX: `ladder-test-${randomBytes(4).toString('hex')}`,
    SECRET_KEY: secretKey,
    SESSION_COOKIE_SECURE: 'true',
    LOG_LEVEL: 'info',
  };
  const migrated = runMigrations(variables);
  expect(migrated.code, migrated.output).toBe(0);
  database = createDatabase(variables.DATABASE_URL ?? '');
  reports = new ReportsRepository(database.db);
  worker = await startWorker('worker', variables);
  web = await startWeb('web', variables);
});

afterAll(async () => {
  await stopAll();
  await database.close();
});

async function postReport(body: unknown, to: WebProcess = web): Promise<string> {
  const response = await request(`${to.url}/api/reports`, { method: 'POST', body });
  expect(response.status, response.body).toBe(202);
  return response.json<{ id: string }>().id;
}

async function waitForReport(id: string, status: string, from: WebProcess = web) {
  return waitFor(
    async () => {
      const response = await request(`${from.url}/api/reports/${id}`);
      const report = response.json<{ status: string; result: unknown; attempts: number }>();
      return report.status === status ? report : undefined;
    },
    { timeoutMs: 30_000, intervalMs: 100, description: `report ${id} to be ${status}` },
  );
}

const eventKinds = async (id: string) => (await reports.events(id)).map((event) => event.kind);

interface WorkersReport {
  status: string;
  message?: string;
  live: number;
  workers: { id: string; fingerprintMatches: boolean }[];
}

const workersReport = async (managementUrl: string) => {
  const response = await request(`${managementUrl}/workers`);
  return { status: response.status, report: response.json<WorkersReport>() };
};

describe('web and worker on one configuration', () => {
  it('reports ready on the management port, naming exactly the checks that decide whether this pod can serve', async () => {
    const { status, body } = await waitForReadiness(
      web.managementUrl,
      (code) => code === 200,
      'readiness to turn green',
    );
    expect(status).toBe(200);
    expect(Object.keys(body.details as object).sort()).toEqual([
      'environment',
      'migrations',
      'postgres',
      'redis',
    ]);
    expect(body.details).toMatchObject({
      environment: { status: 'up', appEnv: 'test', database: 'test', redis: 'test' },
      redis: { status: 'up', maxmemoryPolicy: 'noeviction' },
    });
  });

  it('lists the live worker with a matching fingerprint on /workers', async () => {
    const { status, report } = await workersReport(web.managementUrl);
    expect(status).toBe(200);
    expect(report).toMatchObject({ status: 'ok', live: 1 });
    expect(report.workers[0]?.id).toMatch(new RegExp(`-${worker.pid}-`));
  });

  it("answers liveness and readiness on the worker's own management port", async () => {
    expect((await request(`${worker.managementUrl}/health`)).json()).toEqual({ status: 'ok' });
    const { status } = await waitForReadiness(
      worker.managementUrl,
      (code) => code === 200,
      'worker readiness to turn green',
    );
    expect(status).toBe(200);
  });

  it('serves none of the ops surface on the public port', async () => {
    for (const path of ['/', '/health', '/health/ready', '/workers'])
      expect((await request(`${web.url}${path}`)).status, path).toBe(404);
  });

  it('stays ready while no worker is live, and says so loudly on /workers and the status page', async () => {
    // Its own queue prefix: no worker beats there.
    const lonely = await startWeb('web-without-workers', {
      ...variables,
      QUEUE_PREFIX: `${variables.QUEUE_PREFIX}-lonely`,
    });
    const { status } = await waitForReadiness(
      lonely.managementUrl,
      (code) => code !== 0,
      'readiness to answer',
    );
    expect(status).toBe(200);
    expect(await workersReport(lonely.managementUrl)).toMatchObject({
      status: 503,
      report: { status: 'no_workers', live: 0 },
    });
    await lonely.process.stop();
  });

  it('runs a report through the worker: POST, process, GET the result', async () => {
    const response = await request(`${web.url}/api/reports`, {
      method: 'POST',
      body: { title: 'Weekly usage', periodDays: 7 },
    });
    expect(response.status).toBe(202);
    const { id, status } = response.json<{ id: string; status: string }>();
    expect(status).toBe('queued');
    expect(response.headers.location).toBe(`/api/reports/${id}`);
    const report = await waitForReport(id, 'completed');
    expect(report).toMatchObject({
      attempts: 1,
      result: { days: 7, total: expect.any(Number), peakDay: expect.any(Number) },
    });
  });

  it("serves both apps' metrics on their management ports only, labelled by route and queue, without secrets", async () => {
    const id = await postReport({ title: 'Metrics', periodDays: 1 });
    await waitForReport(id, 'completed');
    const webScrape = await request(`${web.managementUrl}/metrics`);
    expect(webScrape.status).toBe(200);
    expect(webScrape.headers['content-type']).toContain('text/plain');
    expect(webScrape.body).toMatch(
      /ladder_http_requests_total\{method="POST",route="\/api\/reports",status_class="2xx",app="web"\} \d+/,
    );
    expect(webScrape.body).toContain('route="/api/reports/:id"');
    expect(webScrape.body).not.toContain(id);
    for (const dependency of ['postgres', 'redis'])
      expect(webScrape.body).toContain(
        `ladder_dependency_up{dependency="${dependency}",app="web"} 1`,
      );
    // The job finishes after the worker's event fires; wait until the scrape has counted it.
    const workerScrape = await waitFor(
      async () => {
        const response = await request(`${worker.managementUrl}/metrics`);
        return /ladder_jobs_completed_total\{queue="reports",app="worker"\} [1-9]/.test(
          response.body,
        )
          ? response
          : undefined;
      },
      { timeoutMs: 10_000, intervalMs: 100, description: 'the worker to count the job' },
    );
    expect(workerScrape.body).toContain(
      'ladder_job_duration_seconds_count{app="worker",queue="reports",outcome="completed"}',
    );
    expect(workerScrape.body).toContain(
      'ladder_dependency_up{dependency="postgres",app="worker"} 1',
    );
    expect((await request(`${web.url}/metrics`)).status).toBe(404);
    const secrets = [
      variables.SECRET_KEY,
      new URL(variables.DATABASE_URL ?? '').password,
      new URL(variables.REDIS_URL ?? '').password,
    ].filter((secret): secret is string => Boolean(secret));
    expect(secrets.length).toBeGreaterThan(1);
    for (const secret of secrets) {
      expect(webScrape.body).not.toContain(secret);
      expect(workerScrape.body).not.toContain(secret);
    }
  });

  it('sets its cookie signed, httpOnly, SameSite=Lax and Secure as configured', async () => {
    const response = await request(`${web.url}/api/reports`, {
      method: 'POST',
      body: { title: 'Cookie', periodDays: 1 },
    });
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/^ladder_last_report=s%3A/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Secure');
  });

  it('refuses an invalid report request with every issue listed', async () => {
    const response = await request(`${web.url}/api/reports`, {
      method: 'POST',
      body: { title: '', periodDays: 0, extra: 1 },
    });
    expect(response.status).toBe(400);
    const paths = response.json<{ issues: { path: string }[] }>().issues.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['title', 'periodDays']));
  });

  it('shows the environment, flags, workers and recent jobs on the status page', async () => {
    const posted = await request(`${web.url}/api/reports`, {
      method: 'POST',
      body: { title: 'Shown <b>escaped</b>', periodDays: 1 },
    });
    const { id } = posted.json<{ id: string }>();
    await waitForReport(id, 'completed');
    // Cookies ignore ports: the one the public port set marks the visitor's report on the management port.
    const cookie = String(posted.headers['set-cookie']).split(';')[0] ?? '';
    const page = await request(`${web.managementUrl}/`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<code>${id}</code> <span class="muted">(yours)</span>`);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('class="banner env-test"');
    expect(page.body).toContain('Shown &lt;b&gt;escaped&lt;/b&gt;');
    expect(page.body).toContain('<span class="ok">matches</span>');
  });

  it.each([
    ['SECRET_KEY', () => ({ SECRET_KEY: testSecretKey() })],
    [
      'DATABASE_URL',
      async () => ({
        DATABASE_URL: await createTestDatabase(inject('stack').postgresAdminUrl, 'other'),
      }),
    ],
  ])(
    'names the worker that runs with a different %s on /workers and the status page, and stays ready',
    async (_name, change) => {
      const overrides: Variables = await change();
      if (overrides.SECRET_KEY !== undefined) secretKeys.push(overrides.SECRET_KEY);
      // Resolves after the first heartbeat, so /workers sees the stranger at once.
      const stranger = await startWorker('stranger', { ...variables, ...overrides });
      const { status, report } = await workersReport(web.managementUrl);
      expect(status).toBe(503);
      expect(report.status).toBe('mismatch');
      expect(report.message).toMatch(
        new RegExp(`configuration fingerprint mismatch: \\S+-${stranger.pid}-`),
      );
      expect(report.workers.filter((entry) => !entry.fingerprintMatches)).toHaveLength(1);
      const page = await request(`${web.managementUrl}/`);
      expect(page.body).toContain('MISMATCH: this worker read a different configuration');
      // One odd worker degrades the queue, never the site: this pod still serves.
      expect((await request(`${web.managementUrl}/health/ready`)).status).toBe(200);

      expect((await stranger.stop()).code).toBe(0);
      // A clean stop removes the heartbeat before the process exits: no wait for its TTL.
      expect(await workersReport(web.managementUrl)).toMatchObject({
        status: 200,
        report: { status: 'ok', live: 1 },
      });
    },
  );

  it('rate-limits report creation per client, with Retry-After', async () => {
    // Its own prefix, so the burst's counters and block do not spill into the other tests.
    const limited = await startWeb('web-rate-limit', {
      ...variables,
      QUEUE_PREFIX: `${variables.QUEUE_PREFIX}-limits`,
    });
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let attempt = 0; attempt < 21; attempt++) {
      const response = await request(`${limited.url}/api/reports`, {
        method: 'POST',
        body: { title: `Burst ${attempt}`, periodDays: 1 },
      });
      statuses.push(response.status);
      // @nestjs/throttler suffixes its headers with the limit's name.
      if (response.status === 429) retryAfter = String(response.headers['retry-after-reports']);
    }
    expect(statuses.filter((status) => status === 202).length).toBeLessThanOrEqual(20);
    expect(statuses.at(-1)).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    await limited.process.stop();
  });
});

describe('worker shutdown', () => {
  // Its own queue prefix and web app: no other worker can take these jobs, and no other test's worker is stopped.
  let shutdownVariables: Variables;
  let shutdownWeb: WebProcess;
  beforeAll(async () => {
    shutdownVariables = { ...variables, QUEUE_PREFIX: `${variables.QUEUE_PREFIX}-shutdown` };
    shutdownWeb = await startWeb('web-for-shutdown', shutdownVariables);
  });

  /** The report ids the worker said were still running when its shutdown began. */
  const runningAtShutdown = (stopped: WorkerProcess): string[] => {
    const line = stopped.lines.find((candidate) => candidate.includes('finishing running jobs'));
    expect(line, stopped.output()).toBeDefined();
    return (JSON.parse(line ?? '{}') as { running: string[] }).running;
  };

  it('finishes the running job on SIGTERM and exits 0', async () => {
    const finishing = await startWorker('finishing-worker', shutdownVariables);
    // About 5 s of work: still running when the signal arrives, well within SHUTDOWN_TIMEOUT_SECONDS (25).
    const id = await postReport({ title: 'Finish me', periodDays: 250 }, shutdownWeb);
    await waitFor(async () => (await eventKinds(id)).includes('started'), {
      description: 'the job to start',
    });
    const exit = await finishing.stop('SIGTERM');
    expect(exit).toEqual({ code: 0, signal: null });
    expect(runningAtShutdown(finishing)).toEqual([id]);
    expect(await reports.find(id)).toMatchObject({ status: 'completed', attempts: 1 });
    expect(await eventKinds(id)).toEqual(['queued', 'started', 'completed']);
  });

  it('hands a job cut off by the shutdown deadline back to the queue; a restarted worker applies it exactly once', async () => {
    const impatient = await startWorker('impatient-worker', {
      ...shutdownVariables,
      SHUTDOWN_TIMEOUT_SECONDS: '1',
    });
    const id = await postReport({ title: 'Interrupt me', periodDays: 250 }, shutdownWeb);
    await waitFor(async () => (await eventKinds(id)).includes('started'), {
      description: 'the job to start',
    });
    expect(await impatient.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    expect(runningAtShutdown(impatient)).toEqual([id]);
    expect(await reports.find(id)).toMatchObject({ status: 'queued' });

    await startWorker('restarted-worker', shutdownVariables);
    await waitForReport(id, 'completed', shutdownWeb);
    expect(await eventKinds(id)).toEqual([
      'queued',
      'started',
      'interrupted',
      'started',
      'completed',
    ]);
    expect((await reports.find(id))?.result).toMatchObject({ days: 250 });
  });
});

describe('web shutdown', () => {
  it('turns readiness to 503 on SIGTERM, keeps serving through the drain, then closes both ports and exits 0', async () => {
    // The drain (8 s) is far longer than the wait for 503 (3 s), so a slow machine cannot miss the window.
    const draining = await startWeb('web-draining', { ...variables, SHUTDOWN_DRAIN_SECONDS: '8' });
    const id = await postReport({ title: 'Before shutdown', periodDays: 1 }, draining);
    draining.process.signal('SIGTERM');
    const readiness = await waitFor(
      async () => {
        const response = await request(`${draining.managementUrl}/health/ready`);
        return response.status === 503 ? response : undefined;
      },
      { timeoutMs: 3_000, intervalMs: 50, description: 'readiness to turn 503' },
    );
    expect(readiness.json()).toMatchObject({ status: 'shutting_down' });
    // Readiness already says 503, and the public port still serves: that is the drain.
    expect((await request(`${draining.url}/api/reports/${id}`)).status).toBe(200);
    expect(await draining.process.exited).toEqual({ code: 0, signal: null });
    await expect(request(`${draining.managementUrl}/health`)).rejects.toThrow(/ECONNREFUSED/);
    await expect(request(`${draining.url}/api/reports/${id}`)).rejects.toThrow(/ECONNREFUSED/);
  });
});

describe('logs', () => {
  it('never contain a secret value, from any process', () => {
    const output = started.map((running) => running.output()).join('\n');
    expect(output).toContain('"SECRET_KEY":"****"');
    for (const secret of [...secretKeys, inject('stack').postgresPassword])
      expect(output).not.toContain(secret);
  });
});
