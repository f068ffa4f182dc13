import { EventEmitter } from 'node:events';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { QueueMetrics, type ObservableWorker } from './queue-metrics.js';

function worker(): EventEmitter & ObservableWorker {
  return Object.assign(new EventEmitter(), { name: 'reports' });
}

describe('QueueMetrics', () => {
  it('reads the depth of every watched queue by state at scrape time', async () => {
    const registry = new Registry();
    const metrics = new QueueMetrics(registry);
    let waiting = 3;
    metrics.watchQueue({
      name: 'reports',
      getJobCounts: (...states) =>
        Promise.resolve(
          Object.fromEntries(states.map((state) => [state, state === 'waiting' ? waiting : 1])),
        ),
    });
    expect(await registry.metrics()).toContain(
      'ladder_queue_jobs{queue="reports",state="waiting"} 3',
    );
    waiting = 7;
    const body = await registry.metrics();
    expect(body).toContain('ladder_queue_jobs{queue="reports",state="waiting"} 7');
    expect(body).toContain('ladder_queue_jobs{queue="reports",state="delayed"} 1');
    expect(body).not.toContain('state="completed"');
  });

  it('counts completions, attempts, retried and final failures, stalls and durations', async () => {
    const registry = new Registry();
    const events = worker();
    new QueueMetrics(registry).observeWorker(events, 3);
    events.emit('completed', {
      queueName: 'reports',
      attemptsMade: 1,
      processedOn: 1_000,
      finishedOn: 1_250,
    });
    events.emit('failed', { queueName: 'reports', attemptsMade: 1, processedOn: 2_000 });
    events.emit('failed', {
      queueName: 'reports',
      attemptsMade: 3,
      processedOn: 3_000,
      finishedOn: 3_100,
    });
    events.emit('failed', undefined);
    events.emit('stalled', 'job-1');

    const body = await registry.metrics();
    expect(body).toContain('ladder_jobs_completed_total{queue="reports"} 1');
    expect(body).toContain('ladder_job_attempts_total{queue="reports"} 3');
    expect(body).toContain('ladder_jobs_failed_total{queue="reports",final="false"} 1');
    expect(body).toContain('ladder_jobs_failed_total{queue="reports",final="true"} 1');
    expect(body).toContain('ladder_jobs_stalled_total{queue="reports"} 1');
    expect(body).toContain(
      'ladder_job_duration_seconds_bucket{le="0.5",queue="reports",outcome="completed"} 1',
    );
    expect(body).toContain(
      'ladder_job_duration_seconds_sum{queue="reports",outcome="completed"} 0.25',
    );
    expect(body).not.toContain('job-1');
  });
});
