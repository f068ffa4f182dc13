import { setTimeout as sleep } from 'node:timers/promises';
import type { Progress } from './progress.js';
import { describeReadiness } from './readiness-reason.js';

const TIMEOUT_MS = 180_000;
const POLL_MS = 300;
/** The response header in which the web app echoes DEV_RUN_ID (see apps/web/src/app.factory.ts). */
export const DEV_RUN_HEADER = 'x-dev-run';

/** Whether this run's web app holds the public port; the reason in words when it does not. */
async function probeOwnApp(appUrl: string, runId: string): Promise<string | undefined> {
  const port = new URL(appUrl).port;
  let response: Response;
  try {
    response = await fetch(`${appUrl}/`, { signal: AbortSignal.timeout(3_000) });
  } catch {
    return `the web app is not listening on port ${port} yet`;
  }
  await response.body?.cancel();
  if (response.headers.get(DEV_RUN_HEADER) !== runId)
    return `another server answers on port ${port} (not the web app this pnpm dev started)`;
  return undefined;
}

/** One management server's readiness, in words when it is not ready; undefined when it is. */
async function probeReadiness(managementUrl: string): Promise<string | undefined> {
  let response: Response;
  try {
    response = await fetch(`${managementUrl}/health/ready`, { signal: AbortSignal.timeout(3_000) });
  } catch {
    return `${managementUrl} does not answer yet`;
  }
  if (response.ok) {
    await response.body?.cancel();
    return undefined;
  }
  const text = await response.text();
  try {
    return describeReadiness(JSON.parse(text));
  } catch {
    return describeReadiness(text);
  }
}

/**
 * Waits until the web app this run started holds the public port (it echoes the run's id, so another server on
 * the port never counts) and every management server (web's, then the worker's) reports ready: services
 * reachable, migrations applied, both stamps right; and `pendingWork` (the watchers' first pass) is done. Says the
 * current reason every few seconds. `failure` returns
 * why to give up early (the apps exited, the port was taken), if they must.
 */
export async function waitUntilReady(
  appUrl: string,
  runId: string,
  managementUrls: readonly string[],
  progress: Progress,
  pendingWork: () => string | undefined,
  failure: () => string | undefined,
): Promise<void> {
  const deadline = Date.now() + TIMEOUT_MS;
  let reason = 'starting';
  await progress.during(
    'waiting for web and worker to be ready',
    async () => {
      while (Date.now() < deadline) {
        const fatal = failure();
        if (fatal !== undefined) throw new Error(fatal);
        let notReady = await probeOwnApp(appUrl, runId);
        for (const managementUrl of managementUrls) {
          if (notReady !== undefined) break;
          notReady = await probeReadiness(managementUrl);
        }
        notReady ??= pendingWork();
        if (notReady === undefined) return;
        reason = notReady;
        await sleep(POLL_MS);
      }
      throw new Error(`the apps were not ready after ${TIMEOUT_MS / 1000}s: ${reason}`);
    },
    () => reason,
  );
}
