import type { Config } from '../config-object.js';
import { variableEntry, VARIABLE_NAMES } from '../schema.js';
import { secretFragments } from './mask.js';

/**
 * Every secret of a loaded config, and the passwords inside secret URLs, for log redaction. Secrets are
 * non-enumerable in Config, so they are read through their declared config paths.
 */
export function secretValuesOf(config: Config): string[] {
  const values: string[] = [];
  for (const name of VARIABLE_NAMES) {
    const entry = variableEntry(name);
    if (!entry.sensitive) continue;
    let value: unknown = config;
    for (const segment of entry.configPath.split('.'))
      value = (value as Record<string, unknown> | undefined)?.[segment];
    if (typeof value === 'string') values.push(...secretFragments(value));
  }
  return [...new Set(values)]
    .filter((value) => value.length >= 4)
    .sort((left, right) => right.length - left.length);
}
