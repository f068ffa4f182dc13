import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { METRIC_PREFIX } from './metrics-registry.js';

/** The states the queue depth is reported for; `completed` is left out (it only grows until trimmed). */
export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;
export type QueueState = (typeof QUEUE_STATES)[number];

/** Seconds; report jobs take from milliseconds to minutes. */
export const JOB_DURATION_BUCKETS = [0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

/** What the depth gauge needs from a BullMQ `Queue` (structural, so tests and other queues fit). */
export interface CountableQueue {
  readonly name: string;
  getJobCounts(...states: QueueState[]): Promise<Record<string, number>>;
}

/** What the job metrics need from a finished BullMQ `Job`. */
export interface FinishedJob {
  readonly queueName: string;
  readonly attemptsMade: number;
  readonly processedOn?: number | undefined;
  readonly finishedOn?: number | undefined;
}

/** The events of a BullMQ `Worker` the job metrics listen to. */
export interface ObservableWorker {
  readonly name: string;
  on(event: 'completed', listener: (job: FinishedJob) => void): unknown;
  on(event: 'failed', listener: (job: FinishedJob | undefined) => void): unknown;
  on(event: 'stalled', listener: (jobId: string) => void): unknown;
}

/**
 * Queue depth by state, read from Redis at scrape time, and the outcome of every job this process ran. Labels
 * are the queue name and the outcome only: job ids and payloads are user data and never become labels.
 */
export class QueueMetrics {
  private readonly queues = new Set<CountableQueue>();
  private readonly duration: Histogram<'queue' | 'outcome'>;
  private readonly attempts: Counter<'queue'>;
  private readonly completed: Counter<'queue'>;
  private readonly failed: Counter<'queue' | 'final'>;
  private readonly stalled: Counter<'queue'>;

  constructor(registry: Registry) {
    const queues = this.queues;
    new Gauge({
      name: `${METRIC_PREFIX}queue_jobs`,
      help: 'Jobs in each queue by state (waiting, active, delayed, failed), read from Redis at scrape time.',
      labelNames: ['queue', 'state'],
      registers: [registry],
      async collect() {
        this.reset();
        const counted = await Promise.all(
          [...queues].map(async (queue) => ({
            queue: queue.name,
            counts: await queue.getJobCounts(...QUEUE_STATES),
          })),
        );
        for (const { queue, counts } of counted) {
          for (const state of QUEUE_STATES) this.set({ queue, state }, counts[state] ?? 0);
        }
      },
    });
    this.duration = new Histogram({
      name: `${METRIC_PREFIX}job_duration_seconds`,
      help: 'Processing time of one job attempt, by queue and outcome (completed or failed).',
      labelNames: ['queue', 'outcome'],
      buckets: JOB_DURATION_BUCKETS,
      registers: [registry],
    });
    this.attempts = new Counter({
      name: `${METRIC_PREFIX}job_attempts_total`,
      help: 'Job attempts that finished (completed or failed), by queue.',
      labelNames: ['queue'],
      registers: [registry],
    });
    this.completed = new Counter({
      name: `${METRIC_PREFIX}jobs_completed_total`,
      help: 'Jobs completed, by queue.',
      labelNames: ['queue'],
      registers: [registry],
    });
    this.failed = new Counter({
      name: `${METRIC_PREFIX}jobs_failed_total`,
      help: 'Failed job attempts, by queue; final="true" when no retry is left.',
      labelNames: ['queue', 'final'],
      registers: [registry],
    });
    this.stalled = new Counter({
      name: `${METRIC_PREFIX}jobs_stalled_total`,
      help: 'Jobs whose worker stopped renewing the lock and that BullMQ moved back to waiting.',
      labelNames: ['queue'],
      registers: [registry],
    });
  }

  /** Reports this queue's depth at every scrape. */
  watchQueue(queue: CountableQueue): void {
    this.queues.add(queue);
  }

  /** Counts the jobs a worker finishes. `maxAttempts` tells a final failure from one that will be retried. */
  observeWorker(worker: ObservableWorker, maxAttempts: number): void {
    worker.on('completed', (job) => {
      this.record(job, 'completed');
      this.completed.inc({ queue: job.queueName });
    });
    worker.on('failed', (job) => {
      if (job === undefined) return;
      this.record(job, 'failed');
      this.failed.inc({ queue: job.queueName, final: String(job.attemptsMade >= maxAttempts) });
    });
    worker.on('stalled', () => this.stalled.inc({ queue: worker.name }));
  }

  private record(job: FinishedJob, outcome: 'completed' | 'failed'): void {
    this.attempts.inc({ queue: job.queueName });
    if (job.processedOn === undefined) return;
    // BullMQ sets finishedOn only once a job is done for good; an attempt that will be retried ends now.
    const finishedOn = job.finishedOn ?? Date.now();
    this.duration.observe(
      { queue: job.queueName, outcome },
      Math.max(0, finishedOn - job.processedOn) / 1000,
    );
  }
}
