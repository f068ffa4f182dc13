import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import {
  appCommand,
  freePort,
  isolatedEnvironment,
  REPOSITORY_ROOT,
  startProcess,
  waitFor,
  type RunningProcess,
} from '@repo/testing';
import { request } from './http.js';

/** As the start scripts and the images run each app: the bundles production runs. */
const WEB = appCommand('web');
const WORKER = appCommand('worker');
const LADDER_DB = join(REPOSITORY_ROOT, 'packages/db/bin/ladder-db.js');

export type Variables = Record<string, string | undefined>;

/** Every process a test starts, so the log scan sees all of them and afterAll stops them all. */
export const started: RunningProcess[] = [];

export function runMigrations(
  variables: Variables,
  args: string[] = [],
): { code: number | null; output: string } {
  const result = spawnSync(process.execPath, [LADDER_DB, 'migrate', ...args], {
    env: isolatedEnvironment(variables),
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

export interface WebProcess {
  process: RunningProcess;
  /** The public port: the API. */
  url: string;
  /** The management port: health, readiness, /workers, the status page. */
  managementUrl: string;
}

export interface WorkerProcess extends RunningProcess {
  managementUrl: string;
}

/** The built web app as a real process, on free ports; resolves once both servers listen. */
export async function startWeb(name: string, variables: Variables): Promise<WebProcess> {
  const [port, managementPort] = [await freePort(), await freePort()];
  const web = startProcess(name, process.execPath, WEB, {
    env: isolatedEnvironment({
      ...variables,
      PORT: String(port),
      MANAGEMENT_PORT: String(managementPort),
    }),
  });
  started.push(web);
  await web.waitForLine(/web listening on/);
  return {
    process: web,
    url: `http://127.0.0.1:${port}`,
    managementUrl: `http://127.0.0.1:${managementPort}`,
  };
}

/** The built worker as a real process; resolves once it has started and sent its first heartbeat. */
export async function startWorker(name: string, variables: Variables): Promise<WorkerProcess> {
  const managementPort = await freePort();
  const worker = startProcess(name, process.execPath, WORKER, {
    env: isolatedEnvironment({ ...variables, WORKER_MANAGEMENT_PORT: String(managementPort) }),
  });
  started.push(worker);
  await worker.waitForLine(/worker started/);
  return Object.assign(worker, { managementUrl: `http://127.0.0.1:${managementPort}` });
}

export async function stopAll(): Promise<void> {
  await Promise.all(started.map((running) => running.stop('SIGTERM', 30_000)));
}

/** Polls readiness on a management URL until `predicate` holds for its status and body. */
export async function waitForReadiness(
  managementUrl: string,
  predicate: (status: number, body: Record<string, unknown>) => boolean,
  description: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  return waitFor(
    async () => {
      const response = await request(`${managementUrl}/health/ready`);
      const body = response.json();
      return predicate(response.status, body) ? { status: response.status, body } : undefined;
    },
    { timeoutMs: 30_000, intervalMs: 250, description },
  );
}
