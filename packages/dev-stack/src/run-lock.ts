import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isAlive, sessionMembers, stopProcesses } from './apps/session-processes.js';

/** What a running `pnpm dev` records about itself, so a second one can answer and a crashed one can be cleaned up. */
export interface RunRecord {
  runner: number;
  /** The session the apps run in (the supervisor's pid). */
  appSession?: number;
  /** Processes of the dev services that are not in the app session (the embedded fallback's servers). */
  servicePids?: number[];
  appUrl?: string;
}

export function runRecordFile(root: string): string {
  return join(root, '.data', 'dev-run.json');
}

function readRecord(root: string): RunRecord | undefined {
  try {
    return JSON.parse(readFileSync(runRecordFile(root), 'utf8')) as RunRecord;
  } catch {
    return undefined;
  }
}

/** Alive, and a `pnpm dev` runner (a recycled pid belongs to something else). */
function isRunner(pid: number): boolean {
  if (!isAlive(pid)) return false;
  const command = spawnSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' }).stdout;
  return (command ?? '').includes('ladder-dev');
}

export type RunClaim =
  { kind: 'already-running'; record: RunRecord } | { kind: 'claimed'; stoppedLeftovers: number[] };

/**
 * Claims the checkout for this run. When another runner is alive it answers `already-running`; when the record
 * is a dead run's, whatever that run left (apps, watchers, embedded servers) is stopped first.
 */
export async function claimRun(root: string): Promise<RunClaim> {
  const previous = readRecord(root);
  if (previous && previous.runner !== process.pid && isRunner(previous.runner))
    return { kind: 'already-running', record: previous };
  let stoppedLeftovers: number[] = [];
  if (previous) {
    const session = previous.appSession;
    const leftovers = (): number[] => [
      ...(session === undefined ? [] : sessionMembers(session)),
      ...(previous.servicePids ?? []).filter(isAlive),
    ];
    stoppedLeftovers = await stopProcesses(leftovers, 20_000);
  }
  updateRunRecord(root, { runner: process.pid });
  return { kind: 'claimed', stoppedLeftovers };
}

/** Adds to this run's record. */
export function updateRunRecord(root: string, facts: Partial<RunRecord>): void {
  const file = runRecordFile(root);
  mkdirSync(dirname(file), { recursive: true });
  const current = readRecord(root);
  const base = current?.runner === process.pid ? current : { runner: process.pid };
  writeFileSync(file, `${JSON.stringify({ ...base, ...facts }, null, 2)}\n`);
}

/** Removes the record if it is this run's. Synchronous, so it also works in an `exit` handler. */
export function releaseRun(root: string): void {
  if (readRecord(root)?.runner === process.pid) rmSync(runRecordFile(root), { force: true });
}
