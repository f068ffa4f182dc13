import type { DefaultJobOptions } from 'bullmq';

/** The example job flow's queue. */
export const REPORTS_QUEUE = 'reports';

/** What a report job carries: only the id; the request itself lives in Postgres. */
export interface ReportJobData {
  reportId: string;
}

/**
 * Retries with exponential backoff (1 s, 2 s, 4 s, 8 s); finished jobs are kept a day (failed ones a week) so the
 * status page and debugging can still see them, then dropped so Redis stays small.
 */
export const REPORT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { age: 24 * 3600, count: 1_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};
