// `pnpm dev` until both apps are ready, next to a bare `docker compose up --wait` of the same services, measured in
// one run and reported as medians and a ratio (the machines are noisy; compare ratios, not seconds).
//
// Both start from the state Ctrl-C leaves behind: images present, containers stopped, data kept. The work runs
// in a fresh copy of this checkout, with its own compose projects, so your own dev stack is never touched.
//
//   pnpm bench            5 rounds
//   ROUNDS=9 pnpm bench   more rounds
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { hostVariable, processEnvWith } from '@repo/config/host';
import { devProject } from '@repo/dev-stack';
import { freshCopy, removeCopy, runnerPid, startProcess, waitFor } from '@repo/testing';

const rounds = Number(hostVariable('ROUNDS') ?? 5);

function docker(args, environment = {}) {
  return execFileSync('docker', args, {
    env: processEnvWith(environment),
    encoding: 'utf8',
  }).trim();
}

/** Starts `pnpm dev`, returns the seconds until its summary block (both apps ready), then stops it as Ctrl-C does. */
async function timePnpmDev(copy) {
  const started = performance.now();
  const dev = startProcess('pnpm dev', 'pnpm', ['dev'], { cwd: copy, env: processEnvWith() });
  await dev.waitForLine(/^\s+App:\s+http/, 240_000);
  const seconds = (performance.now() - started) / 1000;
  const pid = await waitFor(() => runnerPid(copy), { description: 'the ladder-dev runner' });
  process.kill(pid, 'SIGINT');
  await dev.exited;
  return seconds;
}

/** The same two services with nothing around them: `docker compose up -d --wait` from stopped containers. */
function timeCompose(copy, project, environment) {
  const file = join(copy, 'infra/compose/compose.dev.yaml');
  const started = performance.now();
  docker(['compose', '-f', file, '-p', project, 'up', '-d', '--wait'], environment);
  const seconds = (performance.now() - started) / 1000;
  docker(['compose', '-f', file, '-p', project, 'stop'], environment);
  return seconds;
}

function median(values) {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const describe = (values) =>
  `median ${median(values).toFixed(2)} s  (min ${Math.min(...values).toFixed(2)}, max ${Math.max(...values).toFixed(2)}, n=${values.length})`;

const copy = freshCopy();
const composeProject = `${devProject(copy).name}-bench`;
const composeEnvironment = {
  LADDER_DEV_POSTGRES_VOLUME: `${composeProject}_postgres`,
  LADDER_DEV_REDIS_VOLUME: `${composeProject}_redis`,
};
try {
  process.stdout.write(`warming up in ${copy} (first run builds, creates volumes and seeds)…\n`);
  await timePnpmDev(copy);
  for (const volume of Object.values(composeEnvironment)) docker(['volume', 'create', volume]);
  timeCompose(copy, composeProject, composeEnvironment);

  const devTimes = [];
  const composeTimes = [];
  for (let round = 1; round <= rounds; round++) {
    // Interleaved, so both see the same background noise.
    devTimes.push(await timePnpmDev(copy));
    composeTimes.push(timeCompose(copy, composeProject, composeEnvironment));
    process.stdout.write(
      `round ${round}/${rounds}: pnpm dev ${devTimes.at(-1).toFixed(2)} s, compose ${composeTimes.at(-1).toFixed(2)} s\n`,
    );
  }
  process.stdout.write(
    [
      '',
      `pnpm dev → both apps ready:          ${describe(devTimes)}`,
      `docker compose up --wait (services): ${describe(composeTimes)}`,
      `ratio of medians: pnpm dev takes ${(median(devTimes) / median(composeTimes)).toFixed(1)}× a bare compose up`,
      '',
    ].join('\n'),
  );
} finally {
  spawnSync('docker', ['compose', '-p', composeProject, 'down', '--volumes', '--timeout', '0']);
  for (const volume of Object.values(composeEnvironment))
    spawnSync('docker', ['volume', 'rm', '--force', volume]);
  spawnSync('pnpm', ['dev:reset', '--yes'], { cwd: copy, env: processEnvWith(), encoding: 'utf8' });
  removeCopy(copy);
}
