import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ReportResult } from '@repo/db';

export interface GenerateOptions {
  /** Stands in for the real work of one day (a query, an aggregation). */
  dayMs: number;
  /** Aborted when the worker must stop; the generator stops between days. */
  signal: AbortSignal;
  onProgress?: (percent: number) => Promise<void> | void;
}

/** A stable, made-up daily figure from 0 to 999: the same title and day always give the same value. */
export function dailyValue(title: string, day: number): number {
  return createHash('sha256').update(`${title}:${day}`).digest().readUInt32BE(0) % 1000;
}

/**
 * The example job's work: one step per day of the period, progress reported as it goes. Deterministic, so a
 * retried job produces the same result it would have the first time.
 */
export async function generateReport(
  request: { title: string; periodDays: number },
  options: GenerateOptions,
): Promise<ReportResult> {
  let total = 0;
  let peakDay = 1;
  let peakValue = -1;
  for (let day = 1; day <= request.periodDays; day++) {
    options.signal.throwIfAborted();
    if (options.dayMs > 0) await sleep(options.dayMs, undefined, { signal: options.signal });
    const value = dailyValue(request.title, day);
    total += value;
    if (value > peakValue) {
      peakValue = value;
      peakDay = day;
    }
    if (day % 10 === 0 || day === request.periodDays)
      await options.onProgress?.(Math.round((day / request.periodDays) * 100));
  }
  return {
    days: request.periodDays,
    total,
    average: Math.round((total / request.periodDays) * 100) / 100,
    peakDay,
    peakValue,
  };
}
