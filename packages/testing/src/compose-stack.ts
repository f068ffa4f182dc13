import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { DockerComposeEnvironment, Wait } from 'testcontainers';
import { COMPOSE_FOLDER } from './repository.js';

/** A running copy of infra/compose/compose.yaml with its own project name, password and volumes. */
export interface ComposeStack {
  projectName: string;
  /** The superuser's password, random per stack: tests check it never reaches a log. */
  postgresPassword: string;
  postgresUrl(database?: string): string;
  redisUrl(database?: number): string;
  /** Removes containers, network and volumes. Call it in a finally/afterAll, always. */
  down(): Promise<void>;
}

const run = promisify(execFile);
const PROJECT_PATTERN = /^ladder-test-(\d+)-[0-9a-f]+$/;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes test stacks whose test run died without tearing them down (a killed or interrupted run skips
 * teardown). Project names carry the owning process id; stacks of live runs are left alone.
 */
async function removeOrphanedStacks(): Promise<string[]> {
  const { stdout } = await run('docker', ['compose', 'ls', '--all', '--format', 'json']);
  const projects = (JSON.parse(stdout || '[]') as { Name: string }[]).map(
    (project) => project.Name,
  );
  const orphaned = projects.filter((name) => {
    const owner = PROJECT_PATTERN.exec(name)?.[1];
    return owner !== undefined && !isAlive(Number(owner));
  });
  for (const name of orphaned)
    await run('docker', ['compose', '-p', name, 'down', '--volumes', '--timeout', '0']);
  return orphaned;
}

/**
 * Starts the shipped compose file through testcontainers and waits for both healthchecks. Nothing reaps
 * containers behind the tests' back (Ryuk is off in CI), so every caller must `down()` what it started.
 */
/**
 * Starts a compose file under a fresh project name. `environment` adds compose variables, e.g.
 * POSTGRES_HOST_PORT/REDIS_HOST_PORT to pin host ports that must survive a container restart.
 */
export async function startComposeStack(
  file = 'compose.yaml',
  environment: Record<string, string> = {},
): Promise<ComposeStack> {
  await removeOrphanedStacks();
  const projectName = `ladder-test-${process.pid}-${randomBytes(3).toString('hex')}`;
  const postgresPassword = `pw-${randomBytes(12).toString('hex')}`;
  const compose = await new DockerComposeEnvironment(COMPOSE_FOLDER, file)
    .withProjectName(projectName)
    .withEnvironment({ ...environment, POSTGRES_PASSWORD: postgresPassword })
    .withWaitStrategy('postgres-1', Wait.forHealthCheck())
    .withWaitStrategy('redis-1', Wait.forHealthCheck())
    .withStartupTimeout(120_000)
    .up();
  const postgres = compose.getContainer('postgres-1');
  const redis = compose.getContainer('redis-1');
  const postgresAddress = `${postgres.getHost()}:${postgres.getMappedPort(5432)}`;
  const redisAddress = `${redis.getHost()}:${redis.getMappedPort(6379)}`;
  return {
    projectName,
    postgresPassword,
    postgresUrl: (database = 'ladder') =>
      `postgres://ladder:${postgresPassword}@${postgresAddress}/${database}`,
    redisUrl: (database = 0) => `redis://${redisAddress}/${database}`,
    down: async () => {
      await compose.down({ removeVolumes: true, timeout: 0 });
    },
  };
}
