import { formatDiffTable } from '../diff/diff-table.js';
import { readSide, type DiffSource } from '../diff/read-side.js';
import { findSharedResources } from '../diff/shared-resources.js';
import { formatProblem } from '../problems.js';
import { EXIT, type CommandOutput } from './output.js';

/**
 * `env:diff <a> <b>`: the variables of two environments side by side, secrets masked, and exit 1 when they share
 * what must differ (a secret, a database, a Redis keyspace, a bucket), each named by variable, never by value.
 */
export function diffCommand(
  sources: readonly [DiffSource, DiffSource],
  cwd: string,
  output: CommandOutput,
): number {
  const a = readSide(sources[0], cwd);
  const b = readSide(sources[1], cwd);
  const sameEnvironment = a.environment === b.environment;
  const labels: [string, string] =
    a.environment === undefined || b.environment === undefined || sameEnvironment
      ? [a.source.path, b.source.path]
      : [a.environment, b.environment];
  output.out(formatDiffTable(a, b, labels));
  const unreadable = [a, b].flatMap((side, index) =>
    side.problems.map((problem) => ({
      ...problem,
      message: `${problem.message} (reading ${labels[index] ?? ''})`,
    })),
  );
  if (unreadable.length > 0) {
    output.error(
      `\ncannot compare: ${unreadable.length === 1 ? 'a problem' : `${unreadable.length} problems`} reading the two sides`,
    );
    for (const problem of unreadable) output.out(formatProblem(problem));
    return EXIT.problems;
  }
  for (const [index, side] of [a, b].entries()) {
    for (const problem of side.skipped) {
      output.error(
        `warning: ${problem.variable} of ${labels[index] ?? ''} not compared: ${problem.message}. Fix: pass --secrets-${index === 0 ? 'a' : 'b'} <dir> with the secrets the deploy job writes`,
      );
    }
  }
  if (sameEnvironment) {
    output.error(`\nboth are ${a.environment ?? ''}: nothing has to differ between them`);
    return EXIT.ok;
  }
  const shared = findSharedResources(a, b);
  if (shared.length === 0) {
    output.error(
      `\n${labels[0]} and ${labels[1]} share no secret, database, Redis keyspace or bucket`,
    );
    return EXIT.ok;
  }
  output.error(
    `\n${labels[0]} and ${labels[1]} share ${shared.length === 1 ? 'one thing' : `${shared.length} things`} that must differ:`,
  );
  for (const problem of shared) output.out(formatProblem(problem));
  return EXIT.problems;
}
