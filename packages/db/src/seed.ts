import { count } from 'drizzle-orm';
import type { Db } from './client.js';
import { ReportsRepository } from './reports-repository.js';
import { reports } from './schema/index.js';

const SAMPLE_REPORTS = [
  {
    title: 'Weekly active users',
    periodDays: 7,
    result: { days: 7, total: 3_412, average: 487.43, peakDay: 5, peakValue: 611 },
    failure: undefined,
  },
  {
    title: 'Monthly revenue',
    periodDays: 30,
    result: { days: 30, total: 14_988, average: 499.6, peakDay: 22, peakValue: 987 },
    failure: undefined,
  },
  // A failed one, so the status page shows every finished state. The seed writes no queued report: with no job
  // behind it, it would sit `queued` forever and look like a stuck queue.
  {
    title: 'Quarterly churn',
    periodDays: 90,
    result: undefined,
    failure: 'sample failure: the billing export was not available',
  },
];

/**
 * Fake data for development only (the CLI refuses other environments). Does nothing when data exists, so it is
 * safe to run on every `pnpm dev`. Returns how many reports it created.
 */
export async function seedDevelopmentData(db: Db): Promise<number> {
  const [existing] = await db.select({ total: count() }).from(reports);
  if ((existing?.total ?? 0) > 0) return 0;
  const repository = new ReportsRepository(db);
  for (const sample of SAMPLE_REPORTS) {
    const report = await repository.create({ title: sample.title, periodDays: sample.periodDays });
    await repository.start(report.id);
    if (sample.result) await repository.complete(report.id, sample.result);
    else await repository.fail(report.id, sample.failure ?? 'sample failure', true);
  }
  return SAMPLE_REPORTS.length;
}
