import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { spansOf, startCollector, testSecretKey } from '@repo/testing';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DependencyMetrics } from '../src/metrics/dependency-metrics.js';
import { QueueMetrics } from '../src/metrics/queue-metrics.js';

const run = promisify(execFile);
const fixtures = join(import.meta.dirname, 'fixtures');
const stack = inject('stack');
const secretKey = testSecretKey();
const prefix = (): string => `ladder-telemetry-${randomBytes(3).toString('hex')}`;

describe('tracing across the queue, against real Postgres and Redis', () => {
  let result: {
    requestTraceId: string | null;
    jobTraceId: string | null;
    exported: ReturnType<typeof spansOf>;
    bodies: string[];
  };

  beforeAll(async () => {
    const collector = await startCollector();
    try {
      const argument = JSON.stringify({
        APP_ENV: 'test',
        DATABASE_URL: stack.postgresAdminUrl,
        REDIS_URL: stack.redisUrl,
        SECRET_KEY: secretKey,
        QUEUE_PREFIX: prefix(),
        TRACES_EXPORTER: 'otlp',
        TRACES_OTLP_ENDPOINT: collector.url,
      });
      const { stdout } = await run(
        process.execPath,
        [
          '--import',
          join(fixtures, 'start-tracing.mjs'),
          join(fixtures, 'queued-app.mjs'),
          argument,
        ],
        { cwd: fixtures, timeout: 150_000 },
      );
      const ids = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as {
        requestTraceId: string | null;
        jobTraceId: string | null;
      };
      result = { ...ids, exported: spansOf(collector.bodies), bodies: collector.bodies };
    } finally {
      collector.server.close();
    }
  });

  it('runs the job inside the trace of the request that enqueued it', () => {
    expect(result.requestTraceId).toMatch(/^[0-9a-f]{32}$/);
    expect(result.jobTraceId).toBe(result.requestTraceId);
    const scopes = result.exported.spans
      .filter((span) => span.traceId === result.requestTraceId)
      .map((span) => span.scope);
    expect(scopes).toEqual(
      expect.arrayContaining([
        '@opentelemetry/instrumentation-http',
        '@opentelemetry/instrumentation-pg',
        '@opentelemetry/instrumentation-ioredis',
        'ladder-queue',
      ]),
    );
  });

  it('exports no configured secret, not even the database password', () => {
    const body = result.bodies.join('\n');
    expect(body).toContain('db.query.text');
    expect(body).not.toContain(stack.postgresPassword);
    expect(body).not.toContain(secretKey);
  });
});

describe('metrics against real Postgres and Redis', () => {
  const registry = new Registry();
  const queuePrefix = prefix();
  const redis = new Redis(stack.redisUrl, { maxRetriesPerRequest: null });
  const pool = new pg.Pool({ connectionString: stack.postgresAdminUrl });
  const queue = new Queue('reports', { connection: redis, prefix: queuePrefix });
  let worker: Worker | undefined;

  afterAll(async () => {
    await worker?.close();
    await queue.close();
    await redis.quit();
    await pool.end();
  });

  it('reports both dependencies up and the pool in use', async () => {
    const dependencies = new DependencyMetrics(registry);
    dependencies.watchPostgres(pool);
    dependencies.watchRedis(redis);
    await redis.ping();
    const body = await registry.metrics();
    expect(body).toContain('ladder_dependency_up{dependency="postgres"} 1');
    expect(body).toContain('ladder_dependency_up{dependency="redis"} 1');
    expect(body).toMatch(/^ladder_db_pool_connections\{state="total"\} [1-9]/m);
  });

  it('reports Redis down for a client that cannot connect', async () => {
    const other = new Registry();
    const closed = new Redis('redis://127.0.0.1:1', { lazyConnect: true });
    new DependencyMetrics(other).watchRedis(closed);
    expect(await other.metrics()).toContain('ladder_dependency_up{dependency="redis"} 0');
    closed.disconnect();
  });

  it('counts what a BullMQ worker completes and fails, and the depth of its queue', async () => {
    const metrics = new QueueMetrics(registry);
    metrics.watchQueue(queue);
    await queue.addBulk([
      { name: 'render', data: { fail: false } },
      { name: 'render', data: { fail: false } },
      { name: 'render', data: { fail: true }, opts: { attempts: 1 } },
    ]);
    expect(await registry.metrics()).toContain(
      'ladder_queue_jobs{queue="reports",state="waiting"} 3',
    );

    const connection = redis.duplicate();
    worker = new Worker<{ fail: boolean }>(
      'reports',
      (job) => (job.data.fail ? Promise.reject(new Error('bad report')) : Promise.resolve()),
      { connection, prefix: queuePrefix },
    );
    metrics.observeWorker(worker, 1);
    let finished = 0;
    await new Promise<void>((resolve) => {
      const count = (): void => {
        finished += 1;
        if (finished === 3) resolve();
      };
      worker?.on('completed', count);
      worker?.on('failed', count);
    });

    const body = await registry.metrics();
    expect(body).toContain('ladder_jobs_completed_total{queue="reports"} 2');
    expect(body).toContain('ladder_jobs_failed_total{queue="reports",final="true"} 1');
    expect(body).toContain('ladder_job_attempts_total{queue="reports"} 3');
    expect(body).toContain('ladder_queue_jobs{queue="reports",state="waiting"} 0');
    expect(body).toContain('ladder_queue_jobs{queue="reports",state="failed"} 1');
    expect(body).toMatch(
      /^ladder_job_duration_seconds_count\{queue="reports",outcome="completed"\} 2$/m,
    );
  });
});
