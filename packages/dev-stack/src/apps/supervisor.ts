import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { groupsOf, processTable, reportsSessions, sessionMembersIn } from './process-table.js';
import { stopSession } from './session-processes.js';

/**
 * Runs in a session of its own, started by `pnpm dev`'s runner, and owns everything in it: turbo, the watchers
 * and the apps. Its stdin is a pipe from the runner. The runner writes `stop` and closes it to stop the apps; a
 * pipe that closes without `stop` means the runner died (SIGKILL, a crash), and then the supervisor also stops
 * the dev services the runner left behind. Either way nothing of the session outlives it.
 */
export interface SupervisorPlan {
  command: readonly string[];
  /** Run after the apps stopped when the runner died without stopping them, e.g. `docker compose stop`. */
  whenOrphaned?: readonly string[];
}

const GRACE_MS = 30_000;
/** How often the process groups of the session are noted where `ps` shows no sessions. */
const GROUPS_POLL_MS = 2_000;

const plan = JSON.parse(process.argv[2] ?? '{}') as SupervisorPlan;
const [executable = 'false', ...args] = plan.command;
const child = spawn(executable, args, { stdio: ['ignore', 'inherit', 'inherit'] });

/**
 * Where `ps` shows no sessions (macOS), the session is found from this process's tree; a task whose parent (turbo)
 * died is no longer in that tree, but is still in its process group, so the groups seen are noted as they come.
 */
const knownGroups = new Set<number>();
if (!reportsSessions(processTable())) {
  setInterval(() => {
    const table = processTable();
    const current = groupsOf(table, sessionMembersIn(table, process.pid, knownGroups));
    // Only groups that still have members: an empty group's id may be given to an unrelated process later.
    knownGroups.clear();
    for (const group of current) knownGroups.add(group);
  }, GROUPS_POLL_MS).unref();
}

let stopRequested = false;
let stdinOpen = true;
let stopping: Promise<never> | undefined;

function stop(exitCode: number): Promise<never> {
  stopping ??= (async () => {
    const orphaned = !stopRequested;
    await stopSession(process.pid, GRACE_MS, { except: process.pid, knownGroups });
    if (orphaned && plan.whenOrphaned) {
      const [cleanup = 'true', ...cleanupArgs] = plan.whenOrphaned;
      spawnSync(cleanup, cleanupArgs, { stdio: 'ignore', timeout: 90_000 });
    }
    process.exit(exitCode);
  })();
  return stopping;
}

process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk: string) => {
  if (chunk.includes('stop')) stopRequested = true;
});
const stdinClosed = Promise.race([once(process.stdin, 'end'), once(process.stdin, 'close')]);
void stdinClosed.then(() => {
  stdinOpen = false;
  return stop(0);
});
process.stdin.on('error', () => undefined);
// Output is best effort: a runner that went away must not crash the supervisor halfway through its cleanup.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
for (const name of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(name, () => {
    stopRequested = true;
    void stop(0);
  });
}

child.on('exit', (code) => {
  void (async () => {
    // turbo may go first when the runner dies (its output pipe breaks); give the closed stdin a moment to say so.
    if (stdinOpen) await Promise.race([stdinClosed, sleep(1_000)]);
    if (stdinOpen) stopRequested = true;
    await stop(code ?? 1);
  })();
});
