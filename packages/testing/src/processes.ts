import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { waitFor } from './wait-for.js';

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A child process whose stdout and stderr lines are kept for assertions. */
export class RunningProcess {
  readonly lines: string[] = [];
  readonly exited: Promise<ProcessExit>;
  private readonly child: ChildProcess;

  constructor(
    readonly name: string,
    command: string,
    args: readonly string[],
    options: { env: Record<string, string>; cwd?: string },
  ) {
    this.child = spawn(command, args, {
      env: options.env,
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.exited = once(this.child, 'exit').then(([code, signal]) => ({
      code: code as number | null,
      signal: signal as NodeJS.Signals | null,
    }));
    for (const stream of [this.child.stdout, this.child.stderr]) {
      let pending = '';
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => {
        const parts = (pending + chunk).split('\n');
        pending = parts.pop() ?? '';
        this.lines.push(...parts);
      });
      stream?.on('end', () => {
        if (pending) this.lines.push(pending);
      });
    }
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  output(): string {
    return this.lines.join('\n');
  }

  /** The first line matching `pattern`; fails early if the process exits first. */
  async waitForLine(pattern: RegExp, timeoutMs = 30_000): Promise<string> {
    const found = (): string | undefined => this.lines.find((candidate) => pattern.test(candidate));
    // A process that exits without printing the line fails the wait at once, not at the timeout.
    const exitedFirst = this.exited.then(() => {
      const line = found();
      if (line !== undefined) return line;
      throw new Error(`${this.name} exited before printing ${pattern}:\n${this.output()}`);
    });
    return Promise.race([
      waitFor(found, { timeoutMs, description: `${this.name} to print ${pattern}` }),
      exitedFirst,
    ]);
  }

  signal(signal: NodeJS.Signals): void {
    if (this.running) this.child.kill(signal);
  }

  /** Sends `signal` and waits for the exit; SIGKILL after `timeoutMs` so no process outlives a test. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 30_000): Promise<ProcessExit> {
    if (!this.running) return this.exited;
    this.child.kill(signal);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }
}

export function startProcess(
  name: string,
  command: string,
  args: readonly string[],
  options: { env: Record<string, string>; cwd?: string },
): RunningProcess {
  return new RunningProcess(name, command, args, options);
}
