import { setTimeout as sleep } from 'node:timers/promises';
import { processTable, sessionMembersIn } from './process-table.js';

/**
 * The processes of one session. turbo puts every task into a process group of its own, so a process group misses
 * them once turbo is gone; the session the apps were started in still holds them all. `knownGroups` helps where
 * `ps` shows no sessions (macOS): see sessionMembersIn.
 */
export function sessionMembers(sessionId: number, knownGroups?: ReadonlySet<number>): number[] {
  return sessionMembersIn(processTable(), sessionId, knownGroups);
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function signal(pids: readonly number[], name: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, name);
    } catch {
      // already gone
    }
  }
}

/**
 * SIGTERM to `pids()` (the apps shut down gracefully), SIGKILL to whatever is left after `graceMs`. Returns the
 * processes it found, so callers can say what they stopped.
 */
export async function stopProcesses(pids: () => number[], graceMs: number): Promise<number[]> {
  const found = pids();
  signal(found, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (pids().length > 0 && Date.now() < deadline) await sleep(200);
  signal(pids(), 'SIGKILL');
  return found;
}

/** Stops every process of a session except `except` (the caller, when it leads the session itself). */
export function stopSession(
  sessionId: number,
  graceMs: number,
  options: { except?: number; knownGroups?: ReadonlySet<number> } = {},
): Promise<number[]> {
  return stopProcesses(
    () => sessionMembers(sessionId, options.knownGroups).filter((pid) => pid !== options.except),
    graceMs,
  );
}
