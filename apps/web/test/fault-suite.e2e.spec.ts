import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { createDatabase, type Database } from '@repo/db';
import {
  createTestDatabase,
  freePort,
  startComposeStack,
  testSecretKey,
  waitFor,
  type ComposeStack,
  type RunningProcess,
} from '@repo/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, type HttpResponse } from './support/http.js';
import {
  runMigrations,
  startWeb,
  startWorker,
  stopAll,
  type Variables,
  type WebProcess,
} from './support/processes.js';

const run = promisify(execFile);

/** Enough jobs that every fault lands mid-run: 300 reports of 0.6 s each on two workers of concurrency 4. */
const REPORTS = 300;
const PERIOD_DAYS = 30;

let stack: ComposeStack;
let variables: Variables;
let web: WebProcess;
let database: Database;
const workers: RunningProcess[] = [];

/**
 * Its own compose stack, because this file restarts Postgres and Redis; host ports are pinned so the apps find
 * the services again after a restart.
 */
beforeAll(async () => {
  stack = await startComposeStack('compose.yaml', {
    POSTGRES_HOST_PORT: String(await freePort()),
    REDIS_HOST_PORT: String(await freePort()),
  });
  variables = {
    APP_ENV: 'test',
    DATABASE_URL: await createTestDatabase(stack.postgresUrl(), 'faults'),
    REDIS_URL: stack.redisUrl(),
    QUEUE_PREFIX: `ladder-test-${randomBytes(4).toString('hex')}`,
    SECRET_KEY: testSecretKey(),
    WORKER_CONCURRENCY: '4',
    LOG_LEVEL: 'info',
  };
  const migrated = runMigrations(variables);
  expect(migrated.code, migrated.output).toBe(0);
  database = createDatabase(variables.DATABASE_URL ?? '');
  web = await startWeb('web', variables);
  for (const name of ['worker-a', 'worker-b']) workers.push(await startWorker(name, variables));
}, 180_000);

afterAll(async () => {
  await stopAll();
  await database?.close();
  await stack?.down();
});

async function restart(service: 'postgres' | 'redis'): Promise<void> {
  await run('docker', ['restart', '--time', '5', `${stack.projectName}-${service}-1`]);
  // Healthy again (the compose health checks), so the next step does not race the start-up.
  await waitFor(
    async () => {
      const { stdout } = await run('docker', [
        'inspect',
        '--format',
        '{{.State.Health.Status}}',
        `${stack.projectName}-${service}-1`,
      ]);
      return stdout.trim() === 'healthy' ? true : undefined;
    },
    { timeoutMs: 60_000, intervalMs: 250, description: `${service} to be healthy again` },
  );
}

/** Replaces the oldest worker: killed with `signal`, then a new one started. */
async function replaceWorker(signal: NodeJS.Signals, name: string): Promise<void> {
  const victim = workers.shift();
  await victim?.stop(signal);
  workers.push(await startWorker(name, variables));
}

async function completedCount(): Promise<number> {
  const result = await database.pool.query<{ count: number }>(
    `select count(*)::int as count from reports where status = 'completed'`,
  );
  return result.rows[0]?.count ?? 0;
}

describe('the fault suite', () => {
  it('loses no job and applies none twice through worker kills, SIGTERMs, and Redis and Postgres restarts', async () => {
    // Batches of 25 (each pool holds 10 connections), each client its own loopback address: the rate limit is
    // per client.
    const posted: HttpResponse[] = [];
    for (let start = 0; start < REPORTS; start += 25)
      posted.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(25, REPORTS - start) }, (_, offset) =>
            request(`${web.url}/api/reports`, {
              method: 'POST',
              body: { title: `Fault ${start + offset}`, periodDays: PERIOD_DAYS },
              localAddress: `127.0.2.${1 + ((start + offset) % 30)}`,
            }),
          ),
        )),
      );
    expect(posted.filter((response) => response.status !== 202)).toEqual([]);

    const progress = async (atLeast: number) =>
      waitFor(async () => ((await completedCount()) >= atLeast ? true : undefined), {
        timeoutMs: 120_000,
        intervalMs: 200,
        description: `${atLeast} reports to complete`,
      });

    await progress(10);
    await replaceWorker('SIGKILL', 'worker-c');
    await progress(40);
    await replaceWorker('SIGTERM', 'worker-d');
    await progress(70);
    await restart('redis');
    await progress(100);
    await replaceWorker('SIGKILL', 'worker-e');
    await progress(130);
    await restart('postgres');
    await progress(160);
    await replaceWorker('SIGTERM', 'worker-f');
    await replaceWorker('SIGKILL', 'worker-g');

    await progress(REPORTS);
    const statuses = await database.pool.query<{ status: string; count: number }>(
      `select status, count(*)::int as count from reports group by status`,
    );
    expect(statuses.rows).toEqual([{ status: 'completed', count: REPORTS }]);
    const applied = await database.pool.query<{ report_id: string; count: number }>(
      `select report_id, count(*)::int as count from report_events where kind = 'completed'
         group by report_id having count(*) <> 1`,
    );
    expect(applied.rows).toEqual([]);
    const results = await database.pool.query<{ count: number }>(
      `select count(*)::int as count from reports where (result->>'days')::int = ${PERIOD_DAYS}`,
    );
    expect(results.rows[0]?.count).toBe(REPORTS);
  }, 300_000);
});
