import { runCli } from '../cli/main.js';
import { findRepositoryRoot } from '../loading/repository-root.js';
import type { Variables } from './fixtures.js';

/** Found by walking up, so tests also find it from a copy of the package (the mutation-testing sandbox). */
export const repositoryRoot = findRepositoryRoot(import.meta.dirname) ?? process.cwd();

export interface CapturedRun {
  code: number;
  out: string[];
  error: string[];
}

/** Runs a ladder-env command in this process and captures both streams, one entry per line. */
export function runCapturing(
  argv: string[],
  environment: Variables = {},
  cwd = repositoryRoot,
): CapturedRun {
  const out: string[] = [];
  const error: string[] = [];
  const code = runCli(
    argv,
    {
      out: (text) => out.push(...text.split('\n')),
      error: (text) => error.push(...text.split('\n')),
    },
    cwd,
    environment,
  );
  return { code, out, error };
}
