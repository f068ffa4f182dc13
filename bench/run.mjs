// `pnpm bench`: every comparison in one run, on one staging compose stack, one ratio line each. The machines are
// noisy: compare the ratios, which come from interleaved rounds, not the absolute figures. Options: see
// support/options.mjs. `node run.mjs web-health worker-jobs` runs only the comparisons named.
import { webBoot } from './web-boot.mjs';
import { webHealth } from './web-health.mjs';
import { workerBoot } from './worker-boot.mjs';
import { workerJobs } from './worker-jobs.mjs';
import { startStagingStack } from './support/stack.mjs';

const COMPARISONS = {
  'web-health': webHealth,
  'web-boot': webBoot,
  'worker-boot': workerBoot,
  'worker-jobs': workerJobs,
};

const chosen = process.argv.length > 2 ? process.argv.slice(2) : Object.keys(COMPARISONS);
const unknown = chosen.filter((name) => !(name in COMPARISONS));
if (unknown.length > 0) {
  process.stderr.write(
    `unknown comparison: ${unknown.join(', ')} (known: ${Object.keys(COMPARISONS).join(', ')})\n`,
  );
  process.exit(2);
}

const stack = await startStagingStack();
const lines = [];
try {
  for (const name of chosen) {
    process.stderr.write(`${name}…\n`);
    lines.push(await COMPARISONS[name](stack));
  }
} finally {
  await stack.down();
}
process.stdout.write(`\n${lines.join('\n')}\n`);
