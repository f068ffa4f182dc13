import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childProcessEnv } from '@repo/config/host';
import { copyTree } from './copy-tree.js';
import { REPOSITORY_ROOT } from './repository.js';

/**
 * The repository as a fresh clone or degit copy would have it: every file the .gitignore files do not ignore, so
 * no node_modules, dist, .turbo or .env.development. Then `pnpm install` from the local store. Needs no git, so it
 * also works in a copy made without history.
 */
export function freshCopy(source = REPOSITORY_ROOT): string {
  const copy = mkdtempSync(join(tmpdir(), 'ladder-fresh-'));
  // mkdtemp makes the folder private (0700); a checkout is normally readable, which the embedded PostgreSQL needs
  // when it runs as the `postgres` user.
  chmodSync(copy, 0o755);
  copyTree(source, copy);
  const install = spawnSync('pnpm', ['install', '--frozen-lockfile', '--prefer-offline'], {
    cwd: copy,
    env: childProcessEnv(),
    encoding: 'utf8',
    timeout: 240_000,
  });
  if (install.status !== 0)
    throw new Error(`pnpm install failed in ${copy}:\n${install.stdout}${install.stderr}`);
  return copy;
}

export function removeCopy(copy: string): void {
  rmSync(copy, { recursive: true, force: true });
}

function workingDirectory(pid: string): string {
  try {
    return readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    return '';
  }
}

/**
 * Live processes that belong to `folder`: started from a file inside it, or working inside it (where the system
 * tells, as Linux does). One line each: pid and command line.
 */
export function processesUnder(folder: string): string[] {
  const listing = spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return (listing.stdout ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => {
      const pid = line.split(' ')[0] ?? '';
      if (pid === '' || pid === String(listing.pid)) return false;
      const cwd = workingDirectory(pid);
      return line.includes(folder) || cwd === folder || cwd.startsWith(`${folder}/`);
    });
}

/** The pid of the `ladder-dev` runner started from `folder` (pnpm runs it as a grandchild). */
export function runnerPid(folder: string): number | undefined {
  const line = processesUnder(folder).find((candidate) => candidate.includes('ladder-dev.js'));
  return line === undefined ? undefined : Number(line.split(' ')[0]);
}
