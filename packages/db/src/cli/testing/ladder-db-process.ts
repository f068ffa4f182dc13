import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { isolatedEnvironment } from '@repo/testing';

const bin = fileURLToPath(new URL('../../../bin/ladder-db.js', import.meta.url));
// The shim runs the TypeScript source (through tsx), so the tests never exercise a stale `dist`.
const sourceFlags = ['--conditions=@repo/source', '--import', import.meta.resolve('tsx')];

/** Runs `ladder-db` as a process with exactly `variables` as its environment; its exit code and output. */
export function ladderDb(
  args: string[],
  variables: Record<string, string | undefined>,
): { code: number | null; output: string } {
  const result = spawnSync(process.execPath, [...sourceFlags, bin, ...args], {
    env: isolatedEnvironment(variables),
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}
