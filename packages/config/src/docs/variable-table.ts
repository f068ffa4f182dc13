import { APP_ENVIRONMENTS, type AppEnvironment } from '../environments.js';
import { variableEntry, VARIABLE_NAMES, type VariableName } from '../schema.js';
import type { PerEnvironment } from '../variables/variable.js';

/** "always", "staging, production" or "—". */
export function describeRequirement(environments: readonly AppEnvironment[] | undefined): string {
  if (!environments || environments.length === 0) return '—';
  if (APP_ENVIRONMENTS.every((environment) => environments.includes(environment))) return 'always';
  return environments.join(', ');
}

/** A per-environment default grouped by value: "development: `debug`; test: `warn`; staging, production: `info`". */
export function describeDefault(setting: PerEnvironment<string> | undefined): string {
  if (setting === undefined) return '—';
  if (typeof setting === 'string') return setting === '' ? '(empty)' : `\`${setting}\``;
  const byValue = new Map<string, AppEnvironment[]>();
  for (const environment of APP_ENVIRONMENTS) {
    const value = setting[environment];
    if (value === undefined) continue;
    byValue.set(value, [...(byValue.get(value) ?? []), environment]);
  }
  const parts = [...byValue].map(
    ([value, environments]) => `${environments.join(', ')}: \`${value}\``,
  );
  const missing = APP_ENVIRONMENTS.filter((environment) => setting[environment] === undefined);
  if (missing.length > 0) parts.push(`${missing.join(', ')}: none`);
  return parts.join('; ');
}

/** Variables in schema order, grouped by their slice. */
export function variablesByGroup(): Map<string, VariableName[]> {
  const groups = new Map<string, VariableName[]>();
  for (const name of VARIABLE_NAMES) {
    const group = variableEntry(name).group;
    groups.set(group, [...(groups.get(group) ?? []), name]);
  }
  return groups;
}
