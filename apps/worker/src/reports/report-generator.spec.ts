import { describe, expect, it } from 'vitest';
import { dailyValue, generateReport } from './report-generator.js';

const noWait = { dayMs: 0, signal: new AbortController().signal };

describe('generateReport', () => {
  it('sums a deterministic value per day and finds the peak', async () => {
    const values = [1, 2, 3].map((day) => dailyValue('Weekly', day));
    const result = await generateReport({ title: 'Weekly', periodDays: 3 }, noWait);
    expect(result.total).toBe(values[0]! + values[1]! + values[2]!);
    expect(result.peakValue).toBe(Math.max(...values));
    expect(result.peakDay).toBe(values.indexOf(Math.max(...values)) + 1);
    expect(result.days).toBe(3);
  });

  it('gives the same result every time, so a retry changes nothing', async () => {
    const request = { title: 'Monthly revenue', periodDays: 30 };
    expect(await generateReport(request, noWait)).toEqual(await generateReport(request, noWait));
  });

  it('reports progress up to 100 percent', async () => {
    const progress: number[] = [];
    await generateReport(
      { title: 'Q', periodDays: 25 },
      { ...noWait, onProgress: (percent) => void progress.push(percent) },
    );
    expect(progress).toEqual([40, 80, 100]);
  });

  it('stops between days once aborted', async () => {
    const controller = new AbortController();
    const running = generateReport(
      { title: 'Long', periodDays: 1000 },
      { dayMs: 5, signal: controller.signal },
    );
    setTimeout(() => controller.abort(new Error('shutting down')), 30);
    await expect(running).rejects.toMatchObject({
      name: 'AbortError',
      cause: new Error('shutting down'),
    });
  });
});
