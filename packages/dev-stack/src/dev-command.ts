import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { ConfigError, loadConfig, type Config } from '@repo/config';
import { processEnvWith } from '@repo/config/host';
import { createDatabase, runMigrations, seedDevelopmentData } from '@repo/db';
import { freePort, isPortFree } from '@repo/testing/ports';
import { startApps, type SupervisedApps } from './apps/supervised-apps.js';
import { devProject } from './dev-project.js';
import { ensureDevelopmentEnvFile } from './env-file.js';
import { restartApps, watchEnvFiles } from './env-watch.js';
import { whenAncestorsExit } from './parent-watch.js';
import { Progress } from './progress.js';
import { waitUntilReady } from './readiness.js';
import { WatchingCompilers } from './apps/watching-compilers.js';
import { portOf, readRecorded, record, type Recorded } from './recorded-ports.js';
import { claimRun, releaseRun, updateRunRecord } from './run-lock.js';
import { dockerAvailable } from './services/docker-cli.js';
import { startDockerServices } from './services/docker-services.js';
import type { DevServices, PreferredPorts } from './services/dev-services.js';
import { findRedisServer, startEmbeddedServices } from './services/embedded-services.js';
import { startMailCatcher, type MailCatcher } from './services/mail-catcher.js';
import { formatSummary } from './summary.js';

const NOTHING_TO_RUN_ON = `Neither Docker nor redis-server is available, so there is nowhere to run Postgres and Redis.
Install one of them and run pnpm dev again:
  - Docker with compose v2 (recommended): https://docs.docker.com/engine/install/
  - or redis-server (apt install redis-server, brew install redis); PostgreSQL then runs embedded.`;

/** Signals that end `pnpm dev` the way Ctrl-C does: apps first, then the services. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

async function startServices(
  root: string,
  progress: Progress,
  preferred: PreferredPorts,
): Promise<DevServices | undefined> {
  const project = devProject(root);
  if (await dockerAvailable()) return startDockerServices(project, progress, preferred);
  const redisServer = findRedisServer();
  if (redisServer === undefined) {
    progress.say(NOTHING_TO_RUN_ON);
    return undefined;
  }
  progress.say(
    'no Docker engine answers: falling back to embedded PostgreSQL and the local redis-server',
  );
  return startEmbeddedServices(project, redisServer, progress, preferred);
}

/**
 * The configuration both apps will read: the usual files and process env, plus the dev services' URLs. The app
 * port is the configured (or last recorded) one while it is free.
 */
async function developmentConfig(
  root: string,
  services: DevServices,
  mail: MailCatcher | undefined,
  notes: string[],
): Promise<{ config: Config; overrides: Record<string, string> }> {
  const overrides: Record<string, string> = {
    APP_ENV: 'development',
    DATABASE_URL: services.databaseUrl,
    REDIS_URL: services.redisUrl,
    // Not recorded in .env.development.local: the catcher lives only as long as this run.
    ...(mail && { SMTP_URL: mail.smtpUrl }),
  };
  const load = (): Config => loadConfig({ env: processEnvWith(overrides), cwd: root });
  const config = load();
  const ports = [
    ['PORT', config.http.port, 'the web app listens'],
    ['MANAGEMENT_PORT', config.management.port, "the web app's management server listens"],
    [
      'WORKER_MANAGEMENT_PORT',
      config.management.workerPort,
      "the worker's management server listens",
    ],
  ] as const;
  let moved = false;
  for (const [variable, wanted, what] of ports) {
    if (await isPortFree(wanted)) continue;
    moved = true;
    const port = await freePort();
    notes.push(`Port ${wanted} was busy, so ${what} on ${port} instead.`);
    overrides[variable] = String(port);
    if (variable === 'PORT') overrides.PUBLIC_URL = `http://localhost:${port}`;
  }
  return { config: moved ? load() : config, overrides };
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

function preferredPorts(recorded: Recorded): PreferredPorts {
  return { postgres: portOf(recorded.DATABASE_URL), redis: portOf(recorded.REDIS_URL) };
}

/** Where the apps' files land in this run, for the summary. */
function filesLocation(config: Config): string {
  const { backend, mediaRoot, s3 } = config.storage;
  return backend === 'local'
    ? `${join(mediaRoot, config.appEnv)}  (download links are served by the app at /files)`
    : `s3://${s3.bucket ?? ''}/${config.appEnv}/`;
}

/** The mail catcher, or a note saying mail is not sent this run: a broken catcher must not stop pnpm dev. */
async function startMail(root: string, notes: string[]): Promise<MailCatcher | undefined> {
  try {
    return await startMailCatcher(root);
  } catch (error) {
    notes.push(
      `The mail catcher did not start (${(error as Error).message}), so the apps send no mail this run.`,
    );
    return undefined;
  }
}

/** One dev run per checkout: answers with the running one's URL, or cleans up after a run that died. */
async function claimCheckout(root: string, progress: Progress): Promise<boolean> {
  const claim = await claimRun(root);
  if (claim.kind === 'already-running') {
    const { runner, appUrl } = claim.record;
    progress.say(
      `pnpm dev is already running in this checkout (pid ${runner}): ${appUrl ?? 'still starting'}\n` +
        `      Use that one, or stop it first (Ctrl-C in its terminal, or kill ${runner}).`,
    );
    return false;
  }
  if (claim.stoppedLeftovers.length > 0) {
    progress.say(
      `an earlier pnpm dev ended without cleaning up: stopped ${claim.stoppedLeftovers.length} leftover processes (pids ${claim.stoppedLeftovers.join(', ')})`,
    );
  }
  process.once('exit', () => releaseRun(root));
  return true;
}

/**
 * `pnpm dev`: services up (Docker, else embedded), configuration validated, migrations and seed, both apps in
 * watch mode, one summary once they are ready. Ctrl-C, SIGTERM, a closed terminal or the end of pnpm stop the
 * apps, then the services (their data stays).
 */
export async function runDev(root: string, progress = new Progress()): Promise<number> {
  if (!(await claimCheckout(root, progress))) return 1;
  const interrupted = new AbortController();
  const stopFor = (reason: string): void => {
    if (interrupted.signal.aborted) return;
    progress.say(`${reason}: stopping the apps, then the dev services`);
    interrupted.abort(reason);
  };
  const onSignal = (signal: NodeJS.Signals): void => stopFor(signal);
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
  const stopWatching = whenAncestorsExit(() => stopFor('pnpm exited'));
  const stoppedBySignal = new Promise<'signal'>((resolve) =>
    interrupted.signal.addEventListener('abort', () => resolve('signal')),
  );

  let services: DevServices | undefined;
  let mail: MailCatcher | undefined;
  let apps: SupervisedApps | undefined;
  let exitCode = 0;
  let stopWatchingEnv = (): void => undefined;
  try {
    if (ensureDevelopmentEnvFile(root))
      progress.say('created .env.development from .env.development.example');
    services = await startServices(root, progress, preferredPorts(readRecorded(root)));
    if (!services || interrupted.signal.aborted) return services ? 0 : 1;
    updateRunRecord(root, { servicePids: services.processIds() });

    const notes = [...services.notes];
    mail = await startMail(root, notes);
    const { config, overrides } = await developmentConfig(root, services, mail, notes);
    record(root, {
      PORT: String(config.http.port),
      ...(overrides.PUBLIC_URL === undefined ? {} : { PUBLIC_URL: overrides.PUBLIC_URL }),
      DATABASE_URL: config.database.url,
      REDIS_URL: config.redis.url,
    });
    await migrateAndSeed(config, progress);
    if (interrupted.signal.aborted) return 0;

    progress.say('starting web and worker in watch mode (turbo run dev)');
    const runId = randomBytes(8).toString('hex');
    const port = config.http.port;
    let portTaken: string | undefined;
    const compilers = new WatchingCompilers();
    const running = startApps(root, processEnvWith({ ...overrides, DEV_RUN_ID: runId }), {
      whenOrphaned: services.stopCommand,
      onLine: (line) => {
        compilers.see(line);
        if (portTaken === undefined && line.includes('EADDRINUSE'))
          portTaken = `another process took port ${port}, so the web app could not listen on it (EADDRINUSE). Stop that process, or remove PORT from .env.development.local so pnpm dev picks a free port.`;
      },
    });
    apps = running;
    updateRunRecord(root, { appSession: running.sessionId });
    const appsExited = running.exited.then(() => 'exited' as const);
    const appUrl = `http://localhost:${port}`;
    const managementUrl = `http://localhost:${config.management.port}`;
    const readiness = waitUntilReady(
      appUrl,
      runId,
      [managementUrl, `http://localhost:${config.management.workerPort}`],
      progress,
      () => compilers.pendingReason(),
      () =>
        portTaken ??
        (running.hasExited()
          ? 'the apps exited before they were ready (see their output above)'
          : undefined),
    );
    readiness.catch(() => undefined);
    const first = await Promise.race([
      readiness.then(() => 'ready' as const),
      appsExited,
      stoppedBySignal,
    ]);
    if (first === 'ready') {
      updateRunRecord(root, { appUrl });
      stopWatchingEnv = watchEnvFiles(root, (name) => {
        progress.say(`${name} changed: restarting web and worker with the new configuration`);
        restartApps(root);
      });
      process.stdout.write(
        `${formatSummary({
          appUrl,
          managementUrl,
          workerManagementUrl: `http://localhost:${config.management.workerPort}`,
          databaseUrl: config.database.url,
          redisUrl: config.redis.url,
          ...(mail && { mailInboxUrl: mail.inboxUrl, mailSmtpUrl: mail.smtpUrl }),
          files: filesLocation(config),
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
    stopWatchingEnv();
    const startedApps = apps;
    if (startedApps) await progress.during('stopping web and worker', () => startedApps.stop());
    await mail?.stop();
    const started = services;
    if (started)
      await progress.during('stopping the dev services (data kept)', () => started.stop());
    stopWatching();
    for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
    releaseRun(root);
    progress.say('stopped');
  }
}
