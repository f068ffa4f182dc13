// GET /health of the web app in staging mode (on its management port, as the orchestrator probes it) next to a
// bare Express 5 app: requests per second and CPU-seconds per 10,000 requests, rounds interleaved, as ratios.
// Both servers are separate processes; CPU is read from /proc. Targets: ≥ 0.85× the requests/s, ≤ 1.3× the CPU.
//
// TELEMETRY=1 adds a second line: GET /api/reports/:id on the public port (the metrics middleware, one Postgres
// query, a 404) with tracing on (OTLP to a stand-in collector, production's sampling) against tracing off.
//
//   node web-health.mjs          on a stack of its own; `pnpm bench` runs it with the other comparisons
import { networkInterfaces } from 'node:os';
import autocannon from 'autocannon';
import { freePort, isolatedEnvironment, startCollector } from '@repo/testing';
import { cpuSeconds } from './support/cpu.mjs';
import { ROUNDS, SECONDS, TELEMETRY } from './support/options.mjs';
import { interleave, median, medianRatio, times, verdict } from './support/report.mjs';
import { HOST, runAlone } from './support/stack.mjs';
import { BASELINES, ENTRIES, startSubject } from './support/subjects.mjs';

/** TRACES_SAMPLE_RATIO's production default: the share of traces production records. */
const PRODUCTION_SAMPLE_RATIO = '0.1';

async function load(subject) {
  const before = cpuSeconds(subject.process.pid);
  const result = await autocannon({
    url: subject.url,
    connections: 10,
    duration: SECONDS,
    headers: subject.headers,
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
  return { perSecond: requests / SECONDS, cpuPer10k: (cpu / requests) * 10_000 };
}

/**
 * The cost of tracing on an API read: the web app with TRACES_EXPORTER=otlp at production's sampling against
 * the same build with tracing off, both started through the instrumentation entry as the image starts them.
 */
async function webTracing(stack) {
  // Staging refuses a loopback collector: the stand-in listens on this machine's own address.
  const ownAddress = Object.values(networkInterfaces())
    .flat()
    .find((address) => address?.family === 'IPv4' && !address.internal)?.address;
  const collector = await startCollector(ownAddress);
  const start = async (name, extra) => {
    const port = await freePort();
    const subject = startSubject(name, ENTRIES.web.bundled, {
      imports: [ENTRIES.web.instrumentation],
      env: stack.environment({
        QUEUE_PREFIX: `bench-${name}`,
        PORT: String(port),
        MANAGEMENT_PORT: String(await freePort()),
        ...extra,
      }),
      profile: true,
    });
    await subject.waitForLine(/web listening on/);
    // A report that does not exist: the route, the metrics middleware, one Postgres query and the error filter.
    const url = `http://127.0.0.1:${port}/api/reports/3f0c8b7e-5d1a-4c2b-9e8f-6a7b1c2d3e4f`;
    return { name, process: subject, url, headers: { host: HOST }, expected: '4xx' };
  };
  const subjects = [];
  try {
    subjects.push(await start('tracing-off', { TRACES_EXPORTER: 'none' }));
    subjects.push(
      await start('tracing-on', {
        TRACES_EXPORTER: 'otlp',
        TRACES_OTLP_ENDPOINT: collector.url,
        TRACES_SAMPLE_RATIO: PRODUCTION_SAMPLE_RATIO,
      }),
    );
    for (const subject of subjects) await load(subject); // warm-up (JIT), not counted
    const results = await interleave(ROUNDS, subjects, load);
    const requests = medianRatio(results['tracing-on'], results['tracing-off'], 'perSecond');
    const cpu = medianRatio(results['tracing-on'], results['tracing-off'], 'cpuPer10k');
    const perSecond = (name) => Math.round(median(results[name].map((round) => round.perSecond)));
    return (
      `web GET /api/reports/:id (staging, a 404 after one query) with tracing on (OTLP, sampling ` +
      `${PRODUCTION_SAMPLE_RATIO}; metrics on in both): ${times(requests)} the requests/s with tracing off ` +
      `(${perSecond('tracing-on')} vs ${perSecond('tracing-off')}), ${times(cpu)} its CPU-seconds per ` +
      `10,000 requests; median of ${ROUNDS} interleaved rounds of ${SECONDS} s`
    );
  } finally {
    await Promise.all(subjects.map((subject) => subject.process.stop('SIGTERM', 30_000)));
    collector.server.close();
  }
}

export async function webHealth(stack) {
  const [webPort, managementPort, barePort] = [
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  const web = startSubject('web-health', ENTRIES.web.bundled, {
    env: stack.environment({
      QUEUE_PREFIX: 'bench-web-health',
      PORT: String(webPort),
      MANAGEMENT_PORT: String(managementPort),
    }),
    profile: true,
  });
  const bare = startSubject('bare-express', BASELINES.express, {
    args: [String(barePort)],
    env: isolatedEnvironment({}),
    profile: true,
  });
  try {
    await web.waitForLine(/web listening on/);
    await bare.waitForLine(/bare express listening/);
    const subjects = [
      { name: 'bare', process: bare, url: `http://127.0.0.1:${barePort}/health` },
      { name: 'web', process: web, url: `http://127.0.0.1:${managementPort}/health` },
    ];
    for (const subject of subjects) await load(subject); // warm-up (JIT), not counted
    const results = await interleave(ROUNDS, subjects, load);
    const requests = medianRatio(results.web, results.bare, 'perSecond');
    const cpu = medianRatio(results.web, results.bare, 'cpuPer10k');
    const perSecond = (name) => Math.round(median(results[name].map((round) => round.perSecond)));
    const line =
      `web GET /health (staging): ${times(requests)} the requests/s of a bare Express 5 app ` +
      `(${perSecond('web')} vs ${perSecond('bare')}; ${verdict(requests, '>=', 0.85)}), ` +
      `${times(cpu)} its CPU-seconds per 10,000 requests (${verdict(cpu, '<=', 1.3)}); ` +
      `median of ${ROUNDS} interleaved rounds of ${SECONDS} s`;
    return TELEMETRY ? `${line}\n${await webTracing(stack)}` : line;
  } finally {
    // SIGTERM, so a profiled subject writes its profile as it exits.
    await Promise.all([web.stop('SIGTERM', 30_000), bare.stop('SIGTERM', 30_000)]);
  }
}

if (import.meta.main) await runAlone(webHealth);
