/** Where a command writes. Tests pass their own to capture both streams. */
export interface CommandOutput {
  out(line: string): void;
  error(line: string): void;
}

export const processOutput: CommandOutput = {
  out: (line) => process.stdout.write(`${line}\n`),
  error: (line) => process.stderr.write(`${line}\n`),
};

/** Exit codes: 0 valid, 1 problems found, 2 the command itself was misused. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;
