import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { ConfigError, loadConfig, type Config } from '@repo/config';
import { processEnvWith } from '@repo/config/host';
import { createDatabase, runMigrations, seedDevelopmentData } from '@repo/db';
import { freePort, isPortFree } from '@repo/testing/ports';
import { startApps, stopApps, stopAppsOnExit } from './apps.js';
import { devProject } from './dev-project.js';
import { ensureDevelopmentEnvFile } from './env-file.js';
import { Progress } from './progress.js';
import { waitUntilReady } from './readiness.js';
import { dockerAvailable } from './services/docker-cli.js';
import { startDockerServices } from './services/docker-services.js';
import type { DevServices } from './services/dev-services.js';
import { findRedisServer, startEmbeddedServices } from './services/embedded-services.js';
import { formatSummary } from './summary.js';

const NOTHING_TO_RUN_ON = `Neither Docker nor redis-server is available, so there is nowhere to run Postgres and Redis.
Install one of them and run pnpm dev again:
  - Docker with compose v2 (recommended): https://docs.docker.com/engine/install/
  - or redis-server (apt install redis-server, brew install redis); PostgreSQL then runs embedded.`;

async function startServices(root: string, progress: Progress): Promise<DevServices | undefined> {
  const project = devProject(root);
  if (await dockerAvailable()) return startDockerServices(project, progress);
  const redisServer = findRedisServer();
  if (redisServer === undefined) {
    progress.say(NOTHING_TO_RUN_ON);
    return undefined;
  }
  progress.say(
    'no Docker engine answers: falling back to embedded PostgreSQL and the local redis-server',
  );
  return startEmbeddedServices(project, redisServer, progress);
}

/** The configuration both apps will read: the usual files and process env, plus the dev services' URLs. */
async function developmentConfig(
  root: string,
  services: DevServices,
  notes: string[],
): Promise<{ config: Config; overrides: Record<string, string> }> {
  const overrides: Record<string, string> = {
    APP_ENV: 'development',
    DATABASE_URL: services.databaseUrl,
    REDIS_URL: services.redisUrl,
  };
  const load = (): Config => loadConfig({ env: processEnvWith(overrides), cwd: root });
  const config = load();
  if (await isPortFree(config.http.port)) return { config, overrides };
  const port = await freePort();
  notes.push(`Port ${config.http.port} was busy, so the web app listens on ${port} instead.`);
  overrides.PORT = String(port);
  overrides.PUBLIC_URL = `http://localhost:${port}`;
  return { config: load(), overrides };
}

async function migrateAndSeed(config: Config, progress: Progress): Promise<void> {
  const database = createDatabase(config.database.url, { applicationName: 'ladder-dev', max: 3 });
  try {
    const outcome = await progress.during('applying migrations', () =>
      runMigrations(database, 'development'),
    );
    progress.say(
      outcome.applied.length === 0
        ? '  migrations already up to date'
        : `  applied ${outcome.applied.join(', ')}`,
    );
    if (outcome.stamped) {
      const created = await seedDevelopmentData(database.db);
      progress.say(`fresh database: seeded ${created} sample reports`);
    }
  } finally {
    await database.close();
  }
}

/**
 * `pnpm dev`: services up (Docker, else embedded), configuration validated, migrations and seed, both apps in
 * watch mode, one summary once they are ready. Ctrl-C stops the apps, then the services (their data stays).
 */
export async function runDev(root: string, progress = new Progress()): Promise<number> {
  const interrupted = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => {
    if (interrupted.signal.aborted) return;
    progress.say(`${signal}: stopping the apps, then the dev services`);
    interrupted.abort(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const stoppedBySignal = new Promise<'signal'>((resolve) =>
    interrupted.signal.addEventListener('abort', () => resolve('signal')),
  );

  let services: DevServices | undefined;
  let apps: ChildProcess | undefined;
  let exitCode = 0;
  try {
    if (ensureDevelopmentEnvFile(root))
      progress.say('created .env.development from .env.development.example');
    services = await startServices(root, progress);
    if (!services || interrupted.signal.aborted) return services ? 0 : 1;

    const notes: string[] = [];
    const { config, overrides } = await developmentConfig(root, services, notes);
    await migrateAndSeed(config, progress);
    if (interrupted.signal.aborted) return 0;

    progress.say('starting web and worker in watch mode (turbo run dev)');
    const running = startApps(root, processEnvWith(overrides));
    stopAppsOnExit(running);
    apps = running;
    const appsExited = once(running, 'exit').then(() => 'exited' as const);
    const appUrl = `http://localhost:${config.http.port}`;
    const readiness = waitUntilReady(
      appUrl,
      progress,
      () => running.exitCode !== null || running.signalCode !== null,
    );
    readiness.catch(() => undefined);
    const first = await Promise.race([
      readiness.then(() => 'ready' as const),
      appsExited,
      stoppedBySignal,
    ]);
    if (first === 'ready') {
      process.stdout.write(
        `${formatSummary({
          appUrl,
          databaseUrl: config.database.url,
          redisUrl: config.redis.url,
          logLevel: config.logLevel,
          services: services.description,
          notes,
        })}\n`,
      );
      if ((await Promise.race([appsExited, stoppedBySignal])) === 'exited') exitCode = 1;
    } else if (first === 'exited') {
      exitCode = 1;
    }
    return exitCode;
  } catch (error) {
    progress.say(
      error instanceof ConfigError
        ? `refusing to start the apps.\n${error.message}`
        : `failed: ${(error as Error).message}`,
    );
    return 1;
  } finally {
    if (apps) await stopApps(apps, 'SIGINT');
    const started = services;
    if (started)
      await progress.during('stopping the dev services (data kept)', () => started.stop());
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    progress.say('stopped');
  }
}
