import { Backoffs, type MinimalJob } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { REPORT_JOB_OPTIONS } from './queues.js';

describe('REPORT_JOB_OPTIONS', () => {
  it('retries a failing report four times, 1 s, 2 s, 4 s and 8 s apart', async () => {
    expect(REPORT_JOB_OPTIONS.attempts).toBe(5);
    const backoff = Backoffs.normalize(REPORT_JOB_OPTIONS.backoff ?? 0);
    if (backoff === undefined) throw new Error('report jobs have no backoff');
    const delays: unknown[] = [];
    for (let attemptsMade = 1; attemptsMade < 5; attemptsMade++)
      delays.push(
        await Backoffs.calculate(backoff, attemptsMade, new Error('failed'), {} as MinimalJob),
      );
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it('keeps finished jobs a day and failed ones a week, so Redis stays bounded', () => {
    expect(REPORT_JOB_OPTIONS.removeOnComplete).toEqual({ age: 86_400, count: 1_000 });
    expect(REPORT_JOB_OPTIONS.removeOnFail).toEqual({ age: 604_800 });
  });
});
