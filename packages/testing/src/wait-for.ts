import { setTimeout as sleep } from 'node:timers/promises';

/** Polls `check` until it returns something other than undefined or false; fails with `description` on timeout. */
export async function waitFor<Value>(
  check: () => Promise<Value | undefined | false> | Value | undefined | false,
  options: { timeoutMs?: number; intervalMs?: number; description: string },
): Promise<Value> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const reason = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out waiting for ${options.description}${reason}`);
    }
    await sleep(options.intervalMs ?? 100);
  }
}
