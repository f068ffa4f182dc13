import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { stopProcesses } from './session-processes.js';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** A node process that says "ready" once its SIGTERM handling is in place. */
async function child(onSigterm: 'exit' | 'ignore'): Promise<ChildProcess> {
  const script = `process.on('SIGTERM', () => { ${onSigterm === 'exit' ? 'process.exit(0)' : ''} });
setInterval(() => undefined, 1000); console.log('ready');`;
  const started = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(started);
  await once(started.stdout, 'data');
  return started;
}

const alive = (running: ChildProcess) => () =>
  running.exitCode === null && running.signalCode === null ? [running.pid ?? 0] : [];

describe('stopProcesses', () => {
  it('stops a process that honours SIGTERM with SIGTERM, and reports it', async () => {
    const graceful = await child('exit');
    const exited = once(graceful, 'exit');
    expect(await stopProcesses(alive(graceful), 30_000)).toEqual([graceful.pid]);
    expect(await exited).toEqual([0, null]);
  });

  it('kills a process that ignores SIGTERM once the grace period is over', async () => {
    const stubborn = await child('ignore');
    const exited = once(stubborn, 'exit');
    expect(await stopProcesses(alive(stubborn), 300)).toEqual([stubborn.pid]);
    expect(await exited).toEqual([null, 'SIGKILL']);
  });
});
