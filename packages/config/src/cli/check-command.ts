import { inspectConfig, type LoadOptions } from '../load-config.js';
import { formatFingerprint } from '../output/fingerprint.js';
import { formatProblem } from '../problems.js';
import { EXIT, type CommandOutput } from './output.js';

/**
 * `env:check --env <name> [--env-file <path>]`: validates a file plus the process environment with every rule.
 * Problems go to stdout, one per line, each starting with the variable name; exit 1 when there is any.
 */
export function checkCommand(options: LoadOptions, output: CommandOutput): number {
  const inspection = inspectConfig(options);
  for (const warning of inspection.warnings) output.error(`warning: ${formatProblem(warning)}`);
  if (inspection.config) {
    output.out(
      `${inspection.config.appEnv} configuration is valid (fingerprint ${formatFingerprint(inspection.config.fingerprint)})`,
    );
    return EXIT.ok;
  }
  const count = inspection.problems.length;
  output.error(
    `${count} ${count === 1 ? 'problem' : 'problems'} in the ${options.appEnv ?? ''} configuration:`,
  );
  for (const problem of inspection.problems) output.out(formatProblem(problem));
  return EXIT.problems;
}
