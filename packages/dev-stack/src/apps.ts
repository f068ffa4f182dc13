import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

const STOP_GRACE_MS = 40_000;

/**
 * Runs both apps in watch mode through turbo: libraries recompile with `tsc --watch`, each app recompiles and
 * restarts with `node --watch`. Everything inherits `environment`, so web and worker read the same values.
 */
export function startApps(root: string, environment: Record<string, string>): ChildProcess {
  const turbo = join(root, 'node_modules', '.bin', 'turbo');
  return spawn(
    turbo,
    ['run', 'dev', '--filter=@repo/web...', '--filter=@repo/worker...', '--ui=stream'],
    {
      cwd: root,
      env: environment,
      stdio: 'inherit',
      // Its own process group: a terminal's Ctrl-C reaches only this runner, which then stops the apps exactly once
      // and in order (apps first, services after).
      detached: true,
    },
  );
}

/**
 * The last resort if this runner dies (a crash, a closed terminal): take turbo's group down with it instead of
 * leaving the apps running unattended. `exit` handlers must be synchronous, so this only signals.
 */
export function stopAppsOnExit(apps: ChildProcess): void {
  process.once('exit', () => {
    if (apps.pid === undefined || apps.exitCode !== null || apps.signalCode !== null) return;
    try {
      process.kill(-apps.pid, 'SIGTERM');
    } catch {
      // the group is already gone
    }
  });
}

/** Signals turbo's whole process group (turbo and every app), as a terminal would, and waits; SIGKILL after a grace period. */
export async function stopApps(apps: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (apps.exitCode !== null || apps.signalCode !== null) return;
  const exited = once(apps, 'exit');
  const signalGroup = (name: NodeJS.Signals): void => {
    try {
      if (apps.pid !== undefined) process.kill(-apps.pid, name);
    } catch {
      // the group is already gone
    }
  };
  signalGroup(signal);
  const timer = setTimeout(() => signalGroup('SIGKILL'), STOP_GRACE_MS);
  try {
    await exited;
  } finally {
    clearTimeout(timer);
  }
}
