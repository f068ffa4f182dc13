import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { stopSession } from './session-processes.js';
import type { SupervisorPlan } from './supervisor.js';

const SUPERVISOR = fileURLToPath(new URL('./supervisor.js', import.meta.url));
/** The supervisor gives the apps 30 s; past this the runner stops the session itself. */
const STOP_TIMEOUT_MS = 45_000;

export interface SupervisedApps {
  /** The supervisor's pid, which is also the id of the session every app and watcher runs in. */
  readonly sessionId: number | undefined;
  /** Resolves when the supervisor (and so every app and watcher) has exited. */
  readonly exited: Promise<void>;
  hasExited(): boolean;
  /** Stops the apps and watchers, and waits until they are gone. */
  stop(): Promise<void>;
}

function forwardLines(
  stream: NodeJS.ReadableStream | null,
  target: NodeJS.WritableStream,
  onLine: (line: string) => void,
): void {
  if (!stream) return;
  createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
    target.write(`${line}\n`);
    onLine(line);
  });
}

/**
 * Runs both apps in watch mode through turbo, under a supervisor in a session of its own: libraries recompile with
 * `tsc --watch`, each app restarts with `node --watch`. Everything inherits `environment`, so web and worker read
 * the same values. The supervisor's stdin is a pipe from this process: if this process dies in any way, the pipe
 * closes and the supervisor stops the whole session (see supervisor.ts). Output passes through `onLine`.
 */
export function startApps(
  root: string,
  environment: Record<string, string>,
  options: { whenOrphaned?: readonly string[]; onLine: (line: string) => void },
): SupervisedApps {
  const turbo = join(root, 'node_modules', '.bin', 'turbo');
  const plan: SupervisorPlan = {
    command: [
      turbo,
      'run',
      'dev',
      '--filter=@repo/web...',
      '--filter=@repo/worker...',
      // Every package's watcher is a persistent task, and turbo refuses to start with fewer slots than those; they
      // idle between edits, so the slots cost nothing.
      '--concurrency=64',
      '--ui=stream',
      ...(process.stdout.isTTY ? ['--color'] : []),
    ],
    whenOrphaned: options.whenOrphaned,
  };
  const supervisor: ChildProcess = spawn(process.execPath, [SUPERVISOR, JSON.stringify(plan)], {
    cwd: root,
    env: process.stdout.isTTY ? { ...environment, FORCE_COLOR: '1' } : environment,
    stdio: ['pipe', 'pipe', 'pipe'],
    // A session of its own: a terminal's signals reach only the runner, which stops the apps exactly once and
    // in order (apps first, services after); and the session still names every app once turbo is gone.
    detached: true,
  });
  supervisor.stdin?.on('error', () => undefined);
  forwardLines(supervisor.stdout, process.stdout, options.onLine);
  forwardLines(supervisor.stderr, process.stderr, options.onLine);
  const exited = once(supervisor, 'exit').then(() => undefined);
  const hasExited = (): boolean => supervisor.exitCode !== null || supervisor.signalCode !== null;
  return {
    sessionId: supervisor.pid,
    exited,
    hasExited,
    stop: async () => {
      if (hasExited()) return;
      supervisor.stdin?.end('stop\n');
      const timer = setTimeout(() => {
        if (supervisor.pid !== undefined) void stopSession(supervisor.pid, 5_000);
      }, STOP_TIMEOUT_MS);
      try {
        await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
