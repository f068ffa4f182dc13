import { randomBytes, randomUUID } from 'node:crypto';
import { createDatabase, ReportsRepository, type Database } from '@repo/db';
import { createTestDatabase, testSecretKey, waitFor } from '@repo/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { request } from './support/http.js';
import {
  runMigrations,
  startWeb,
  startWorker,
  stopAll,
  type Variables,
  type WebProcess,
} from './support/processes.js';

let variables: Variables;
let web: WebProcess;
let database: Database;
let reports: ReportsRepository;

beforeAll(async () => {
  const stack = inject('stack');
  variables = {
    APP_ENV: 'test',
    DATABASE_URL: await createTestDatabase(stack.postgresAdminUrl, 'outbox'),
    REDIS_URL: stack.redisUrl,
    QUEUE_PREFIX: `ladder-test-${randomBytes(4).toString('hex')}`,
    SECRET_KEY: testSecretKey(),
    LOG_LEVEL: 'info',
  };
  const migrated = runMigrations(variables);
  expect(migrated.code, migrated.output).toBe(0);
  database = createDatabase(variables.DATABASE_URL ?? '');
  reports = new ReportsRepository(database.db);
  await startWorker('worker', variables);
  web = await startWeb('web', variables);
});

afterAll(async () => {
  await stopAll();
  await database.close();
});

/** Reports with a title prefix, by status. */
async function statusesOf(prefix: string): Promise<Record<string, number>> {
  const result = await database.pool.query<{ status: string; count: number }>(
    'select status, count(*)::int as count from reports where title like $1 group by status',
    [`${prefix}%`],
  );
  return Object.fromEntries(result.rows.map((row) => [row.status, row.count]));
}

const post = (url: string, title: string, key?: string, client = 1) =>
  request(`${url}/api/reports`, {
    method: 'POST',
    body: { title, periodDays: 1 },
    headers: key === undefined ? {} : { 'idempotency-key': key },
    // One loopback address per client: the rate limit (20 a minute) is per client address.
    localAddress: `127.0.1.${client}`,
  });

describe('Idempotency-Key', () => {
  it('returns the original report for a retried POST with the same key, and stores one', async () => {
    const key = randomUUID();
    const first = await post(web.url, 'Idempotent', key);
    const retry = await post(web.url, 'Idempotent', key);
    expect(first.status).toBe(202);
    expect(retry.status).toBe(202);
    expect(retry.json<{ id: string }>().id).toBe(first.json<{ id: string }>().id);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const total = Object.values(await statusesOf('Idempotent')).reduce((sum, n) => sum + n, 0);
    expect(total).toBe(1);
  });

  it('refuses a key reused for a different request with 422', async () => {
    const key = randomUUID();
    expect((await post(web.url, 'Reused key A', key)).status).toBe(202);
    const other = await post(web.url, 'Reused key B', key);
    expect(other.status).toBe(422);
    expect(other.json()).toMatchObject({ requestId: other.headers['x-request-id'] });
  });
});

describe('no orphaned work', () => {
  it('runs a report whose web process died between commit and enqueue', async () => {
    // Exactly what a killed web leaves behind: the row and its outbox entry, and no job.
    const orphan = await reports.create({ title: 'Orphan by hand', periodDays: 1 });
    const completed = await waitFor(
      async () => ((await reports.find(orphan.id))?.status === 'completed' ? true : undefined),
      { timeoutMs: 40_000, intervalMs: 250, description: 'the orphan to be relayed and run' },
    );
    expect(completed).toBe(true);
    expect((await reports.events(orphan.id)).map((event) => event.kind)).toEqual([
      'queued',
      'started',
      'completed',
    ]);
  });

  it('leaves 0 orphans and 0 duplicates when the web is killed -9 during a POST burst and clients retry', async () => {
    const victim = await startWeb('web-killed', variables);
    const keys = Array.from({ length: 60 }, () => randomUUID());
    // The burst: all requests at once, and kill -9 as soon as the first answers arrive.
    const burst = keys.map((key, index) =>
      post(victim.url, `Burst ${index}`, key, index + 2).catch(() => undefined),
    );
    await Promise.race(burst);
    victim.process.signal('SIGKILL');
    const answers = await Promise.all(burst);
    expect(await victim.process.exited).toMatchObject({ signal: 'SIGKILL' });
    // Every client whose request failed retries with its key against the surviving web.
    for (const [index, answer] of answers.entries())
      if (answer?.status !== 202) {
        const retry = await post(web.url, `Burst ${index}`, keys[index], index + 2);
        expect(retry.status).toBe(202);
      }
    // Once the relay's bound has passed, every report ran exactly once and none is left queued.
    const statuses = await waitFor(
      async () => {
        const current = await statusesOf('Burst ');
        return current.completed === keys.length ? current : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 500, description: 'every burst report to complete' },
    );
    expect(statuses).toEqual({ completed: keys.length });
    // Entries of requests the victim committed and enqueued but never cleared go at the relay's next pass.
    await waitFor(async () => ((await reports.outboxSize()) === 0 ? true : undefined), {
      timeoutMs: 60_000,
      intervalMs: 500,
      description: 'the relay to clear the outbox',
    });
    const applied = await database.pool.query<{ count: number }>(
      `select count(*)::int as count from report_events e join reports r on r.id = e.report_id
       where r.title like 'Burst %' and e.kind = 'completed'`,
    );
    expect(applied.rows[0]?.count).toBe(keys.length);
  });
});
