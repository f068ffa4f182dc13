// Starting the processes a comparison measures: the apps as production runs them and the bare baselines.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostVariable } from '@repo/config/host';
import { REPOSITORY_ROOT, startProcess } from '@repo/testing';

/**
 * The bundled entry production images run, tsc's output it is built from, and the tracing entry the images
 * load first with `node --import`.
 */
export const ENTRIES = {
  web: {
    bundled: 'apps/web/dist/bundle/main.js',
    unbundled: 'apps/web/dist/main.js',
    instrumentation: 'apps/web/dist/bundle/instrumentation.js',
  },
  worker: {
    bundled: 'apps/worker/dist/bundle/main.js',
    unbundled: 'apps/worker/dist/main.js',
    instrumentation: 'apps/worker/dist/bundle/instrumentation.js',
  },
};

export const BASELINES = {
  express: 'bench/baselines/bare-express.mjs',
  nest: 'bench/baselines/bare-nest.mjs',
  worker: 'bench/baselines/bare-worker.mjs',
};

/** PROFILE=/some/folder: every subject started with `profile: true` writes a CPU profile there at exit. */
const profileFolder = hostVariable('PROFILE');

/** WRITES=/some/folder: every subject started with `profile: true` counts its socket writes into <name>.json there. */
const writesFolder = hostVariable('WRITES');

/**
 * The images set NODE_COMPILE_CACHE to a module compile cache warmed at build time (see the apps' Dockerfiles).
 * Started with `compileCache: true`, an app gets one too, for this run only: the first start (a comparison's
 * warm-up round) fills it, as the image's build step does.
 */
let compileCacheFolder;
function compileCache() {
  if (compileCacheFolder === undefined) {
    compileCacheFolder = mkdtempSync(join(tmpdir(), 'bench-compile-cache-'));
    process.on('exit', () => rmSync(compileCacheFolder, { recursive: true, force: true }));
  }
  return compileCacheFolder;
}

/**
 * Starts `node [--import <each of imports>] <script> ...args` from the repository root with exactly `env` (and
 * NODE_COMPILE_CACHE with `compileCache`).
 */
export function startSubject(
  name,
  script,
  { args = [], imports = [], env, profile = false, compileCache: cached = false },
) {
  const profiling =
    profile && profileFolder !== undefined
      ? ['--cpu-prof', `--cpu-prof-dir=${join(profileFolder, name)}`]
      : [];
  const counting = profile && writesFolder !== undefined;
  if (counting) {
    mkdirSync(writesFolder, { recursive: true });
    env = { ...env, BENCH_WRITES_FILE: join(writesFolder, `${name}.json`) };
    imports = ['bench/support/count-writes.mjs', ...imports];
  }
  return startProcess(
    name,
    process.execPath,
    [
      ...profiling,
      ...imports.flatMap((entry) => ['--import', join(REPOSITORY_ROOT, entry)]),
      join(REPOSITORY_ROOT, script),
      ...args,
    ],
    {
      env: cached ? { ...env, NODE_COMPILE_CACHE: compileCache() } : env,
      cwd: REPOSITORY_ROOT,
    },
  );
}

/** A file holding a baseline's settings (readable by this user only), removed by the returned function. */
export function settingsFile(settings) {
  const folder = mkdtempSync(join(tmpdir(), 'bench-settings-'));
  const file = join(folder, `${randomBytes(3).toString('hex')}.json`);
  writeFileSync(file, JSON.stringify(settings), { mode: 0o600 });
  return { file, remove: () => rmSync(folder, { recursive: true, force: true }) };
}
