// The worker's throughput with its storage writes on, next to the same worker with them off. Each completed
// report is written as JSON and CSV under MEDIA_ROOT (STORAGE_BACKEND=local); "off" is the same build with
// Storage.put replaced by a no-op (preloaded with --import, see NO_WRITES), so the difference is the writes
// alone (no mail: SMTP_URL is unset). Both workers run at once on one Postgres and Redis (infra/compose/compose.yaml), each on its own queue,
// and take turns: per round, JOBS one-day reports are stored, their jobs added in bulk, and the clock runs until
// the last one is completed. Reported as medians and a ratio (the machines are noisy; compare ratios).
//
//   node report-files.mjs                 5 rounds of 400 jobs
//   ROUNDS=9 JOBS=500 node report-files.mjs
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { hostVariable } from '@repo/config/host';
import {
  createTestDatabase,
  freePort,
  isolatedEnvironment,
  REPOSITORY_ROOT,
  startComposeStack,
  startProcess,
  testSecretKey,
} from '@repo/testing';
import { REPORT_JOB_OPTIONS, REPORTS_QUEUE } from '@repo/queue';
import { Queue } from 'bullmq';
import pg from 'pg';

const rounds = Number(hostVariable('ROUNDS') ?? 5);
const jobs = Number(hostVariable('JOBS') ?? 400);
const CONCURRENCY = 5;
const POLL_MS = 50;
const WORKER = join(REPOSITORY_ROOT, 'apps/worker/dist/main.js');
const LADDER_DB = join(REPOSITORY_ROOT, 'packages/db/bin/ladder-db.js');
/**
 * Preloaded into the "off" worker: Storage.put becomes a no-op. Imported by its real path, the same module instance
 * the worker's `@repo/storage` resolves to.
 */
const NO_WRITES = `data:text/javascript,${encodeURIComponent(
  `import { Storage } from ${JSON.stringify(pathToFileURL(join(REPOSITORY_ROOT, 'packages/storage/dist/storage.js')).href)};\n` +
    'Storage.prototype.put = async () => undefined;',
)}`;

function median(values) {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const stack = await startComposeStack();
const mediaRoot = mkdtempSync(join(tmpdir(), 'bench-media-'));
const subjects = [];
let pool;
try {
  const variables = {
    APP_ENV: 'development',
    DATABASE_URL: await createTestDatabase(stack.postgresUrl(), 'bench_files'),
    REDIS_URL: stack.redisUrl(),
    SECRET_KEY: testSecretKey(),
    STORAGE_BACKEND: 'local',
    MEDIA_ROOT: mediaRoot,
    WORKER_CONCURRENCY: String(CONCURRENCY),
  };
  const migrated = spawnSync(process.execPath, [LADDER_DB, 'migrate'], {
    env: isolatedEnvironment(variables),
    encoding: 'utf8',
  });
  if (migrated.status !== 0)
    throw new Error(`migrations failed:\n${migrated.stdout}${migrated.stderr}`);
  pool = new pg.Pool({ connectionString: variables.DATABASE_URL, max: 2 });

  for (const [name, preload] of [
    ['writes on', []],
    ['writes off', ['--import', NO_WRITES]],
  ]) {
    const prefix = `bench-files-${randomBytes(3).toString('hex')}`;
    const worker = startProcess(`worker (${name})`, process.execPath, [...preload, WORKER], {
      env: isolatedEnvironment({
        ...variables,
        QUEUE_PREFIX: prefix,
        WORKER_MANAGEMENT_PORT: String(await freePort()),
      }),
    });
    const queue = new Queue(REPORTS_QUEUE, {
      connection: { url: variables.REDIS_URL },
      prefix,
      defaultJobOptions: REPORT_JOB_OPTIONS,
    });
    subjects.push({ name, worker, queue });
  }
  await Promise.all(
    subjects.map((subject) => subject.worker.waitForLine(/worker started/, 60_000)),
  );

  async function round(subject, label) {
    const title = `bench ${subject.name} ${label}`;
    const { rows } = await pool.query(
      'insert into reports (title, period_days) select $1, 1 from generate_series(1, $2) returning id',
      [title, jobs],
    );
    const started = performance.now();
    await subject.queue.addBulk(
      rows.map(({ id }) => ({ name: 'generate', data: { reportId: id }, opts: { jobId: id } })),
    );
    for (;;) {
      const { rows: done } = await pool.query(
        `select count(*)::int as count from reports where title = $1 and status = 'completed'`,
        [title],
      );
      if (done[0].count >= jobs) break;
      if (!subject.worker.running)
        throw new Error(`${subject.name} exited:\n${subject.worker.output()}`);
      await sleep(POLL_MS);
    }
    return jobs / ((performance.now() - started) / 1000);
  }

  for (const subject of subjects) await round(subject, 'warm-up'); // JIT, pools, folders; not counted
  const results = Object.fromEntries(subjects.map((subject) => [subject.name, []]));
  for (let number = 0; number < rounds; number++) {
    // Alternate who goes first, so drift on a busy machine hits both alike.
    const order = number % 2 === 0 ? subjects : [...subjects].reverse();
    for (const subject of order) results[subject.name].push(await round(subject, String(number)));
  }

  const written = readdirSync(join(mediaRoot, 'development', 'reports')).length;
  const on = median(results['writes on']);
  const off = median(results['writes off']);
  console.log(
    `report files (development, local disk, ${jobs} one-day reports per round, concurrency ${CONCURRENCY}): ` +
      `${on.toFixed(1)} jobs/s with storage writes, ${off.toFixed(1)} without: ${(on / off).toFixed(3)}× ` +
      `(median of ${rounds} interleaved rounds; ${written} files written)`,
  );
  for (const [name, values] of Object.entries(results))
    console.log(`  ${name.padEnd(10)} ${values.map((value) => value.toFixed(1)).join('  ')}`);
} finally {
  await Promise.all(subjects.map((subject) => subject.queue.close()));
  await Promise.all(subjects.map((subject) => subject.worker.stop('SIGTERM', 40_000)));
  await pool?.end();
  await stack.down();
  rmSync(mediaRoot, { recursive: true, force: true });
}
