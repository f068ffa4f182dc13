// GET /health of the web app in staging mode, next to a bare Express 5 app, measured in one run: requests per
// second and CPU-seconds per 10,000 requests, rounds interleaved, reported as ratios (the machines are noisy;
// compare ratios, not absolute figures). Both servers run as separate processes; CPU is read from /proc.
//
//   pnpm bench                   5 rounds of 5 s per subject
//   ROUNDS=9 SECONDS=10 pnpm bench
//   PROFILE=/tmp/prof pnpm bench   also writes the web app's CPU profile (node --cpu-prof) there
//   TELEMETRY=1 pnpm bench       a second pass: GET /api/reports/:id on the public port (metrics middleware, a
//                                Postgres query, a 404), the app with tracing on (OTLP to a stand-in collector,
//                                production's sampling) against the same app with tracing off
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { hostVariable } from '@repo/config/host';
import {
  createDatabaseNamed,
  freePort,
  isolatedEnvironment,
  REPOSITORY_ROOT,
  startComposeStack,
  startCollector,
  startProcess,
  testSecretKey,
} from '@repo/testing';

const rounds = Number(hostVariable('ROUNDS') ?? 5);
const seconds = Number(hostVariable('SECONDS') ?? 5);
const profile = hostVariable('PROFILE');
const telemetry = hostVariable('TELEMETRY') === '1';
/** TRACES_SAMPLE_RATIO's production default: the share of traces production records. */
const PRODUCTION_SAMPLE_RATIO = '0.1';
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
  const path = subject.path ?? '/health';
  const result = await autocannon({
    url: `${subject.url}${path}`,
    connections: 10,
    duration: seconds,
    headers: { host: HOST },
  });
  const cpu = cpuSeconds(subject.process.pid) - before;
  const requests = result.requests.total;
  // Every answer in the expected status class (2xx unless the subject says otherwise), and no error.
  const expected = subject.expected ?? '2xx';
  const unexpected = ['1xx', '2xx', '3xx', '4xx', '5xx']
    .filter((statusClass) => statusClass !== expected)
    .reduce((sum, statusClass) => sum + result[statusClass], 0);
  if (unexpected > 0 || result.errors > 0)
    throw new Error(
      `${subject.name}: ${unexpected} answers not ${expected}, ${result.errors} errors`,
    );
  return { perSecond: requests / seconds, cpuPer10k: (cpu / requests) * 10_000 };
}

const median = (values) => {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)];
};

/** Warm-up, then interleaved rounds; the medians of each subject's figures, and of their ratios to `baseline`. */
async function compare(subjects, baseline) {
  for (const subject of subjects) await measure(subject); // warm-up (JIT), not counted
  const results = Object.fromEntries(subjects.map((subject) => [subject.name, []]));
  for (let round = 1; round <= rounds; round++) {
    const order = round % 2 === 0 ? [...subjects].reverse() : subjects;
    for (const subject of order) results[subject.name].push(await measure(subject));
  }
  return (name, field) => ({
    ratio: median(
      results[name].map((value, index) => value[field] / results[baseline][index][field]),
    ),
    value: median(results[name].map((value) => value[field])),
    base: median(results[baseline].map((value) => value[field])),
  });
}

const stack = await startComposeStack();
// Staging refuses a loopback collector too: the stand-in listens on this machine's own address.
const ownAddress = Object.values(networkInterfaces())
  .flat()
  .find((address) => address?.family === 'IPv4' && !address.internal)?.address;
const collector = telemetry ? await startCollector(ownAddress) : undefined;
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
  // As the start script and the image run it: the tracing entry first (it loads nothing with tracing off).
  const entry = [
    '--import',
    join(REPOSITORY_ROOT, 'apps/web/dist/instrumentation.js'),
    join(REPOSITORY_ROOT, 'apps/web/dist/main.js'),
  ];
  const web = startProcess('web', process.execPath, [...profiling, ...entry], {
    env: isolatedEnvironment({
      ...variables,
      PORT: String(webPort),
      MANAGEMENT_PORT: String(managementPort),
    }),
  });
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
  const health = await compare(subjects, 'bare');
  const format = (value) => value.toFixed(2);
  const requests = health('web', 'perSecond');
  const cpu = health('web', 'cpuPer10k');
  process.stdout.write(
    `web GET /health (staging, management port): ${format(requests.ratio)}× the requests/s of a bare Express 5 app ` +
      `(${Math.round(requests.value)} vs ${Math.round(requests.base)}), ` +
      `${format(cpu.ratio)}× its CPU-seconds per 10,000 requests ` +
      `(${format(cpu.value)} vs ${format(cpu.base)}); ` +
      `median of ${rounds} interleaved rounds of ${seconds} s\n`,
  );

  if (collector !== undefined) {
    const tracedPort = await freePort();
    const traced = startProcess('web-traced', process.execPath, entry, {
      env: isolatedEnvironment({
        ...variables,
        PORT: String(tracedPort),
        MANAGEMENT_PORT: String(await freePort()),
        TRACES_EXPORTER: 'otlp',
        TRACES_OTLP_ENDPOINT: collector.url,
        TRACES_SAMPLE_RATIO: PRODUCTION_SAMPLE_RATIO,
      }),
    });
    started.push(traced);
    await traced.waitForLine(/web listening on/);
    // A report that does not exist: the route, the metrics middleware, one Postgres query and the error filter.
    const path = '/api/reports/3f0c8b7e-5d1a-4c2b-9e8f-6a7b1c2d3e4f';
    const api = await compare(
      [
        { name: 'off', process: web, url: `http://127.0.0.1:${webPort}`, path, expected: '4xx' },
        {
          name: 'on',
          process: traced,
          url: `http://127.0.0.1:${tracedPort}`,
          path,
          expected: '4xx',
        },
      ],
      'off',
    );
    const tracedRequests = api('on', 'perSecond');
    const tracedCpu = api('on', 'cpuPer10k');
    process.stdout.write(
      `web GET /api/reports/:id (staging, public port, a 404 after one query) with tracing on ` +
        `(OTLP, sampling ${PRODUCTION_SAMPLE_RATIO}, metrics on in both): ` +
        `${format(tracedRequests.ratio)}× the requests/s with tracing off ` +
        `(${Math.round(tracedRequests.value)} vs ${Math.round(tracedRequests.base)}), ` +
        `${format(tracedCpu.ratio)}× its CPU-seconds per 10,000 requests ` +
        `(${format(tracedCpu.value)} vs ${format(tracedCpu.base)}); ` +
        `median of ${rounds} interleaved rounds of ${seconds} s\n`,
    );
  }
} finally {
  // The drain (5 s in staging) comes first; the profile is written at exit.
  await Promise.all(started.map((running) => running.stop('SIGTERM', 30_000)));
  collector?.server.close();
  await stack.down();
}
