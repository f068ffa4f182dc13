import { setTimeout as sleep } from 'node:timers/promises';
import type { Progress } from './progress.js';

const TIMEOUT_MS = 180_000;

/**
 * Waits until every management server (web's, then the worker's) reports ready: services reachable, migrations
 * applied, both stamps right. Gives up early if the apps exit.
 */
export async function waitUntilReady(
  managementUrls: readonly string[],
  progress: Progress,
  appsExited: () => boolean,
): Promise<void> {
  const deadline = Date.now() + TIMEOUT_MS;
  let last = 'no answer yet';
  await progress.during('waiting for web and worker to be ready', async () => {
    const waiting = [...managementUrls];
    while (Date.now() < deadline) {
      if (appsExited())
        throw new Error('the apps exited before they were ready (see their output above)');
      const [current] = waiting;
      if (current === undefined) return;
      try {
        const response = await fetch(`${current}/health/ready`, {
          signal: AbortSignal.timeout(3_000),
        });
        if (response.ok) {
          waiting.shift();
          continue;
        }
        last = `${current}: ${await response.text()}`;
      } catch (error) {
        last = `${current}: ${(error as Error).message}`;
      }
      await sleep(300);
    }
    throw new Error(
      `the apps were not ready after ${TIMEOUT_MS / 1000}s; last readiness answer: ${last}`,
    );
  });
}
