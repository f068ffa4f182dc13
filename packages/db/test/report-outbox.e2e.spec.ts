import { createTestDatabase, waitFor } from '@repo/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { createDatabase, type Database } from '../src/client.js';
import { runMigrations } from '../src/migrations.js';
import { ReportsRepository } from '../src/reports-repository.js';

let database: Database;
let reports: ReportsRepository;

beforeAll(async () => {
  database = createDatabase(await createTestDatabase(inject('stack').postgresAdminUrl, 'outbox'));
  await runMigrations(database, 'test');
  reports = new ReportsRepository(database.db);
});

beforeEach(async () => {
  await database.db.execute(sql`delete from report_outbox`);
});

afterAll(async () => {
  await database.close();
});

/** Ages every outbox entry, as if the web process that wrote them had died that long ago. */
async function ageOutbox(seconds: number): Promise<void> {
  await database.db.execute(
    sql`update report_outbox set created_at = created_at - make_interval(secs => ${seconds})`,
  );
}

describe('the report outbox', () => {
  it('records that a new report is owed its job, until the job is enqueued', async () => {
    const report = await reports.create({ title: 'Owed', periodDays: 1 });
    expect(await reports.outboxSize()).toBe(1);
    await reports.enqueued(report.id);
    expect(await reports.outboxSize()).toBe(0);
  });

  it('relays only entries older than the bound, oldest first, and clears them', async () => {
    const first = await reports.create({ title: 'Orphan 1', periodDays: 1 });
    const second = await reports.create({ title: 'Orphan 2', periodDays: 1 });
    await ageOutbox(60);
    const fresh = await reports.create({ title: 'Being enqueued', periodDays: 1 });
    const enqueued: string[] = [];
    const relayed = await reports.relayOutbox(30_000, 100, (id) => {
      enqueued.push(id);
      return Promise.resolve();
    });
    expect(enqueued).toEqual([first.id, second.id]);
    expect(relayed).toEqual([first.id, second.id]);
    expect(await reports.outboxSize()).toBe(1);
    await reports.enqueued(fresh.id);
  });

  it('keeps an entry whose enqueue failed, for the next pass', async () => {
    await reports.create({ title: 'Redis away', periodDays: 1 });
    await ageOutbox(60);
    await expect(
      reports.relayOutbox(30_000, 100, () => Promise.reject(new Error('redis down'))),
    ).rejects.toThrow('redis down');
    expect(await reports.outboxSize()).toBe(1);
  });

  it('clears, without a second job, an entry whose report already ran', async () => {
    const report = await reports.create({ title: 'Ran already', periodDays: 1 });
    await reports.start(report.id);
    await ageOutbox(60);
    const enqueued: string[] = [];
    await reports.relayOutbox(30_000, 100, (id) => {
      enqueued.push(id);
      return Promise.resolve();
    });
    expect(enqueued).toEqual([]);
    expect(await reports.outboxSize()).toBe(0);
  });

  it('lets two relays share the work without delivering an entry twice at once', async () => {
    for (let index = 0; index < 6; index++)
      await reports.create({ title: `Shared ${index}`, periodDays: 1 });
    await ageOutbox(60);
    const seen: string[] = [];
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    // The first relay holds its three rows locked while the second one runs.
    const slow = reports.relayOutbox(30_000, 3, async (id) => {
      seen.push(id);
      await held;
    });
    await waitFor(() => seen.length > 0, {
      intervalMs: 10,
      description: 'the first relay to lock its rows',
    });
    const other = await reports.relayOutbox(30_000, 100, (id) => {
      seen.push(id);
      return Promise.resolve();
    });
    release();
    await slow;
    expect(other).toHaveLength(3);
    expect(new Set(seen).size).toBe(6);
    expect(await reports.outboxSize()).toBe(0);
  });
});

describe('idempotency keys', () => {
  it('return the original report for a repeated key, and store one report', async () => {
    const first = await reports.submit({ title: 'Once', periodDays: 3 }, 'key-once');
    const again = await reports.submit({ title: 'Once', periodDays: 3 }, 'key-once');
    expect(first.created).toBe(true);
    expect(again).toEqual({ report: first.report, created: false });
    const [row] = await database.db
      .execute<{ count: number }>(
        sql`select count(*)::int as count from reports where idempotency_key = 'key-once'`,
      )
      .then((result) => result.rows);
    expect(row?.count).toBe(1);
  });

  it('store one report when the same key arrives concurrently', async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        reports.submit({ title: 'Concurrent', periodDays: 1 }, 'key-concurrent'),
      ),
    );
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(new Set(results.map((result) => result.report.id)).size).toBe(1);
  });

  it('do not collide for requests without a key', async () => {
    const first = await reports.submit({ title: 'No key', periodDays: 1 });
    const second = await reports.submit({ title: 'No key', periodDays: 1 });
    expect(first.report.id).not.toBe(second.report.id);
  });
});
