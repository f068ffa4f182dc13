import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { GenericContainer, Wait, type StartedTestContainer } from 'testcontainers';
import { REPOSITORY_ROOT } from './repository.js';

const run = promisify(execFile);

/** Where files go with STORAGE_BACKEND=local, the path the images use. */
const CONTAINER_MEDIA_ROOT = '/var/lib/ladder/media';

interface StackProcessOptions {
  network: string;
  /** Node's arguments: `appCommand('web')`, or an entry point and its own, e.g. the db CLI and `migrate`. */
  command: string[];
  environment: Record<string, string>;
}

/**
 * A built entry point of this checkout (e.g. an app's bundle, see appCommand) in the stand-in `node:24-slim` image, on the
 * compose stack's network. There the services are reached as `postgres` and `redis`, not as loopback addresses,
 * so a process can run with the real staging or production rules. The checkout is mounted at the same path, so
 * pnpm's links resolve. That mount is read-only, so MEDIA_ROOT defaults to a writable tmpfs, as the images' own
 * folder is.
 */
function stackProcess(options: StackProcessOptions): GenericContainer {
  return new GenericContainer('node:24-slim')
    .withNetworkMode(options.network)
    .withBindMounts([{ source: REPOSITORY_ROOT, target: REPOSITORY_ROOT, mode: 'ro' }])
    .withWorkingDir(REPOSITORY_ROOT)
    .withUser('node')
    .withTmpFs({ [CONTAINER_MEDIA_ROOT]: 'rw,mode=1777' })
    .withEnvironment({ MEDIA_ROOT: CONTAINER_MEDIA_ROOT, ...options.environment })
    .withCommand(['node', ...options.command]);
}

/** Starts a long-running entry point, publishes `ports` and resolves once `readyLog` is printed. Call `stop()`. */
export async function runOnStackNetwork(
  options: StackProcessOptions & { ports: number[]; readyLog: RegExp },
): Promise<StartedTestContainer> {
  return stackProcess(options)
    .withExposedPorts(...options.ports)
    .withWaitStrategy(Wait.forLogMessage(options.readyLog))
    .withStartupTimeout(60_000)
    .start();
}

/**
 * Runs a one-shot entry point (a migration, a CLI command) to its end and resolves with its output; throws with
 * that output when it exits with anything but 0.
 */
export async function runToEndOnStackNetwork(options: StackProcessOptions): Promise<string> {
  let output = '';
  const started = await stackProcess(options)
    .withLogConsumer((stream) =>
      stream.on('data', (chunk: Buffer | string) => (output += chunk.toString())),
    )
    .withWaitStrategy(Wait.forOneShotStartup())
    .withStartupTimeout(60_000)
    .start()
    .catch((error: unknown) => {
      throw new Error(`node ${options.command.join(' ')} failed on the stack network:\n${output}`, {
        cause: error,
      });
    });
  await started.stop();
  return output;
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
