import { hostVariable } from '@repo/config/host';
import { DockerComposeEnvironment, Wait } from 'testcontainers';
import { DEV_DATABASE, type DevProject } from '../dev-project.js';
import type { Progress } from '../progress.js';
import { docker, runningServices } from './docker-cli.js';
import { publishedHost } from './published-host.js';
import { choosePort } from '../service-ports.js';
import type { DevServices, PreferredPorts } from './dev-services.js';

function composeFolder(project: DevProject): string {
  return `${project.root}/infra/compose`;
}

function composeEnvironment(
  project: DevProject,
  ports: { postgres: number; redis: number },
): Record<string, string> {
  return {
    LADDER_DEV_POSTGRES_VOLUME: project.postgresVolume,
    LADDER_DEV_REDIS_VOLUME: project.redisVolume,
    POSTGRES_HOST_PORT: String(ports.postgres),
    REDIS_HOST_PORT: String(ports.redis),
  };
}

/** The host ports of a running stack. */
async function publishedPorts(project: DevProject): Promise<{ postgres: number; redis: number }> {
  const port = async (service: string, inner: number): Promise<number> =>
    Number(
      (await docker(['compose', '-p', project.name, 'port', service, String(inner)]))
        .split(':')
        .pop(),
    );
  return { postgres: await port('postgres', 5432), redis: await port('redis', 6379) };
}

async function ensureVolume(name: string): Promise<boolean> {
  try {
    await docker(['volume', 'inspect', name]);
    return false;
  } catch {
    await docker(['volume', 'create', '--label', 'dev.ladder.stack=development', name]);
    return true;
  }
}

/**
 * Starts infra/compose/compose.dev.yaml through testcontainers, or attaches to it when it already runs, and waits
 * for both healthchecks. The host ports are the preferred ones (last run's) while they are free, so a database
 * GUI keeps its connection; a running stack keeps the ports it has.
 */
export async function startDockerServices(
  project: DevProject,
  progress: Progress,
  preferred: PreferredPorts,
): Promise<DevServices> {
  const running = await runningServices(project.name).catch((): string[] => []);
  const reusing = running.includes('postgres') && running.includes('redis');
  const notes: string[] = [];
  const ports = reusing
    ? await publishedPorts(project)
    : {
        postgres: await choosePort('Postgres', preferred.postgres, notes),
        redis: await choosePort('Redis', preferred.redis, notes),
      };
  const createdVolumes = (
    await Promise.all([ensureVolume(project.postgresVolume), ensureVolume(project.redisVolume)])
  ).some(Boolean);
  if (createdVolumes)
    progress.say(`created data volumes ${project.postgresVolume} and ${project.redisVolume}`);

  const started = await progress.during(
    reusing
      ? `reusing the running dev stack ${project.name}`
      : `starting Postgres and Redis (compose project ${project.name}; the first run pulls images), waiting for healthchecks`,
    () =>
      new DockerComposeEnvironment(composeFolder(project), 'compose.dev.yaml')
        .withProjectName(project.name)
        .withEnvironment(composeEnvironment(project, ports))
        .withWaitStrategy('postgres-1', Wait.forHealthCheck())
        .withWaitStrategy('redis-1', Wait.forHealthCheck())
        .withStartupTimeout(180_000)
        .up(),
  );
  const postgres = started.getContainer('postgres-1');
  const redis = started.getContainer('redis-1');
  const { user, password, name } = DEV_DATABASE;
  const host = publishedHost(postgres.getHost(), hostVariable('DOCKER_HOST'));
  return {
    databaseUrl: `postgres://${user}:${password}@${host}:${postgres.getMappedPort(5432)}/${name}`,
    redisUrl: `redis://${host}:${redis.getMappedPort(6379)}/0`,
    description: `Docker compose project ${project.name} (stopped on exit, data kept)`,
    notes,
    processIds: () => [],
    stopCommand: ['docker', 'compose', '-p', project.name, 'stop', '--timeout', '30'],
    stop: async () => {
      await started.stop();
    },
  };
}

/** `pnpm dev:down`: removes the containers and network; the data volumes stay. */
export async function removeDockerContainers(project: DevProject): Promise<void> {
  await docker(['compose', '-p', project.name, 'down', '--timeout', '30']);
}

/** `pnpm dev:reset`: removes the containers and the data volumes. */
export async function removeDockerData(project: DevProject): Promise<void> {
  await removeDockerContainers(project);
  for (const volume of [project.postgresVolume, project.redisVolume]) {
    await docker(['volume', 'rm', '--force', volume]);
  }
}
