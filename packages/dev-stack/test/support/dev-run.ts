import { childProcessEnv } from '@repo/config/host';
import { runnerPid, startProcess, waitFor, type RunningProcess } from '@repo/testing';

export interface DevRun {
  process: RunningProcess;
  appUrl: string;
  /** The web app's management server (status page, readiness), from the summary's Status page line. */
  managementUrl: string;
  /** The summary's Postgres line (password masked): it names the host port. */
  postgres: string;
}

/**
 * `pnpm dev` in `copy`, as a newcomer types it (without the test run's TESTCONTAINERS_HOST_OVERRIDE, so `pnpm dev`
 * works out the services' address itself); resolves once the summary block is printed. With `terminal`, it
 * runs in a pseudo-terminal of its own (util-linux `script`), whose session ends with a hangup when `script` is
 * killed, as when a terminal window is closed.
 */
export async function startDev(
  copy: string,
  extraEnvironment: Record<string, string> = {},
  options: { terminal?: boolean } = {},
): Promise<DevRun> {
  const [command, args] = options.terminal
    ? ['script', ['--quiet', '--flush', '--return', '--command', 'pnpm dev', '/dev/null']]
    : ['pnpm', ['dev']];
  const dev = startProcess('pnpm dev', command, args, {
    cwd: copy,
    env: childProcessEnv({ TESTCONTAINERS_HOST_OVERRIDE: undefined, ...extraEnvironment }),
  });
  const line = await dev.waitForLine(/^\s+App:\s+http/, 240_000);
  const statusLine = await dev.waitForLine(/^\s+Status page:\s+http/);
  const postgres = await dev.waitForLine(/^\s+Postgres:\s+postgres/);
  return {
    process: dev,
    appUrl: line.trim().split(/\s+/)[1] ?? '',
    managementUrl: (statusLine.trim().split(/\s+/)[2] ?? '').replace(/\/$/, ''),
    postgres: postgres.trim(),
  };
}

/**
 * Ctrl-C. In a terminal, the SIGINT reaches the runner through pnpm; here pnpm has no terminal, so the signal goes
 * to the runner itself, and pnpm waits for it as it would.
 */
export async function interrupt(copy: string, dev: RunningProcess): Promise<number | null> {
  const pid = await waitFor(() => runnerPid(copy), { description: 'the ladder-dev runner' });
  process.kill(pid, 'SIGINT');
  const exit = await Promise.race([
    dev.exited,
    new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 120_000)),
  ]);
  if (exit === undefined) {
    dev.signal('SIGKILL');
    throw new Error(`pnpm dev did not stop after Ctrl-C:\n${dev.output().slice(-4000)}`);
  }
  return exit.code;
}
