import { spawnSync } from 'node:child_process';
import { isAlive } from './apps/session-processes.js';

const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'fish']);
const POLL_MS = 1_000;

function psField(pid: number, field: 'ppid' | 'comm'): string {
  // No `ps` (a bare PATH) means nothing to watch, never a crash.
  const result = spawnSync('ps', ['-o', `${field}=`, '-p', String(pid)], { encoding: 'utf8' });
  return (result.stdout ?? '').trim();
}

/**
 * The processes whose end means nobody is waiting for `pnpm dev` any more: the parent and, when the parent is
 * the shell a package manager runs scripts in, the package manager above it. `kill -TERM` of pnpm ends pnpm alone
 * (it does not pass the signal on), leaving this runner under an orphaned shell.
 */
export function watchedAncestors(): number[] {
  const parent = process.ppid;
  const watched = [parent];
  const command = psField(parent, 'comm').split('/').pop() ?? '';
  if (SHELLS.has(command)) {
    const grandparent = Number(psField(parent, 'ppid'));
    if (grandparent > 1) watched.push(grandparent);
  }
  return watched;
}

/** Calls `onGone` once when any watched ancestor exits. Returns a function that stops watching. */
export function whenAncestorsExit(onGone: () => void): () => void {
  const watched = watchedAncestors();
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent && watched.every(isAlive)) return;
    clearInterval(timer);
    onGone();
  }, POLL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
