// Timing a process from spawn to the moment it is ready, for the boot comparisons.
import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

/** How often a booting server is asked; short enough to add little to a boot of a few hundred ms. */
const POLL_MS = 5;
const BOOT_TIMEOUT_MS = 60_000;

function status(url, headers) {
  return new Promise((resolve) => {
    const outgoing = request(url, { headers, agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode);
    });
    outgoing.on('error', () => resolve(undefined));
    outgoing.end();
  });
}

/** Milliseconds from `start()` to the first 200 from `url`; the subject is stopped afterwards. */
export async function millisecondsToFirst200(start, url, headers = {}) {
  const started = performance.now();
  const subject = start();
  try {
    while ((await status(url, headers)) !== 200) {
      if (!subject.running)
        throw new Error(`${subject.name} exited while booting:\n${subject.output()}`);
      if (performance.now() - started > BOOT_TIMEOUT_MS)
        throw new Error(`${subject.name} never answered 200`);
      await sleep(POLL_MS);
    }
    return performance.now() - started;
  } finally {
    await subject.stop('SIGTERM', 30_000);
  }
}

/** Milliseconds from `start()` to the subject's first line matching `ready`; the subject is stopped afterwards. */
export async function millisecondsToLine(start, ready) {
  const started = performance.now();
  const subject = start();
  try {
    await subject.waitForLine(ready, BOOT_TIMEOUT_MS);
    return performance.now() - started;
  } finally {
    await subject.stop('SIGTERM', 30_000);
  }
}
