// The baseline for worker-boot.mjs and worker-jobs.mjs: a bare BullMQ worker on the reports queue under the
// prefix given as the first argument, doing what the app's worker does per job with plain pg and the same SQL
// (read the report, mark it started, the same simulated work and progress update, write the report's JSON and CSV
// files side by side, store the result with its event; each statement prepared, and the two writes are
// packages/db's own statements, from a module of its that imports nothing), and one pino line per job at info. Its settings (queue prefix, Redis and database URLs, concurrency,
// media folder) come from the JSON file named by the first argument, which the bench writes (a baseline loads no
// config package, and a password never goes on a command line).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { COMPLETE_REPORT, START_REPORT } from '@repo/db/statements';
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { pino } from 'pino';

const { prefix, redisUrl, databaseUrl, concurrency, mediaRoot } = JSON.parse(
  readFileSync(process.argv[2], 'utf8'),
);
/** The app's REPORT_DAY_MS: the simulated work of one day of a report's period. */
const DAY_MS = 20;

const logger = pino({ base: { app: 'bare-worker' } });
const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });

async function generate(report, job) {
  let total = 0;
  let peakDay = 1;
  let peakValue = -1;
  for (let day = 1; day <= report.period_days; day++) {
    await sleep(DAY_MS);
    const value =
      createHash('sha256').update(`${report.title}:${day}`).digest().readUInt32BE(0) % 1000;
    total += value;
    if (value > peakValue) [peakValue, peakDay] = [value, day];
    if (day % 10 === 0 || day === report.period_days)
      await job.updateProgress(Math.round((day / report.period_days) * 100));
  }
  const days = report.period_days;
  return { days, total, average: Math.round((total / days) * 100) / 100, peakDay, peakValue };
}

/** The two files the product writes per report, with plain fs: what a worker without a storage layer would do. */
async function writeFiles(report, result) {
  const row = { id: report.id, title: report.title, periodDays: report.period_days, ...result };
  const folder = join(mediaRoot, 'reports');
  const write = async (name, contents) => {
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, name), contents);
  };
  await Promise.all([
    write(`${report.id}.json`, `${JSON.stringify(row, null, 2)}\n`),
    write(
      `${report.id}.csv`,
      `${Object.keys(row).join(',')}\r\n${Object.values(row)
        .map((value) => JSON.stringify(value))
        .join(',')}\r\n`,
    ),
  ]);
}

async function processReport(job) {
  const { reportId } = job.data;
  const { rows } = await pool.query({
    name: 'reports_find_by_id',
    text: 'select * from reports where id = $1',
    values: [reportId],
  });
  const report = rows[0];
  if (report === undefined) throw new Error(`report ${reportId} not found`);
  const started = (await pool.query({ ...START_REPORT, values: [reportId] })).rowCount === 1;
  if (!started) return { skipped: 'already completed' };
  const result = await generate(report, job);
  await writeFiles(report, result);
  const applied =
    (await pool.query({ ...COMPLETE_REPORT, values: [reportId, result] })).rowCount === 1;
  logger.info({ reportId, applied }, 'report completed');
  return result;
}

await pool.query('select 1');
const worker = new Worker('reports', processReport, {
  connection,
  prefix,
  concurrency,
});
await worker.waitUntilReady();
process.stdout.write('bare worker ready\n');

process.on('SIGTERM', async () => {
  await worker.close();
  await Promise.all([connection.quit(), pool.end()]);
  process.exit(0);
});
