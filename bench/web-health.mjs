// GET /health of the web app in staging mode (on its management port, as the orchestrator probes it) next to a
// bare Express 5 app: requests per second and CPU-seconds per 10,000 requests, rounds interleaved, as ratios.
// Both servers are separate processes; CPU is read from /proc. Targets: ≥ 0.85× the requests/s, ≤ 1.3× the CPU.
//
//   node web-health.mjs          on a stack of its own; `pnpm bench` runs it with the other comparisons
import autocannon from 'autocannon';
import { freePort, isolatedEnvironment } from '@repo/testing';
import { cpuSeconds } from './support/cpu.mjs';
import { ROUNDS, SECONDS } from './support/options.mjs';
import { interleave, median, medianRatio, times, verdict } from './support/report.mjs';
import { runAlone } from './support/stack.mjs';
import { BASELINES, ENTRIES, startSubject } from './support/subjects.mjs';

async function load(subject) {
  const before = cpuSeconds(subject.process.pid);
  const result = await autocannon({ url: subject.url, connections: 10, duration: SECONDS });
  const cpu = cpuSeconds(subject.process.pid) - before;
  const requests = result.requests.total;
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${subject.name}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { perSecond: requests / SECONDS, cpuPer10k: (cpu / requests) * 10_000 };
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
    return (
      `web GET /health (staging): ${times(requests)} the requests/s of a bare Express 5 app ` +
      `(${perSecond('web')} vs ${perSecond('bare')}; ${verdict(requests, '>=', 0.85)}), ` +
      `${times(cpu)} its CPU-seconds per 10,000 requests (${verdict(cpu, '<=', 1.3)}); ` +
      `median of ${ROUNDS} interleaved rounds of ${SECONDS} s`
    );
  } finally {
    // SIGTERM, so a profiled subject writes its profile as it exits.
    await Promise.all([web.stop('SIGTERM', 30_000), bare.stop('SIGTERM', 30_000)]);
  }
}

if (import.meta.main) await runAlone(webHealth);
