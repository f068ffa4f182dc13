// The web app's boot in staging mode, started as its image starts it (through the tracing entry, `node --import`,
// with a module compile cache the first start fills, as the image's build step does),
// from spawn to the first 200 on its public port (GET /api/reports/:id of a stored report), next to a bare Nest
// app's boot to its first 200, rounds interleaved: the bundled build that production images run, and tsc's
// unbundled output for comparison. Target: bundled ≤ 1.3× the bare Nest app.
//
//   node web-boot.mjs          on a stack of its own; `pnpm bench` runs it with the other comparisons
import { freePort, isolatedEnvironment } from '@repo/testing';
import { ROUNDS } from './support/options.mjs';
import { millisecondsToFirst200 } from './support/boot.mjs';
import { interleave, median, times, verdict } from './support/report.mjs';
import { HOST, runAlone } from './support/stack.mjs';
import { BASELINES, ENTRIES, startSubject } from './support/subjects.mjs';

export async function webBoot(stack) {
  const report = await stack.reports.create({ title: 'boot probe', periodDays: 1 });
  // No job is owed for it: keep the worker comparisons' outbox relays from enqueuing one.
  await stack.reports.enqueued(report.id);
  const web = (entry) => async () => {
    const [port, managementPort] = [await freePort(), await freePort()];
    return millisecondsToFirst200(
      () =>
        startSubject(`web-${entry}`, ENTRIES.web[entry], {
          imports: [ENTRIES.web.instrumentation],
          compileCache: true,
          env: stack.environment({
            QUEUE_PREFIX: 'bench-web-boot',
            PORT: String(port),
            MANAGEMENT_PORT: String(managementPort),
          }),
        }),
      `http://127.0.0.1:${port}/api/reports/${report.id}`,
      { host: HOST },
    );
  };
  const bare = async () => {
    const port = await freePort();
    return millisecondsToFirst200(
      () =>
        startSubject('bare-nest', BASELINES.nest, {
          args: [String(port)],
          env: isolatedEnvironment({}),
        }),
      `http://127.0.0.1:${port}/health`,
    );
  };
  const subjects = [
    { name: 'bare', boot: bare },
    { name: 'bundled', boot: web('bundled') },
    { name: 'unbundled', boot: web('unbundled') },
  ];
  for (const subject of subjects) await subject.boot(); // warm-up: file cache, not counted
  const results = await interleave(ROUNDS, subjects, (subject) => subject.boot());
  const ratio = (name) => median(results[name].map((ms, index) => ms / results.bare[index]));
  const ms = (name) => `${Math.round(median(results[name]))} ms`;
  return (
    `web boot to first 200 (staging): bundled ${times(ratio('bundled'))} a bare Nest app ` +
    `(${ms('bundled')} vs ${ms('bare')}; ${verdict(ratio('bundled'), '<=', 1.3)}); ` +
    `unbundled ${times(ratio('unbundled'))} (${ms('unbundled')}); median of ${ROUNDS} interleaved rounds`
  );
}

if (import.meta.main) await runAlone(webBoot);
