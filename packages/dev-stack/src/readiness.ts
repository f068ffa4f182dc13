import { setTimeout as sleep } from 'node:timers/promises';
import type { Progress } from './progress.js';
import { describeReadiness } from './readiness-reason.js';

const TIMEOUT_MS = 180_000;
const POLL_MS = 300;
/** The response header in which the web app echoes DEV_RUN_ID (see apps/web/src/app.factory.ts). */
export const DEV_RUN_HEADER = 'x-dev-run';

/** One readiness probe, in words when it is not ready; undefined when this run's web app is ready. */
async function probe(baseUrl: string, runId: string): Promise<string | undefined> {
  const port = new URL(baseUrl).port;
  let response: Response;
  try {
    response = await fetch(`${baseUrl}/health/ready`, { signal: AbortSignal.timeout(3_000) });
  } catch {
    return `the web app is not listening on port ${port} yet`;
  }
  if (response.headers.get(DEV_RUN_HEADER) !== runId) {
    await response.body?.cancel();
    return `another server answers on port ${port} (not the web app this pnpm dev started)`;
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
 * Waits until the web app this run started reports ready (it echoes the run's id, so another server on the port
 * never counts). Says the current reason every few seconds. `failure` returns why to give up early (the apps
 * exited, the port was taken), if they must.
 */
export async function waitUntilReady(
  baseUrl: string,
  runId: string,
  progress: Progress,
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
        const notReady = await probe(baseUrl, runId);
        if (notReady === undefined) return;
        reason = notReady;
        await sleep(POLL_MS);
      }
      throw new Error(`the apps were not ready after ${TIMEOUT_MS / 1000}s: ${reason}`);
    },
    () => reason,
  );
}
