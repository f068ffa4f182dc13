// GET /health of the web app in staging mode, next to a bare Express 5 app, measured in one run: requests per
// second and CPU-seconds per 10,000 requests, rounds interleaved, reported as ratios (the machines are noisy;
// compare ratios, not absolute figures). Both servers run as separate processes; CPU is read from /proc.
//
//   pnpm bench                   5 rounds of 5 s per subject
//   ROUNDS=9 SECONDS=10 pnpm bench
//   PROFILE=/tmp/prof pnpm bench   also writes the web app's CPU profile (node --cpu-prof) there
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { hostVariable } from '@repo/config/host';
import {
  createDatabaseNamed,
  freePort,
  isolatedEnvironment,
  REPOSITORY_ROOT,
  startComposeStack,
  startProcess,
  testSecretKey,
} from '@repo/testing';

const rounds = Number(hostVariable('ROUNDS') ?? 5);
const seconds = Number(hostVariable('SECONDS') ?? 5);
const profile = hostVariable('PROFILE');
const HOST = 'staging.example.com';
const CLOCK_TICKS = 100;

/** user + system CPU seconds of a process so far (Linux). */
function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

const bridgeIp = (container) =>
  execFileSync(
    'docker',
    ['inspect', '-f', '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}', container],
    { encoding: 'utf8' },
  ).trim();

async function measure(subject) {
  const before = cpuSeconds(subject.process.pid);
  const result = await autocannon({
    url: `${subject.url}/health`,
    connections: 10,
    duration: seconds,
    headers: { host: HOST },
  });
  const cpu = cpuSeconds(subject.process.pid) - before;
  const requests = result.requests.total;
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${subject.name}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { perSecond: requests / seconds, cpuPer10k: (cpu / requests) * 10_000 };
}

const median = (values) => {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)];
};

const stack = await startComposeStack();
const started = [];
try {
  // Staging refuses loopback hosts: the web app reaches the services by their container addresses.
  const postgres = bridgeIp(`${stack.projectName}-postgres-1`);
  const redis = bridgeIp(`${stack.projectName}-redis-1`);
  const name = `bench_${randomBytes(3).toString('hex')}_staging`;
  await createDatabaseNamed(stack.postgresUrl(), name);
  const variables = {
    APP_ENV: 'staging',
    DATABASE_URL: `postgres://ladder:${stack.postgresPassword}@${postgres}:5432/${name}`,
    REDIS_URL: `redis://${redis}:6379/0`,
    QUEUE_PREFIX: `ladder-staging-${randomBytes(3).toString('hex')}`,
    SECRET_KEY: testSecretKey(),
    PUBLIC_URL: `https://${HOST}`,
    ALLOWED_HOSTS: HOST,
    CORS_ALLOWED_ORIGINS: `https://${HOST}`,
  };
  const migrated = spawnSync(
    process.execPath,
    [join(REPOSITORY_ROOT, 'packages/db/bin/ladder-db.js'), 'migrate'],
    { env: isolatedEnvironment(variables), encoding: 'utf8' },
  );
  if (migrated.status !== 0)
    throw new Error(`migrate failed:\n${migrated.stdout}${migrated.stderr}`);

  const webPort = await freePort();
  // GET /health lives on the management server since the ops surface left the public port.
  const managementPort = await freePort();
  const profiling = profile === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${profile}`];
  const web = startProcess(
    'web',
    process.execPath,
    [...profiling, join(REPOSITORY_ROOT, 'apps/web/dist/main.js')],
    {
      env: isolatedEnvironment({
        ...variables,
        PORT: String(webPort),
        MANAGEMENT_PORT: String(managementPort),
      }),
    },
  );
  const barePort = await freePort();
  const bare = startProcess(
    'bare',
    process.execPath,
    [join(REPOSITORY_ROOT, 'bench/bare-express.mjs'), String(barePort)],
    { env: isolatedEnvironment({}) },
  );
  started.push(web, bare);
  await web.waitForLine(/web listening on/);
  await bare.waitForLine(/bare express listening/);
  const subjects = [
    { name: 'bare', process: bare, url: `http://127.0.0.1:${barePort}` },
    { name: 'web', process: web, url: `http://127.0.0.1:${managementPort}` },
  ];
  for (const subject of subjects) await measure({ ...subject }); // warm-up (JIT), not counted
  const results = { bare: [], web: [] };
  for (let round = 1; round <= rounds; round++) {
    const order = round % 2 === 0 ? [...subjects].reverse() : subjects;
    for (const subject of order) results[subject.name].push(await measure(subject));
  }
  const ratio = (field) =>
    median(results.web.map((web, index) => web[field] / results.bare[index][field]));
  const format = (value) => value.toFixed(2);
  process.stdout.write(
    `web GET /health (staging, management port): ${format(ratio('perSecond'))}× the requests/s of a bare Express 5 app ` +
      `(${Math.round(median(results.web.map((r) => r.perSecond)))} vs ${Math.round(median(results.bare.map((r) => r.perSecond)))}), ` +
      `${format(ratio('cpuPer10k'))}× its CPU-seconds per 10,000 requests ` +
      `(${format(median(results.web.map((r) => r.cpuPer10k)))} vs ${format(median(results.bare.map((r) => r.cpuPer10k)))}); ` +
      `median of ${rounds} interleaved rounds of ${seconds} s\n`,
  );
} finally {
  // The drain (5 s in staging) comes first; the profile is written at exit.
  await Promise.all(started.map((running) => running.stop('SIGTERM', 30_000)));
  await stack.down();
}
