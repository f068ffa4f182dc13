/**
 * One thing wrong with the configuration: which variable, which named rule, what is wrong and how to fix it.
 * Messages describe values without quoting secrets; `redactSecrets` is a second line of defence.
 */
export interface Problem {
  variable: string;
  rule: string;
  message: string;
  fix: string;
}

/** Something worth knowing that does not stop the process (an ignored file, an unknown variable in a file). */
export type Warning = Problem;

/** One line, starting with the variable name, so CI logs and `grep` show at a glance what to change. */
export function formatProblem(problem: Problem): string {
  return `${problem.variable} [${problem.rule}] ${problem.message}. Fix: ${problem.fix}`;
}

/** Thrown by loadConfig when the configuration is unusable; carries every problem found, not just the first. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(
    readonly environment: string,
    readonly problems: readonly Problem[],
  ) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(
      [
        `Invalid configuration for APP_ENV=${environment} (${count}):`,
        ...problems.map((problem) => `  ${formatProblem(problem)}`),
      ].join('\n'),
    );
  }
}

/** Replaces every occurrence of any secret in `text`, including its URL-encoded spelling. */
export function redactSecrets(text: string, secrets: Iterable<string>): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    for (const spelling of new Set([secret, encodeURIComponent(secret)])) {
      result = result.split(spelling).join('****');
    }
  }
  return result;
}
