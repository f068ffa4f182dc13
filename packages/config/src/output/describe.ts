import type { Config } from '../config-object.js';
import { formatFingerprint } from './fingerprint.js';

/**
 * The masked effective configuration as `NAME=value` pairs, for one start-up log line. Secrets are already
 * masked in the report; nothing here reads a secret property.
 */
export function summarizeConfig(config: Config): Record<string, string> {
  const summary: Record<string, string> = {};
  for (const variable of config.report.variables) {
    if (variable.shown !== undefined) summary[variable.name] = variable.shown;
  }
  summary.FINGERPRINT = formatFingerprint(config.fingerprint);
  return summary;
}

/** Rows for `env:print`: name, masked value, origin. */
export function formatVariableTable(variables: Config['report']['variables']): string {
  const width = Math.max(...variables.map((variable) => variable.name.length));
  const valueWidth = Math.min(
    60,
    Math.max(...variables.map((variable) => (variable.shown ?? '(unset)').length)),
  );
  return variables
    .map((variable) => {
      const shown = variable.shown ?? '(unset)';
      return `${variable.name.padEnd(width)}  ${shown.padEnd(valueWidth)}  ${variable.origin}`;
    })
    .join('\n');
}
