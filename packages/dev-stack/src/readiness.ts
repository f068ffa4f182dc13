import { setTimeout as sleep } from 'node:timers/promises';
import type { Progress } from './progress.js';

const TIMEOUT_MS = 180_000;

/**
 * Waits until the web app reports ready: migrations applied, both stamps right, and a worker with the same
 * configuration fingerprint alive. Gives up early if the apps exit.
 */
export async function waitUntilReady(
  baseUrl: string,
  progress: Progress,
  appsExited: () => boolean,
): Promise<void> {
  const deadline = Date.now() + TIMEOUT_MS;
  let last = 'no answer yet';
  await progress.during('waiting for web and worker to be ready', async () => {
    while (Date.now() < deadline) {
      if (appsExited())
        throw new Error('the apps exited before they were ready (see their output above)');
      try {
        const response = await fetch(`${baseUrl}/health/ready`, {
          signal: AbortSignal.timeout(3_000),
        });
        if (response.ok) return;
        last = await response.text();
      } catch (error) {
        last = (error as Error).message;
      }
      await sleep(300);
    }
    throw new Error(
      `the apps were not ready after ${TIMEOUT_MS / 1000}s; last readiness answer: ${last}`,
    );
  });
}
