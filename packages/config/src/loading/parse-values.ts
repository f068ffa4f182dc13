import type { AppEnvironment } from '../environments.js';
import type { Problem } from '../problems.js';
import {
  variableEntry,
  variableSchema,
  VARIABLE_NAMES,
  type EnvironmentValues,
  type VariableName,
} from '../schema.js';
import { forEnvironment } from '../variables/variable.js';
import type { ResolvedValue } from './resolve-values.js';

/** Fills unset variables with their default for this environment, and reports required ones that stay unset. */
export function applyDefaults(
  raw: Map<VariableName, ResolvedValue>,
  environment: AppEnvironment,
  reported: ReadonlySet<string>,
  problems: Problem[],
): void {
  for (const name of VARIABLE_NAMES) {
    if (raw.has(name) || reported.has(name)) continue;
    const entry = variableEntry(name);
    const fallback = forEnvironment(entry.default, environment);
    if (fallback !== undefined) {
      raw.set(name, { value: fallback, origin: { kind: 'default' } });
    } else if (entry.requiredIn?.includes(environment)) {
      problems.push({
        variable: name,
        rule: 'required',
        message: `is required in ${environment} and not set`,
        fix: `set ${name} (${entry.sensitive ? entry.expected : `e.g. ${entry.example}`})${entry.sensitive ? `, or ${name}_FILE=/path/to/secret` : ''}`,
      });
    }
  }
}

/** Runs each raw value through its schema; a value that does not parse becomes a problem naming what it expects. */
export function parseValues(
  raw: ReadonlyMap<VariableName, ResolvedValue>,
  problems: Problem[],
): Partial<EnvironmentValues> {
  const values: Record<string, unknown> = {};
  for (const [name, { value }] of raw) {
    if (name === 'APP_ENV') continue;
    const result = variableSchema(name).safeParse(value);
    if (result.success) {
      values[name] = result.data;
      continue;
    }
    const entry = variableEntry(name);
    const messages = [...new Set(result.error.issues.map((issue) => issue.message))];
    problems.push({
      variable: name,
      rule: entry.formatRule,
      message: messages.join('; '),
      fix: `set ${name} to ${entry.expected}${entry.sensitive ? '' : `, e.g. ${entry.example}`}`,
    });
  }
  return values;
}
