// The worker's boot in staging mode, started as its image starts it (through the tracing entry, `node --import`,
// with a module compile cache the first start fills, as the image's build step does),
// from spawn to its "worker started" line (connected, environment checked, consuming), next to a bare BullMQ
// worker's boot to ready (its Postgres pool and Redis connection up), rounds interleaved: the bundled build
// production images run, and tsc's unbundled output. Target: bundled ≤ 1.5×.
//
//   node worker-boot.mjs          on a stack of its own; `pnpm bench` runs it with the other comparisons
import { freePort, isolatedEnvironment } from '@repo/testing';
import { ROUNDS } from './support/options.mjs';
import { millisecondsToLine } from './support/boot.mjs';
import { interleave, median, times, verdict } from './support/report.mjs';
import { runAlone } from './support/stack.mjs';
import { BASELINES, ENTRIES, settingsFile, startSubject } from './support/subjects.mjs';

const PREFIX = 'bench-worker-boot';

export async function workerBoot(stack) {
  const settings = settingsFile({
    prefix: `${PREFIX}-bare`,
    redisUrl: stack.redisUrl,
    databaseUrl: stack.databaseUrl,
    concurrency: 5,
  });
  const worker = (entry) => async () => {
    const managementPort = await freePort();
    return millisecondsToLine(
      () =>
        startSubject(`worker-${entry}`, ENTRIES.worker[entry], {
          imports: [ENTRIES.worker.instrumentation],
          compileCache: true,
          profile: true,
          env: stack.environment({
            QUEUE_PREFIX: PREFIX,
            WORKER_MANAGEMENT_PORT: String(managementPort),
          }),
        }),
      /worker started/,
    );
  };
  const bare = () =>
    millisecondsToLine(
      () =>
        startSubject('bare-worker', BASELINES.worker, {
          args: [settings.file],
          env: isolatedEnvironment({}),
        }),
      /bare worker ready/,
    );
  try {
    const subjects = [
      { name: 'bare', boot: bare },
      { name: 'bundled', boot: worker('bundled') },
      { name: 'unbundled', boot: worker('unbundled') },
    ];
    for (const subject of subjects) await subject.boot(); // warm-up: file cache, not counted
    const results = await interleave(ROUNDS, subjects, (subject) => subject.boot());
    const ratio = (name) => median(results[name].map((ms, index) => ms / results.bare[index]));
    const ms = (name) => `${Math.round(median(results[name]))} ms`;
    return (
      `worker boot to ready (staging): bundled ${times(ratio('bundled'))} a bare BullMQ worker ` +
      `(${ms('bundled')} vs ${ms('bare')}; ${verdict(ratio('bundled'), '<=', 1.5)}); ` +
      `unbundled ${times(ratio('unbundled'))} (${ms('unbundled')}); median of ${ROUNDS} interleaved rounds`
    );
  } finally {
    settings.remove();
  }
}

if (import.meta.main) await runAlone(workerBoot);
