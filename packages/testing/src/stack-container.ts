import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { childProcessEnv } from '@repo/config/host';
import { GenericContainer, Wait, type StartedTestContainer } from 'testcontainers';
import { REPOSITORY_ROOT } from './repository.js';

const run = promisify(execFile);

/** Where files go with STORAGE_BACKEND=local, the path the images use. */
const CONTAINER_MEDIA_ROOT = '/var/lib/ladder/media';

/**
 * Runs a built entry point of this checkout (e.g. apps/web/dist/main.js) in the stand-in `node:24-slim` image,
 * on the compose stack's network. There the services are reached as `postgres` and `redis`, not as loopback
 * addresses, so a process can run with the real staging or production rules. The checkout is mounted at the
 * same path, so pnpm's links resolve. That mount is read-only, so MEDIA_ROOT defaults to a writable tmpfs, as the
 * images' own folder is. Call `stop()` when done.
 */
export async function runOnStackNetwork(options: {
  network: string;
  entryPoint: string;
  environment: Record<string, string>;
  port: number;
  readyLog: RegExp;
}): Promise<StartedTestContainer> {
  return new GenericContainer('node:24-slim')
    .withNetworkMode(options.network)
    .withBindMounts([{ source: REPOSITORY_ROOT, target: REPOSITORY_ROOT, mode: 'ro' }])
    .withWorkingDir(REPOSITORY_ROOT)
    .withUser('node')
    .withTmpFs({ [CONTAINER_MEDIA_ROOT]: 'rw,mode=1777' })
    .withEnvironment({ MEDIA_ROOT: CONTAINER_MEDIA_ROOT, ...options.environment })
    .withCommand(['node', options.entryPoint])
    .withExposedPorts(options.port)
    .withWaitStrategy(Wait.forLogMessage(options.readyLog))
    .withStartupTimeout(60_000)
    .start();
}

/**
 * Runs a one-shot command of this checkout (e.g. `packages/db/bin/ladder-db.js migrate`) the way
 * `runOnStackNetwork` runs an app, and resolves with its exit code and output once it ends. Values reach the
 * container by name from this process's child environment, never on a command line.
 */
export function runOnceOnStackNetwork(options: {
  network: string;
  entryPoint: string;
  args?: readonly string[];
  environment: Record<string, string>;
}): Promise<{ code: number; output: string }> {
  const environment = { MEDIA_ROOT: CONTAINER_MEDIA_ROOT, ...options.environment };
  const args = [
    'run',
    '--rm',
    '--network',
    options.network,
    '--mount',
    `type=bind,source=${REPOSITORY_ROOT},target=${REPOSITORY_ROOT},readonly`,
    '--workdir',
    REPOSITORY_ROOT,
    '--user',
    'node',
    ...Object.keys(environment).flatMap((name) => ['--env', name]),
    'node:24-slim',
    'node',
    options.entryPoint,
    ...(options.args ?? []),
  ];
  return new Promise((resolve) => {
    execFile(
      'docker',
      args,
      { env: childProcessEnv(environment), maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ code, output: `${stdout}${stderr}` });
      },
    );
  });
}

/**
 * The address of this machine on a Docker network: a container on it reaches a server the test process runs
 * (an SMTP catcher, an S3-protocol server) there, and so does the test process itself. Not a loopback address,
 * which the staging and production rules refuse.
 */
export async function networkGateway(network: string): Promise<string> {
  const { stdout } = await run('docker', [
    'network',
    'inspect',
    '--format',
    '{{range .IPAM.Config}}{{.Gateway}} {{end}}',
    network,
  ]);
  const gateway = stdout.trim().split(' ')[0];
  if (!gateway) throw new Error(`docker network ${network} names no gateway`);
  return gateway;
}
