import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { DiffSource } from '../diff/read-side.js';
import { APP_ENVIRONMENTS } from '../environments.js';
import { localDefaultEnvironment } from '../loading/local-default.js';
import { findRepositoryRoot } from '../loading/repository-root.js';
import { checkCommand } from './check-command.js';
import { diffCommand } from './diff-command.js';
import { docsCommand } from './docs-command.js';
import { EXIT, processOutput, type CommandOutput } from './output.js';
import { printCommand } from './print-command.js';

const ENVIRONMENTS = APP_ENVIRONMENTS.join('|');
const USAGE = `usage:
  ladder-env check --env <${ENVIRONMENTS}> [--env-file <path> | --kustomize <dir>]
  ladder-env print [--env <${ENVIRONMENTS}>] [--env-file <path> | --kustomize <dir>]   (locally defaults to development)
  ladder-env diff <file-a | --kustomize dir-a> <file-b | --kustomize dir-b> [--secrets-a <dir>] [--secrets-b <dir>]
  ladder-env docs [--check]`;

const OPTIONS = {
  env: { type: 'string' },
  'env-file': { type: 'string' },
  kustomize: { type: 'string', multiple: true },
  'secrets-a': { type: 'string' },
  'secrets-b': { type: 'string' },
  check: { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The two sides of `diff` in the order given: files, overlay folders, or `--kustomize <dir>`. */
function diffSources(
  tokens: readonly { kind: string; name?: string; value?: string | undefined }[],
  cwd: string,
): DiffSource[] {
  const sources: DiffSource[] = [];
  let commandSeen = false;
  for (const token of tokens) {
    if (token.kind === 'positional') {
      if (!commandSeen) {
        commandSeen = true;
        continue;
      }
      const path = token.value ?? '';
      sources.push({ kind: isFolder(resolve(cwd, path)) ? 'kustomize' : 'file', path });
    } else if (token.kind === 'option' && token.name === 'kustomize' && token.value) {
      sources.push({ kind: 'kustomize', path: token.value });
    }
  }
  return sources;
}

/**
 * Runs one command and returns its exit code; `cwd` is where relative paths start and `environment` is the
 * process environment the configuration is checked together with.
 */
export function runCli(
  argv: readonly string[],
  output: CommandOutput = processOutput,
  cwd = process.cwd(),
  environment: Readonly<Record<string, string | undefined>> = process.env,
): number {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, tokens: true, options: OPTIONS });
  } catch (error) {
    output.error(`${(error as Error).message}\n${USAGE}`);
    return EXIT.usage;
  }
  const { values, positionals, tokens } = parsed;
  const [command, ...extra] = positionals;
  const usageError = (message: string): number => {
    output.error(`${message}\n${USAGE}`);
    return EXIT.usage;
  };
  if (values.help === true) {
    output.out(USAGE);
    return EXIT.ok;
  }
  if (command === 'diff') {
    const sources = diffSources(tokens, cwd);
    if (sources.length !== 2) return usageError('diff compares exactly two files or overlays');
    const [a, b] = sources as [DiffSource, DiffSource];
    return diffCommand(
      [
        { ...a, secrets: values['secrets-a'] },
        { ...b, secrets: values['secrets-b'] },
      ],
      cwd,
      output,
    );
  }
  if (extra.length > 0) return usageError(`unexpected arguments: ${extra.join(' ')}`);
  if (command === 'docs')
    return docsCommand(findRepositoryRoot(cwd) ?? cwd, values.check === true, output);
  if (command === 'check' || command === 'print') {
    // A developer asking what the apps see means development: print defaults to it outside CI (or to APP_ENV).
    const appEnv =
      values.env ?? (command === 'print' ? localDefaultEnvironment(environment) : undefined);
    const named =
      appEnv !== undefined || (command === 'print' && environment.APP_ENV !== undefined);
    if (!named) return usageError(`--env is required: one of ${APP_ENVIRONMENTS.join(', ')}`);
    const kustomize = values.kustomize ?? [];
    if (kustomize.length > 1) return usageError('--kustomize names one overlay folder');
    if (kustomize.length === 1 && values['env-file'] !== undefined) {
      return usageError('use --env-file or --kustomize, not both');
    }
    const options = {
      appEnv,
      envFile: values['env-file'],
      kustomize: kustomize[0],
      cwd,
      env: environment,
    };
    return command === 'check' ? checkCommand(options, output) : printCommand(options, output);
  }
  return usageError(
    command === undefined ? 'a command is required' : `unknown command: ${command}`,
  );
}
