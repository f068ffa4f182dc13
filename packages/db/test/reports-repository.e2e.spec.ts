import { createTestDatabase } from '@repo/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDatabase, type Database } from '../src/client.js';
import { runMigrations } from '../src/migrations.js';
import { ReportsRepository } from '../src/reports-repository.js';

let database: Database;
let reports: ReportsRepository;

beforeAll(async () => {
  database = createDatabase(await createTestDatabase(inject('stack').postgresAdminUrl, 'reports'));
  await runMigrations(database, 'test');
  reports = new ReportsRepository(database.db);
});

afterAll(async () => {
  await database.close();
});

const result = { days: 7, total: 70, average: 10, peakDay: 3, peakValue: 20 };
const kinds = async (id: string) => (await reports.events(id)).map((event) => event.kind);

describe('ReportsRepository', () => {
  it('creates a queued report with its first event', async () => {
    const report = await reports.create({ title: 'Weekly', periodDays: 7 });
    expect(report).toMatchObject({
      title: 'Weekly',
      periodDays: 7,
      status: 'queued',
      attempts: 0,
      result: null,
    });
    expect(await kinds(report.id)).toEqual(['queued']);
  });

  it('completes a report exactly once, however often the job runs', async () => {
    const report = await reports.create({ title: 'Replayed', periodDays: 7 });
    expect(await reports.start(report.id)).toBe(true);
    expect(await reports.start(report.id)).toBe(true);
    expect(await reports.complete(report.id, result)).toBe(true);
    expect(await reports.complete(report.id, { ...result, total: 1 })).toBe(false);
    expect(await reports.start(report.id)).toBe(false);
    expect(await reports.find(report.id)).toMatchObject({
      status: 'completed',
      attempts: 2,
      result,
    });
    expect(await kinds(report.id)).toEqual(['queued', 'started', 'started', 'completed']);
  });

  it('applies one of two jobs completing the same report at once, and records one completion', async () => {
    const report = await reports.create({ title: 'Raced', periodDays: 3 });
    await reports.start(report.id);
    const applied = await Promise.all([
      reports.complete(report.id, result),
      reports.complete(report.id, { ...result, total: 1 }),
    ]);
    expect(applied.toSorted()).toEqual([false, true]);
    expect(await kinds(report.id)).toEqual(['queued', 'started', 'completed']);
  });

  it('keeps a failed attempt retryable until the last one', async () => {
    const report = await reports.create({ title: 'Flaky', periodDays: 7 });
    await reports.start(report.id);
    await reports.fail(report.id, 'boom', false);
    expect(await reports.find(report.id)).toMatchObject({ status: 'queued', error: 'boom' });
    await reports.start(report.id);
    await reports.fail(report.id, 'boom again', true);
    expect(await reports.find(report.id)).toMatchObject({ status: 'failed', error: 'boom again' });
  });

  it('never marks a completed report failed', async () => {
    const report = await reports.create({ title: 'Done', periodDays: 7 });
    await reports.start(report.id);
    await reports.complete(report.id, result);
    await reports.fail(report.id, 'late failure', true);
    expect(await reports.find(report.id)).toMatchObject({ status: 'completed', error: null });
  });

  it('lists the most recent reports first', async () => {
    const first = await reports.create({ title: 'Older', periodDays: 1 });
    const second = await reports.create({ title: 'Newer', periodDays: 1 });
    const recent = await reports.recent(2);
    expect(recent.map((report) => report.id)).toEqual([second.id, first.id]);
  });
});
