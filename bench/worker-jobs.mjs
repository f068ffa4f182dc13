// The worker in staging mode next to a bare BullMQ worker doing the same SQL (baselines/bare-worker.mjs), each on
// its own queue: per round, JOBS one-day reports are stored, their jobs added in bulk, and the clock and the
// process's CPU run until the last report is completed. Both write each report's JSON and CSV files (each under
// a temporary folder of its own, removed afterwards), log one line per job at info and run 5 jobs at a time.
// Targets: ≥ 0.95× the jobs/s, ≤ 1.2× the CPU per job.
//
//   node worker-jobs.mjs          on a stack of its own; `pnpm bench` runs it with the other comparisons
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createRedis, REPORT_JOB_OPTIONS, REPORTS_QUEUE } from '@repo/queue';
import { freePort, isolatedEnvironment } from '@repo/testing';
import { Queue } from 'bullmq';
import { cpuSeconds } from './support/cpu.mjs';
import { JOBS, ROUNDS } from './support/options.mjs';
import { interleave, median, medianRatio, times, verdict } from './support/report.mjs';
import { runAlone } from './support/stack.mjs';
import { BASELINES, ENTRIES, settingsFile, startSubject } from './support/subjects.mjs';

const CONCURRENCY = 5;
const POLL_MS = 50;

async function completedCount(stack, title) {
  const { rows } = await stack.database.pool.query(
    `select count(*)::int as count from reports where title = $1 and status = 'completed'`,
    [title],
  );
  return rows[0].count;
}

async function round(stack, subject, number) {
  const title = `bench ${subject.name} ${number}`;
  const { rows } = await stack.database.pool.query(
    'insert into reports (title, period_days) select $1, 1 from generate_series(1, $2) returning id',
    [title, JOBS],
  );
  const jobs = rows.map(({ id }) => ({
    name: 'generate',
    data: { reportId: id },
    opts: { jobId: id },
  }));
  const cpuBefore = cpuSeconds(subject.process.pid);
  const started = performance.now();
  await subject.queue.addBulk(jobs);
  while ((await completedCount(stack, title)) < JOBS) {
    if (!subject.process.running)
      throw new Error(`${subject.name} exited:\n${subject.process.output()}`);
    await sleep(POLL_MS);
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuSeconds(subject.process.pid) - cpuBefore;
  return { perSecond: JOBS / seconds, cpuPerJob: cpu / JOBS };
}

export async function workerJobs(stack) {
  const prefixes = { worker: 'bench-worker-jobs', bare: 'bench-worker-jobs-bare' };
  const media = mkdtempSync(join(tmpdir(), 'bench-media-'));
  const settings = settingsFile({
    prefix: prefixes.bare,
    redisUrl: stack.redisUrl,
    databaseUrl: stack.databaseUrl,
    concurrency: CONCURRENCY,
    mediaRoot: join(media, 'bare'),
  });
  const worker = startSubject('worker-jobs', ENTRIES.worker.bundled, {
    imports: [ENTRIES.worker.instrumentation],
    compileCache: true,
    env: stack.environment({
      QUEUE_PREFIX: prefixes.worker,
      WORKER_CONCURRENCY: String(CONCURRENCY),
      WORKER_MANAGEMENT_PORT: String(await freePort()),
      MEDIA_ROOT: join(media, 'worker'),
    }),
    profile: true,
  });
  const bare = startSubject('bare-worker', BASELINES.worker, {
    args: [settings.file],
    env: isolatedEnvironment({}),
    profile: true,
  });
  const redis = createRedis(stack.redisUrl, 'bench');
  const queue = (prefix) =>
    new Queue(REPORTS_QUEUE, { connection: redis, prefix, defaultJobOptions: REPORT_JOB_OPTIONS });
  const subjects = [
    { name: 'bare', process: bare, queue: queue(prefixes.bare) },
    { name: 'worker', process: worker, queue: queue(prefixes.worker) },
  ];
  try {
    await worker.waitForLine(/worker started/);
    await bare.waitForLine(/bare worker ready/);
    for (const subject of subjects) await round(stack, subject, 'warm-up'); // JIT, pools; not counted
    let number = 0;
    const results = await interleave(ROUNDS, subjects, (subject) =>
      round(stack, subject, number++),
    );
    const jobs = medianRatio(results.worker, results.bare, 'perSecond');
    const cpu = medianRatio(results.worker, results.bare, 'cpuPerJob');
    const perSecond = (name) => Math.round(median(results[name].map((result) => result.perSecond)));
    const cpuMs = (name) =>
      (median(results[name].map((result) => result.cpuPerJob)) * 1000).toFixed(2);
    return (
      `worker jobs (staging, ${JOBS} per round, concurrency ${CONCURRENCY}): ${times(jobs)} the jobs/s of a bare ` +
      `BullMQ worker doing the same SQL and file writes (${perSecond('worker')} vs ${perSecond('bare')}; ${verdict(jobs, '>=', 0.95)}), ` +
      `${times(cpu)} its CPU per job (${cpuMs('worker')} vs ${cpuMs('bare')} ms; ${verdict(cpu, '<=', 1.2)}); ` +
      `median of ${ROUNDS} interleaved rounds`
    );
  } finally {
    await Promise.all(subjects.map((subject) => subject.queue.close()));
    await redis.quit();
    await Promise.all([worker.stop('SIGTERM', 40_000), bare.stop('SIGTERM', 40_000)]);
    settings.remove();
    rmSync(media, { recursive: true, force: true });
  }
}

if (import.meta.main) await runAlone(workerJobs);
