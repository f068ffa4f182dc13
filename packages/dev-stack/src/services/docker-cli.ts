import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runs the docker CLI (which honours DOCKER_HOST like the rest of the toolchain); stdout trimmed. */
export async function docker(args: readonly string[], timeoutMs = 60_000): Promise<string> {
  const { stdout } = await run('docker', [...args], { timeout: timeoutMs });
  return stdout.trim();
}

/** True when a Docker engine answers and compose v2 is installed. */
export async function dockerAvailable(): Promise<boolean> {
  try {
    await docker(['info', '--format', '{{.ServerVersion}}'], 10_000);
    await docker(['compose', 'version'], 10_000);
    return true;
  } catch {
    return false;
  }
}

/** The compose services of `project` that are running, by service name. */
export async function runningServices(project: string): Promise<string[]> {
  const output = await docker([
    'compose',
    '-p',
    project,
    'ps',
    '--format',
    '{{.Service}} {{.State}}',
  ]);
  return output
    .split('\n')
    .map((line) => line.trim().split(' '))
    .filter(([, state]) => state === 'running')
    .map(([service]) => service ?? '');
}
