import { GenericContainer, Wait, type StartedTestContainer } from 'testcontainers';
import { REPOSITORY_ROOT } from './repository.js';

/**
 * Runs a built entry point of this checkout (e.g. apps/web/dist/main.js) in the stand-in `node:24-slim` image,
 * on the compose stack's network. There the services are reached as `postgres` and `redis`, not as loopback
 * addresses, so a process can run with the real staging or production rules. The checkout is mounted at the
 * same path, so pnpm's links resolve. Call `stop()` when done.
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
    .withEnvironment(options.environment)
    .withCommand(['node', options.entryPoint])
    .withExposedPorts(options.port)
    .withWaitStrategy(Wait.forLogMessage(options.readyLog))
    .withStartupTimeout(60_000)
    .start();
}
