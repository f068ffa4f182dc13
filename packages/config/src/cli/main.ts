import { parseArgs } from 'node:util';
import { APP_ENVIRONMENTS } from '../environments.js';
import { findRepositoryRoot } from '../loading/repository-root.js';
import { checkCommand } from './check-command.js';
import { docsCommand } from './docs-command.js';
import { EXIT, processOutput, type CommandOutput } from './output.js';
import { printCommand } from './print-command.js';

const USAGE = `usage:
  ladder-env check --env <${APP_ENVIRONMENTS.join('|')}> [--env-file <path>]
  ladder-env print --env <${APP_ENVIRONMENTS.join('|')}> [--env-file <path>]
  ladder-env docs [--check]`;

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
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        env: { type: 'string' },
        'env-file': { type: 'string' },
        check: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    output.error(`${(error as Error).message}\n${USAGE}`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  const [command, ...extra] = positionals;
  if (values.help === true) {
    output.out(USAGE);
    return EXIT.ok;
  }
  if (extra.length > 0) {
    output.error(`unexpected arguments: ${extra.join(' ')}\n${USAGE}`);
    return EXIT.usage;
  }
  if (command === 'docs')
    return docsCommand(findRepositoryRoot(cwd) ?? cwd, values.check === true, output);
  if (command === 'check' || command === 'print') {
    if (values.env === undefined) {
      output.error(`--env is required: one of ${APP_ENVIRONMENTS.join(', ')}\n${USAGE}`);
      return EXIT.usage;
    }
    const options = { appEnv: values.env, envFile: values['env-file'], cwd, env: environment };
    return command === 'check' ? checkCommand(options, output) : printCommand(options, output);
  }
  output.error(
    `${command === undefined ? 'a command is required' : `unknown command: ${command}`}\n${USAGE}`,
  );
  return EXIT.usage;
}
