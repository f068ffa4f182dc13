import { isDeployed, type AppEnvironment } from '../environments.js';
import { readExampleFiles } from '../loading/env-files.js';
import type { ResolvedValue } from '../loading/resolve-values.js';
import type { Problem } from '../problems.js';
import { variableEntry, type EnvironmentValues, type VariableName } from '../schema.js';
import { SAFETY_RULES } from './index.js';

/** Runs every rule that applies to this environment and reports each finding under the rule's name. */
export function runSafetyRules(
  environment: AppEnvironment,
  values: Partial<EnvironmentValues>,
  raw: ReadonlyMap<VariableName, ResolvedValue>,
  root: string,
  problems: Problem[],
): void {
  // Only the staging and production rules use them: local loads skip reading the example files.
  const committedSecretKeys = isDeployed(environment)
    ? [
        ...Object.values(variableEntry('SECRET_KEY').exampleFiles ?? {}),
        ...readExampleFiles(root).flatMap((file) => (file.SECRET_KEY ? [file.SECRET_KEY] : [])),
      ]
    : [];
  const rawValues = Object.fromEntries([...raw].map(([name, { value }]) => [name, value]));
  for (const rule of SAFETY_RULES) {
    if (!rule.environments.includes(environment)) continue;
    for (const finding of rule.check({
      environment,
      values,
      raw: rawValues,
      committedSecretKeys,
    })) {
      problems.push({ ...finding, rule: rule.name });
    }
  }
}
