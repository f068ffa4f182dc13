import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { childProcessEnv } from '@repo/config/host';
import { freshCopy, processesUnder, removeCopy, runnerPid, waitFor } from '@repo/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devProject } from '../src/dev-project.js';
import { interrupt, startDev, type DevRun } from './support/dev-run.js';

let copy: string;

beforeAll(() => {
  copy = freshCopy();
});

afterAll(() => {
  if (!copy) return;
  spawnSync('pnpm', ['dev:reset', '--yes'], {
    cwd: copy,
    env: childProcessEnv(),
    encoding: 'utf8',
    timeout: 120_000,
  });
  removeCopy(copy);
});

function composeStates(): string[] {
  const result = spawnSync(
    'docker',
    ['compose', '-p', devProject(copy).name, 'ps', '--all', '--format', '{{.Service}}={{.State}}'],
    { encoding: 'utf8' },
  );
  return result.stdout.split('\n').filter(Boolean).sort();
}

/** Nothing of the checkout runs any more and the services are stopped, as after Ctrl-C. */
async function expectEverythingStopped(how: string): Promise<void> {
  await waitFor(() => processesUnder(copy).length === 0, {
    timeoutMs: 90_000,
    intervalMs: 500,
    description: `every process of the checkout to end after ${how}`,
  }).catch((error: unknown) => {
    throw new Error(
      `${(error as Error).message}\nstill running:\n${processesUnder(copy).join('\n')}`,
    );
  });
  await waitFor(() => composeStates().join(',') === 'postgres=exited,redis=exited', {
    timeoutMs: 90_000,
    intervalMs: 500,
    description: `the dev services to be stopped after ${how} (now ${composeStates().join(', ')})`,
  });
}

async function expectSamePorts(first: DevRun, next: DevRun): Promise<void> {
  expect(next.appUrl).toBe(first.appUrl);
  expect(next.managementUrl).toBe(first.managementUrl);
  expect(next.postgres).toBe(first.postgres);
  const ready = await fetch(`${next.managementUrl}/health/ready`);
  expect(ready.status).toBe(200);
}

describe('pnpm dev stops cleanly however it is stopped', () => {
  let first: DevRun;

  it('answers a second pnpm dev in the same checkout with the running URL, and leaves the first alone', async () => {
    first = await startDev(copy, {}, { terminal: true });
    const second = spawnSync('pnpm', ['dev'], {
      cwd: copy,
      env: childProcessEnv(),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(second.status).not.toBe(0);
    expect(second.stdout).toContain('pnpm dev is already running in this checkout');
    expect(second.stdout).toContain(first.appUrl);
    expect((await fetch(`${first.managementUrl}/health/ready`)).status).toBe(200);
  });

  it('closing the terminal (a hangup) stops the apps, the watchers, turbo and the services', async () => {
    first.process.signal('SIGKILL');
    await expectEverythingStopped('the terminal closed');
  });

  it('SIGTERM to pnpm, which does not pass it on, stops everything too; the next run keeps the ports', async () => {
    const run = await startDev(copy);
    await expectSamePorts(first, run);
    run.process.signal('SIGTERM');
    await expectEverythingStopped('SIGTERM to pnpm');
  });

  it('a SIGKILLed runner takes the apps and the services down with it', async () => {
    const run = await startDev(copy);
    await expectSamePorts(first, run);
    const runner = await waitFor(() => runnerPid(copy), { description: 'the ladder-dev runner' });
    process.kill(runner, 'SIGKILL');
    await expectEverythingStopped('SIGKILL of the runner');
    await run.process.exited;
  });

  it('moves the app to another port when a foreign server holds it, says so, and never takes it for its own', async () => {
    const port = Number(new URL(first.appUrl).port);
    const foreign: Server = createServer((_request, response) => response.end('not ladder'));
    await new Promise<void>((resolve) => foreign.listen(port, resolve));
    try {
      const run = await startDev(copy);
      expect(run.appUrl).not.toBe(first.appUrl);
      expect(run.process.output()).toContain(`Port ${port} was busy`);
      expect(run.postgres).toBe(first.postgres);
      expect(await interrupt(copy, run.process)).toBe(0);
      await expectEverythingStopped('Ctrl-C');
    } finally {
      await new Promise((resolve) => foreign.close(resolve));
    }
  });
});
