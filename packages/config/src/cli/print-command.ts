import { inspectConfig, type LoadOptions } from '../load-config.js';
import { formatVariableTable } from '../output/describe.js';
import { formatFingerprint } from '../output/fingerprint.js';
import { formatProblem } from '../problems.js';
import { EXIT, type CommandOutput } from './output.js';

/** `env:print --env <name>`: every variable's effective value, secrets masked, with where it came from. */
export function printCommand(options: LoadOptions, output: CommandOutput): number {
  const inspection = inspectConfig(options);
  output.out(formatVariableTable(inspection.variables));
  if (inspection.files.length > 0) output.out(`\nfiles read: ${inspection.files.join(', ')}`);
  for (const warning of inspection.warnings) output.error(`warning: ${formatProblem(warning)}`);
  if (inspection.config) {
    output.out(`fingerprint: ${formatFingerprint(inspection.config.fingerprint)}`);
    return EXIT.ok;
  }
  output.error(`\n${inspection.problems.length} problems:`);
  for (const problem of inspection.problems) output.error(formatProblem(problem));
  return EXIT.problems;
}
